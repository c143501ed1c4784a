using ImpactBot.Core.Files;
using System.Collections.Immutable;
using ImpactBot.Sql.Dialects;

namespace ImpactBot.Core.Graph;

/// <summary>
/// What the graph builder needs to know about one asset, whatever read it (dbt files, a manifest, plain SQL, .impactbot.yml).
/// <see cref="Relations"/> are the names SQL uses for it (<c>__ref__.orders</c>, <c>analytics.orders</c>); <see cref="DependsOn"/>
/// lists upstream asset ids when the reader knows them (dbt refs), and is empty when only the SQL can tell.
/// </summary>
public sealed record AssetDefinition(string Id, AssetType Type)
{
    public string? Path { get; init; }

    public int Line { get; init; }

    /// <summary>The SQL to analyse (rendered dbt model, compiled code, or a plain SQL file); null for assets without SQL.</summary>
    public string? Sql { get; init; }

    /// <summary>Leads positions in <see cref="Sql"/> back to the file's lines (rendered Jinja differs from what was written).</summary>
    public SourceMap SourceMap { get; init; } = SourceMap.Identity;

    /// <summary>Hash of code the graph cannot read (a Python model): it becomes the node's body hash, so edits count as changes.</summary>
    public string? CodeHash { get; init; }

    public DialectFacts? Dialect { get; init; }

    public ImmutableArray<string> Relations { get; init; } = [];

    public ImmutableArray<DeclaredColumn> DeclaredColumns { get; init; } = [];

    /// <summary>
    /// The name its SQL uses for its own table as the warehouse has it (dbt's <c>{{ this }}</c>, read by an incremental
    /// model). It answers with <see cref="DeclaredColumns"/> when <see cref="OwnTableKnown"/>; else its columns are unknown.
    /// </summary>
    public string? OwnTable { get; init; }

    /// <summary><see cref="DeclaredColumns"/> are all of the table's columns (a catalog's), so <see cref="OwnTable"/> answers with them.</summary>
    public bool OwnTableKnown { get; init; }

    public ImmutableArray<string> DependsOn { get; init; } = [];

    public ImmutableArray<ColumnEdge> References { get; init; } = [];

    public ImmutableArray<string> Owners { get; init; } = [];

    public AssetTraits Traits { get; init; } = AssetTraits.None;

    /// <summary>Hash of documentation-only metadata; see <see cref="AssetNode.DocsHash"/>.</summary>
    public string DocsHash { get; init; } = "";

    /// <summary>Problems found while reading the asset (rendering, YAML); they travel into the graph.</summary>
    public ImmutableArray<FileDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>The renderer could not see everything (unknown macros): lineage is at best partial.</summary>
    public bool PartiallyRendered { get; init; }

    /// <summary>The dbt name the SQL was rendered with; see <see cref="AssetInputs.DbtName"/>.</summary>
    public string? DbtName { get; init; }

    /// <summary>The YAML file that describes the asset, if any.</summary>
    public string? PatchPath { get; init; }

    /// <summary>The asset whose owners this one takes; see <see cref="AssetInputs.OwnersOf"/>.</summary>
    public string? OwnersOf { get; init; }

    /// <summary>The SQL is in no file as written (a snapshot defined in YAML), so a snapshot must keep it.</summary>
    public bool KeepSql { get; init; }

    /// <summary>
    /// Rebuilt from the previous graph's node, and nothing of it changed since: the builder takes that node as it is
    /// (for SQL, when its upstreams are the previous nodes too).
    /// </summary>
    public bool Unchanged { get; init; }

    /// <summary>
    /// Set instead of <see cref="Sql"/> for an asset rebuilt from a snapshot: the SQL is read only if the asset must be
    /// bound again (see <see cref="GraphBuilder"/>).
    /// </summary>
    public DeferredSql? Deferred { get; init; }
}
