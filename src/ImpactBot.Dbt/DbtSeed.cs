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

    /// <summary>
    /// The columns <c>dbt seed</c> creates the table with: the CSV header's, typed by <c>column_types</c> else as dbt
    /// infers them from the values (<see cref="SeedColumnTypes"/>). Empty when the CSV has no readable header.
    /// </summary>
    public ImmutableArray<RelationColumn> TableColumns { get; init; } = [];

    public DbtMap Meta { get; init; } = DbtMap.Empty;

    public DbtMap Config { get; init; } = DbtMap.Empty;

    public string? Description { get; init; }

    public bool Enabled { get; init; } = true;

    public string? Group { get; init; }

    public ImmutableArray<AssetOwner> Owners { get; init; } = [];
}
