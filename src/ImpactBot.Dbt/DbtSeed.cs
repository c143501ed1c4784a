using System.Collections.Immutable;
using ImpactBot.Core.Owners;

namespace ImpactBot.Dbt;

/// <summary>A seed: columns come from the CSV header row, enriched by YAML.</summary>
public sealed record DbtSeed
{
    public required string UniqueId { get; init; }

    public required string Name { get; init; }

    public required string Path { get; init; }

    public ImmutableArray<DbtColumn> Columns { get; init; } = [];

    public DbtMap Meta { get; init; } = DbtMap.Empty;

    public DbtMap Config { get; init; } = DbtMap.Empty;

    public string? Description { get; init; }

    public bool Enabled { get; init; } = true;

    public string? Group { get; init; }

    public ImmutableArray<AssetOwner> Owners { get; init; } = [];
}
