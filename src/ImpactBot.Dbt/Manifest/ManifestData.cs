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
    // Looked up once per model and per dependency: a list scan made reading a large manifest quadratic. Base and head
    // reads may share one manifest (see ManifestReader), so the index is published safely.
    private Dictionary<string, ManifestNode>? _byId;

    /// <summary>The node of this unique id (the first, should the file repeat one).</summary>
    public ManifestNode? Find(string uniqueId) => LazyInitializer.EnsureInitialized(ref _byId, () => Index(Nodes)).GetValueOrDefault(uniqueId);

    private static Dictionary<string, ManifestNode> Index(ImmutableArray<ManifestNode> nodes)
    {
        var byId = new Dictionary<string, ManifestNode>(nodes.Length, StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            byId.TryAdd(node.UniqueId, node);
        }

        return byId;
    }
}
