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
}
