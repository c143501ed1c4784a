using ImpactBot.Core.Files;
using System.Collections.Immutable;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Core.Graph;

/// <summary>
/// One asset of the lineage graph: a model, source, seed, snapshot, exposure, test, semantic model, metric or external asset.
/// <see cref="Id"/> is its dbt name (<c>orders</c>, <c>stripe.payments</c> for a source table, <c>exposure:weekly_kpis</c> style
/// names are avoided: exposures and tests keep their plain names and differ by <see cref="Type"/>).
/// </summary>
public sealed record AssetNode(string Id, AssetType Type)
{
    public string? Path { get; init; }

    public int Line { get; init; }

    /// <summary>Output columns in order (models, seeds, snapshots) or declared columns (sources).</summary>
    public ImmutableArray<ColumnNode> Columns { get; init; } = [];

    /// <summary>Row edges: columns that decide which rows the asset holds (filters, join keys, group keys, sort with limit).</summary>
    public ImmutableArray<ColumnEdge> RowSources { get; init; } = [];

    /// <summary>Column references of assets that have no SQL (tests, semantic models, metrics, exposures, catalog entries).</summary>
    public ImmutableArray<ColumnEdge> References { get; init; } = [];

    /// <summary>Model-level upstream asset ids, used where columns are unknown.</summary>
    public ImmutableArray<string> DependsOn { get; init; } = [];

    public ImmutableArray<string> Owners { get; init; } = [];

    public AssetTraits Traits { get; init; } = AssetTraits.None;

    public LineageStatus Status { get; init; } = LineageStatus.Complete;

    /// <summary>The asset reads some upstream through a star that could not be expanded.</summary>
    public bool HasWildcard { get; init; }

    /// <summary>Hash of everything that decides the asset's lineage (rendered SQL, config, dialect); equal hashes skip re-analysis.</summary>
    public string ContentHash { get; init; } = "";

    /// <summary>Hash of the SQL body alone, for rename detection.</summary>
    public string BodyHash { get; init; } = "";

    /// <summary>Hash of documentation-only metadata (descriptions, tests, owners); a change here alone is <c>info</c>.</summary>
    public string DocsHash { get; init; } = "";

    public ClauseFingerprints Clauses { get; init; } = ClauseFingerprints.Empty;

    public ImmutableArray<FileDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>
    /// Unqualified names read in SELECTs of several FROM items, by query shape, as bound on known columns alone (the
    /// graph's first pass): evidence that settles the same shape's ambiguous names in other assets, kept so a later
    /// run that reuses this asset still has it.
    /// </summary>
    public ImmutableArray<NameShape> NameShapes { get; init; } = [];

    /// <summary>What the reader knew beyond lineage, so a later run can rebuild the asset without its files.</summary>
    public AssetInputs Inputs { get; init; } = AssetInputs.None;

    public ColumnNode? FindColumn(string name)
    {
        foreach (var column in Columns)
        {
            if (string.Equals(column.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return column;
            }
        }

        return null;
    }
}
