using System.Collections.Immutable;

namespace ImpactBot.Dbt;

/// <summary>A column declared in YAML (or the manifest, or a seed's CSV header), with its data tests.</summary>
public sealed record DbtColumn
{
    public required string Name { get; init; }

    public string? DataType { get; init; }

    public string? Description { get; init; }

    public DbtMap Meta { get; init; } = DbtMap.Empty;

    public ImmutableArray<string> Tags { get; init; } = [];

    public ImmutableArray<DbtDataTest> Tests { get; init; } = [];

    /// <summary>1-based line of the declaration in <c>Path</c> of its owner's YAML; 0 when not from YAML.</summary>
    public int Line { get; init; }
}
