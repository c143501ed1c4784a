using System.Collections.Immutable;
using ImpactBot.Core.Graph;

namespace ImpactBot.Core.Impact;

/// <summary>
/// One affected downstream asset: how badly (<see cref="Severity"/>), which of its columns, the chain of reasons from the
/// change (<see cref="Path"/>: <c>stg_payments.amount -> orders.total_amount -> customers.lifetime_value</c>), the upstream
/// assets it is reached through, its owners, and what someone must do about it.
/// </summary>
public sealed record AssetImpact(string Asset, AssetType Type, Severity Severity)
{
    public string? FilePath { get; init; }

    public ImmutableArray<string> Columns { get; init; } = [];

    public string Path { get; init; } = "";

    public string Reason { get; init; } = "";

    public ImmutableArray<string> Via { get; init; } = [];

    public ImmutableArray<string> Owners { get; init; } = [];

    public ImmutableArray<ColumnReference> References { get; init; } = [];

    public ImmutableArray<string> FollowUps { get; init; } = [];

    /// <summary>Reached only through a model-level dependency or an unexpanded star: the exact columns are unknown.</summary>
    public bool ModelLevel { get; init; }

    /// <summary>Position in dependency (migration) order.</summary>
    public int Order { get; init; }

    /// <summary>
    /// The root cause this asset is listed under: the changed column (<c>stg_customers.email</c>) or, for row and asset
    /// changes, the changed asset. With <see cref="Asset"/> it is the key of the asset's checklist item.
    /// </summary>
    public string Cause { get; init; } = "";

    /// <summary>
    /// Set when the asset is affected only because this upstream fails to build: it is stale until that is fixed, and it is
    /// acknowledged (and gated) with that upstream's item instead of an item of its own.
    /// </summary>
    public string? FoldedUnder { get; init; }

    /// <summary>Every upstream that fails to build on some path to this asset (it is stale until they are fixed).</summary>
    public ImmutableArray<string> StaleThrough { get; init; } = [];

    /// <summary>Materialization, contract and access of the asset, for ranking and follow-ups.</summary>
    public AssetTraits Traits { get; init; } = AssetTraits.None;

    /// <summary>Hops from the change: 1 for a direct reader.</summary>
    public int Distance => Path.Split(" -> ").Length - 1;
}
