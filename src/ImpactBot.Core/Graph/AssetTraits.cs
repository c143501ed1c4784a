using System.Collections.Immutable;

namespace ImpactBot.Core.Graph;

/// <summary>What the impact report needs to know about an asset besides its columns.</summary>
public sealed record AssetTraits
{
    public static readonly AssetTraits None = new();

    /// <summary>view, table, incremental, ephemeral, snapshot, seed ...</summary>
    public string? Materialization { get; init; }

    public bool Contracted { get; init; }

    /// <summary>dbt access: private, protected, public.</summary>
    public string? Access { get; init; }

    public string? Group { get; init; }

    public int? LatestVersion { get; init; }

    public string? Url { get; init; }

    /// <summary>The <see cref="Kind"/> of a Python model: its code is opaque, its columns come from YAML, its upstreams from refs.</summary>
    public const string PythonKind = "python";

    /// <summary>The <see cref="Kind"/> of a plain SQL procedure or multi-statement function: lineage at model level.</summary>
    public const string RoutineKind = "routine";

    /// <summary>Exposure/external subtype: dashboard, ml, notebook, application ...; <see cref="PythonKind"/> for a Python model.</summary>
    public string? Kind { get; init; }

    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>dbt incremental_strategy (merge, append, delete+insert, insert_overwrite, microbatch ...).</summary>
    public string? IncrementalStrategy { get; init; }

    /// <summary>dbt full_refresh config: false means <c>--full-refresh</c> is ignored for this model.</summary>
    public bool? FullRefresh { get; init; }

    /// <summary>
    /// Hash of what the model's <c>is_incremental()</c> branches add on an incremental run (a filter on new rows, most
    /// often); null when it has none. Its SQL is read as a first build, so this is how a change there is seen.
    /// </summary>
    public string? IncrementalFilter { get; init; }

    /// <summary>
    /// Its declared columns are some of the table's, not all (a source's YAML without catalog.json): a reader may read
    /// another, which is then inferred for it.
    /// </summary>
    public bool OpenColumns { get; init; }

    /// <summary>
    /// A model whose <c>select *</c> read this asset, itself with <see cref="OpenColumns"/>: the model's columns are open
    /// too, and a column its readers read that it does not list is that asset's, passed on (and inferred there).
    /// </summary>
    public string? OpenColumnsFrom { get; init; }

    public bool IsIncremental => Materialization is "incremental" or "snapshot";
}
