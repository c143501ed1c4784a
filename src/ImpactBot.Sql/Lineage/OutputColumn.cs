using System.Collections.Immutable;

namespace ImpactBot.Sql.Lineage;

/// <summary>
/// One output column of a query with its value sources. An unexpanded star becomes a single output named <c>*</c>
/// (or <c>t.*</c>) with <see cref="Opaque"/> set: its columns are whatever the source has.
/// <see cref="Fingerprint"/> hashes the resolved expression (sources by identity, aliases and formatting ignored), so a
/// cosmetic edit keeps it and a real edit changes it.
/// </summary>
public sealed record OutputColumn(string Name, bool Quoted, ImmutableArray<ColumnSource> Sources)
{
    public bool Opaque { get; init; }

    public string Fingerprint { get; init; } = "";

    /// <summary>The declared or inferred type when the expression fixes it (a cast, a typed literal).</summary>
    public string? Type { get; init; }

    /// <summary>Passed on unchanged (through stars) from a column the schema marks as inferred from its readers.</summary>
    public bool Inferred { get; init; }
}
