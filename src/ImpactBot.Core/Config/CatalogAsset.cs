using System.Collections.Immutable;
using ImpactBot.Core.Owners;

namespace ImpactBot.Core.Config;

/// <summary>
/// A downstream asset declared in <c>.impactbot.yml</c> (dashboard, ML model, notebook...). <see cref="DependsOn"/> holds
/// the entries as written: a model name (<c>orders</c>) or a model column (<c>orders.customer_id</c>); a
/// <c>ref('x')</c> form is unwrapped to <c>x</c>.
/// </summary>
public sealed record CatalogAsset
{
    public required string Name { get; init; }

    public string Type { get; init; } = "application";

    public ImmutableArray<string> OwnerNames { get; init; } = [];

    public string? Url { get; init; }

    public ImmutableArray<string> DependsOn { get; init; } = [];

    public required string Path { get; init; }

    public int Line { get; init; }

    /// <summary>Filled by <see cref="Dbt.DbtProjectReader"/>: the owners with aliases applied.</summary>
    public ImmutableArray<AssetOwner> Owners { get; init; } = [];
}
