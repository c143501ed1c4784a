using System.Collections.Frozen;
using System.Collections.Immutable;
using ImpactBot.Core.Config;
using ImpactBot.Core.Files;
using ImpactBot.Sql.Dialects;

namespace ImpactBot.Dbt;

/// <summary>Everything read from a dbt project (or a plain SQL repository), without running dbt.</summary>
public sealed record DbtProject
{
    public DbtProjectKind Kind { get; init; }

    public string Name { get; init; } = "";

    /// <summary>Repository-relative folder holding dbt_project.yml ('' for the root).</summary>
    public string RootDir { get; init; } = "";

    /// <summary>From .impactbot.yml, else profiles.yml's target type, else the manifest's adapter; null when unknown.</summary>
    public SqlDialect? DialectHint { get; init; }

    public ImmutableArray<DbtModel> Models { get; init; } = [];

    public ImmutableArray<DbtSource> Sources { get; init; } = [];

    public ImmutableArray<DbtSeed> Seeds { get; init; } = [];

    public ImmutableArray<DbtSnapshot> Snapshots { get; init; } = [];

    public ImmutableArray<DbtExposure> Exposures { get; init; } = [];

    public ImmutableArray<DbtGroup> Groups { get; init; } = [];

    public ImmutableArray<DbtSemanticModel> SemanticModels { get; init; } = [];

    public ImmutableArray<DbtMetric> Metrics { get; init; } = [];

    /// <summary>Every data test, on columns and on whole nodes.</summary>
    public ImmutableArray<DbtDataTest> Tests { get; init; } = [];

    public ImmutableArray<DbtMacro> Macros { get; init; } = [];

    public DbtMap Vars { get; init; } = DbtMap.Empty;

    /// <summary>Extra downstream assets from <c>.impactbot.yml</c>'s <c>catalog</c>, with resolved owners.</summary>
    public ImmutableArray<CatalogAsset> CatalogAssets { get; init; } = [];

    public ImmutableArray<FileDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>Fingerprint of package-lock.yml, packages.yml and the installed packages' macros the models were rendered with.</summary>
    public string PackagesFingerprint { get; init; } = "";

    /// <summary>True when a manifest was read successfully and used.</summary>
    public bool ManifestUsed { get; init; }

    /// <summary>
    /// Maps the relation names that rendered SQL uses to node unique ids: <c>__ref__.orders</c> (latest version),
    /// <c>__ref__.orders_v2</c>, <c>__source__.stripe.payments</c>; seeds and snapshots by <c>__ref__.name</c>; plain
    /// SQL objects by their name as created (lower-cased).
    /// </summary>
    public FrozenDictionary<string, string> RelationIndex { get; init; } = FrozenDictionary<string, string>.Empty;

    /// <summary>
    /// Renders the given models again, knowing the columns of more relations (by relation name, as
    /// <see cref="Jinja.JinjaContext.RelationColumns"/>): what <c>adapter.get_columns_in_relation</c> answers once those
    /// nodes are bound. Null when the SQL does not come from rendering (a manifest's compiled code, plain SQL).
    /// </summary>
    public Func<IReadOnlyDictionary<string, ImmutableArray<RelationColumn>>, IReadOnlyList<DbtModel>, ImmutableArray<DbtModel>>? RenderWithColumns { get; init; }
}
