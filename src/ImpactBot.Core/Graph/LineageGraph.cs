using ImpactBot.Core.Files;
using System.Collections.Immutable;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Core.Graph;

/// <summary>
/// The column graph of one commit. Assets are stored upstream-first; the reverse (consumer) index is built once on
/// construction so impact traversal is a walk over dictionaries.
/// </summary>
public sealed class LineageGraph
{
    // Plain dictionaries: a graph is built once per run and looked up a few thousand times, so freezing (which
    // analyses every key to pick a layout) costs more than it saves.
    private readonly Dictionary<string, AssetNode> _byId;
    private readonly Dictionary<string, ImmutableArray<Consumer>> _consumers;

    public LineageGraph(string commit, ImmutableArray<AssetNode> assets, ImmutableArray<FileDiagnostic> diagnostics)
    {
        Commit = commit;
        Assets = assets;
        Diagnostics = diagnostics;
        _byId = new Dictionary<string, AssetNode>(assets.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var asset in assets)
        {
            _byId.TryAdd(asset.Id, asset);
        }

        _consumers = BuildConsumers(assets);
    }

    public string Commit { get; }

    public ImmutableArray<AssetNode> Assets { get; }

    public ImmutableArray<FileDiagnostic> Diagnostics { get; }

    /// <summary>Set when the graph was read from a dbt project's files, so a head can be built from it by delta.</summary>
    public ProjectInputs? Project { get; init; }

    public int ColumnCount => Assets.Sum(a => a.Columns.Length);

    public int EdgeCount => Assets.Sum(a => a.RowSources.Length + a.References.Length + a.Columns.Sum(c => c.Sources.Length));

    public AssetNode? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Every reading of <paramref name="assetId"/> by other assets.</summary>
    public ImmutableArray<Consumer> ConsumersOf(string assetId) =>
        _consumers.TryGetValue(assetId, out var consumers) ? consumers : [];

    public int CountByStatus(LineageStatus status) =>
        Assets.Count(a => a.Type is AssetType.Model or AssetType.Snapshot && a.Status == status);

    private static Dictionary<string, ImmutableArray<Consumer>> BuildConsumers(ImmutableArray<AssetNode> assets)
    {
        var map = new Dictionary<string, ImmutableArray<Consumer>.Builder>(StringComparer.OrdinalIgnoreCase);
        void Add(string upstream, Consumer consumer)
        {
            if (!map.TryGetValue(upstream, out var list))
            {
                list = ImmutableArray.CreateBuilder<Consumer>();
                map[upstream] = list;
            }

            list.Add(consumer);
        }

        foreach (var asset in assets)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var column in asset.Columns)
            {
                foreach (var edge in column.Sources)
                {
                    Add(edge.Asset, new Consumer(asset, column.Name, edge, ConsumerRole.Column));
                    seen.Add(edge.Asset);
                }
            }

            foreach (var edge in asset.RowSources)
            {
                Add(edge.Asset, new Consumer(asset, null, edge, ConsumerRole.Row));
                seen.Add(edge.Asset);
            }

            foreach (var edge in asset.References)
            {
                Add(edge.Asset, new Consumer(asset, null, edge, ConsumerRole.Reference));
                seen.Add(edge.Asset);
            }

            // Model-level dependencies nobody reads column by column still carry impact (opaque SQL, exposures).
            foreach (var upstream in asset.DependsOn)
            {
                if (seen.Add(upstream))
                {
                    Add(upstream, new Consumer(asset, null, new ColumnEdge(upstream, "*", EdgeKind.Unknown), ConsumerRole.Model));
                }
            }
        }

        return map.ToDictionary(kv => kv.Key, kv => kv.Value.ToImmutable(), StringComparer.OrdinalIgnoreCase);
    }
}
