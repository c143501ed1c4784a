using System.Collections.Immutable;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Lineage;

/// <summary>
/// The column lineage of one statement: outputs in order with their sources, the row edges that apply to all of them,
/// the tables it reads, and what went wrong. Produced the same way whichever parser ran.
/// </summary>
public sealed record QueryLineage(
    ImmutableArray<OutputColumn> Columns,
    ImmutableArray<ColumnSource> Row,
    ImmutableArray<Diagnostic> Diagnostics,
    LineageStatus Status)
{
    /// <summary>The object a CREATE/INSERT/MERGE writes, as written; null for a bare query.</summary>
    public string? Target { get; init; }

    /// <summary>Every table the statement reads (CTEs resolved away), as written, in first-seen order.</summary>
    public ImmutableArray<string> Tables { get; init; } = [];

    public ClauseFingerprints Clauses { get; init; } = ClauseFingerprints.Empty;

    /// <summary>
    /// Columns read by name of tables whose columns are unknown (qualified, the one unknown table in scope, USING),
    /// anywhere in the statement, also where no output uses them; not the candidates of an ambiguous name.
    /// </summary>
    public ImmutableArray<ColumnSource> OpenReads { get; init; } = [];

    /// <summary>
    /// The table (as written) a star of the output expanded whose columns are only some of its own (inferred, or a
    /// source's YAML without a catalog): a name the output does not list may be one of that table's, passed on.
    /// </summary>
    public string? PassesUnlistedTo { get; init; }

    /// <summary>Unqualified names read in SELECTs of several FROM items, by query shape: evidence for, or questions to, other queries.</summary>
    public ImmutableArray<NameShape> NameShapes { get; init; } = [];

    /// <summary>How many ambiguous names were bound to the owner another query of the same shape gives (<see cref="ISchemaProvider.OwnerOf"/>).</summary>
    public int SettledNames { get; init; }

    /// <summary>What binding cost (zero when nothing was bound).</summary>
    public LineageWork Work { get; init; }

    public static QueryLineage Failed(Diagnostic diagnostic) =>
        new([], [], [diagnostic], LineageStatus.Failed);
}
