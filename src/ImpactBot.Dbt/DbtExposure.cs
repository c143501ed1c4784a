using System.Collections.Immutable;
using ImpactBot.Core.Owners;

namespace ImpactBot.Dbt;

/// <summary>A downstream use (dashboard, notebook, application, ML model) declared in YAML.</summary>
public sealed record DbtExposure
{
    public required string UniqueId { get; init; }

    public required string Name { get; init; }

    public string? Type { get; init; }

    public string? Url { get; init; }

    public string? Label { get; init; }

    public string? Maturity { get; init; }

    public string? Description { get; init; }

    public string? OwnerName { get; init; }

    public string? OwnerEmail { get; init; }

    public ImmutableArray<DbtRef> Refs { get; init; } = [];

    public ImmutableArray<DbtSourceRef> Sources { get; init; } = [];

    /// <summary>Metric names from <c>metric('m')</c> entries of <c>depends_on</c>.</summary>
    public ImmutableArray<string> Metrics { get; init; } = [];

    public DbtMap Meta { get; init; } = DbtMap.Empty;

    public required string Path { get; init; }

    public int Line { get; init; }

    public ImmutableArray<AssetOwner> Owners { get; init; } = [];
}
