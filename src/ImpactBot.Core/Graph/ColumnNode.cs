using System.Collections.Immutable;

namespace ImpactBot.Core.Graph;

/// <summary>An output column of an asset with its value sources and the fingerprint of its resolved expression.</summary>
public sealed record ColumnNode(string Name, ImmutableArray<ColumnEdge> Sources)
{
    public string Fingerprint { get; init; } = "";

    public string? Type { get; init; }

    /// <summary>Line of the column's definition (its select item or its yml entry), 0 when unknown.</summary>
    public int Line { get; init; }

    /// <summary>
    /// Not known from a declaration or the SQL: inferred from what downstream models read of an asset whose columns are
    /// unknown (a source without declared columns, or a star over one, passed on unchanged).
    /// </summary>
    public bool Inferred { get; init; }
}
