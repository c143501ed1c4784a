using System.Collections.Immutable;

namespace ImpactBot.Core.Graph;

/// <summary>
/// What the reader knew about an asset beyond its lineage. The snapshot keeps it so that a later run can rebuild this
/// asset's definition without reading its files, and read only the files a change touched (the delta head build).
/// </summary>
public sealed record AssetInputs
{
    public static readonly AssetInputs None = new();

    /// <summary>The asset's position among the reader's definitions (their order decides the graph's order).</summary>
    public int Ordinal { get; init; }

    /// <summary>Names SQL uses for the asset; see <see cref="AssetDefinition.Relations"/>.</summary>
    public ImmutableArray<string> Relations { get; init; } = [];

    /// <summary>Columns declared outside SQL, for assets whose columns come from SQL (other assets' columns are these).</summary>
    public ImmutableArray<DeclaredColumn> DeclaredColumns { get; init; } = [];

    /// <summary>The upstreams the reader named (refs and sources), before the SQL added the tables it reads.</summary>
    public ImmutableArray<string> Upstreams { get; init; } = [];

    public bool PartiallyRendered { get; init; }

    /// <summary>Hash of the rendered SQL's <see cref="Files.SourceMap.Fingerprint"/>; null when the SQL is the file itself.</summary>
    public string? SourceMapFingerprint { get; init; }

    /// <summary>The dbt name a model was rendered with (<c>this</c>); versions of one model share it.</summary>
    public string? DbtName { get; init; }

    /// <summary>The YAML file that describes the asset, if any.</summary>
    public string? PatchPath { get; init; }

    /// <summary>The asset whose owners this one takes (a data test's model, a semantic model's model).</summary>
    public string? OwnersOf { get; init; }

    /// <summary>SQL that no file holds as written (a snapshot defined in YAML), kept so it can be bound again.</summary>
    public string? StoredSql { get; init; }
}
