using System.Collections.Immutable;

namespace ImpactBot.Dbt.Manifest;

/// <summary>What was read from manifest.json: the adapter, the root project, nodes and sources, groups and exposures.</summary>
internal sealed record ManifestData(
    string? AdapterType,
    string? ProjectName,
    ImmutableArray<ManifestNode> Nodes,
    ImmutableArray<DbtGroup> Groups,
    ImmutableArray<DbtExposure> Exposures)
{
    public ManifestNode? Find(string uniqueId) => Nodes.FirstOrDefault(n => n.UniqueId == uniqueId);
}
