using ImpactBot.Core.Files;
using System.Collections.Immutable;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Core.Graph;

/// <summary>
/// The column graph of one commit. Assets are stored upstream-first; the id and reverse (consumer) indexes are built on
/// first use (a graph that is only written, or replaced at once, never needs them) so impact traversal is a walk over
/// dictionaries.
/// </summary>
public sealed class LineageGraph
{
    // Plain dictionaries: a graph is built once per run and looked up a few thousand times, so freezing (which
    // analyses every key to pick a layout) costs more than it saves.
    private readonly Lazy<Dictionary<string, AssetNode>> _byId;
    private readonly Lazy<Dictionary<string, List<ConsumerRef>>> _consumers;

    public LineageGraph(string commit, ImmutableArray<AssetNode> assets, ImmutableArray<FileDiagnostic> diagnostics)
    {
        Commit = commit;
        Assets = assets;
        Diagnostics = diagnostics;
        _byId = new Lazy<Dictionary<string, AssetNode>>(() =>
        {
            var byId = new Dictionary<string, AssetNode>(assets.Length, StringComparer.OrdinalIgnoreCase);
            foreach (var asset in assets)
            {
                byId.TryAdd(asset.Id, asset);
            }

            return byId;
        });
        _consumers = new Lazy<Dictionary<string, List<ConsumerRef>>>(() => BuildConsumers(assets));
    }

    public string Commit { get; }

    public ImmutableArray<AssetNode> Assets { get; }

    public ImmutableArray<FileDiagnostic> Diagnostics { get; }

    /// <summary>Set when the graph was read from a dbt project's files, so a head can be built from it by delta.</summary>
    public ProjectInputs? Project { get; init; }

    /// <summary>How the SQL was read (dialect, target, vars, packages); null for a graph built before they were recorded.</summary>
    public ReadSettings? Settings { get; init; }

    public int ColumnCount => Assets.Sum(a => a.Columns.Length);

    public int EdgeCount => Assets.Sum(a => a.RowSources.Length + a.References.Length + a.Columns.Sum(c => c.Sources.Length));

    public AssetNode? Find(string id) => _byId.Value.GetValueOrDefault(id);

    /// <summary>Every reading of <paramref name="assetId"/> by other assets.</summary>
    public ImmutableArray<Consumer> ConsumersOf(string assetId)
    {
        if (!_consumers.Value.TryGetValue(assetId, out var refs))
        {
            return [];
        }

        var consumers = ImmutableArray.CreateBuilder<Consumer>(refs.Count);
        foreach (var r in refs)
        {
            var asset = Assets[r.Asset];
            consumers.Add(new Consumer(asset, r.Column < 0 ? null : asset.Columns[r.Column].Name, r.Edge, r.Role));
        }

        return consumers.MoveToImmutable();
    }

    /// <summary>Builds the consumer index now (e.g. on an idle core) rather than on the first <see cref="ConsumersOf"/>.</summary>
    public void PrepareConsumers() => _ = _consumers.Value;

    public int CountByStatus(LineageStatus status) =>
        Assets.Count(a => a.Type is AssetType.Model or AssetType.Snapshot && a.Status == status);

    /// <summary>
    /// The reverse index as compact references (asset index, column index); <see cref="ConsumersOf"/> makes the
    /// <see cref="Consumer"/> records only for the assets a walk reaches, a few hundred of tens of thousands.
    /// </summary>
    private static Dictionary<string, List<ConsumerRef>> BuildConsumers(ImmutableArray<AssetNode> assets)
    {
        var map = new Dictionary<string, List<ConsumerRef>>(assets.Length, StringComparer.OrdinalIgnoreCase);
        void Add(string upstream, ConsumerRef consumer)
        {
            if (!map.TryGetValue(upstream, out var list))
            {
                list = new List<ConsumerRef>(4);
                map[upstream] = list;
            }

            list.Add(consumer);
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var a = 0; a < assets.Length; a++)
        {
            var asset = assets[a];
            seen.Clear();
            for (var c = 0; c < asset.Columns.Length; c++)
            {
                foreach (var edge in asset.Columns[c].Sources)
                {
                    Add(edge.Asset, new ConsumerRef(a, c, edge, ConsumerRole.Column));
                    seen.Add(edge.Asset);
                }
            }

            foreach (var edge in asset.RowSources)
            {
                Add(edge.Asset, new ConsumerRef(a, -1, edge, ConsumerRole.Row));
                seen.Add(edge.Asset);
            }

            foreach (var edge in asset.References)
            {
                Add(edge.Asset, new ConsumerRef(a, -1, edge, ConsumerRole.Reference));
                seen.Add(edge.Asset);
            }

            // Model-level dependencies nobody reads column by column still carry impact (opaque SQL, exposures).
            foreach (var upstream in asset.DependsOn)
            {
                if (seen.Add(upstream))
                {
                    Add(upstream, new ConsumerRef(a, -1, new ColumnEdge(upstream, "*", EdgeKind.Unknown), ConsumerRole.Model));
                }
            }
        }

        return map;
    }

    private readonly record struct ConsumerRef(int Asset, int Column, ColumnEdge Edge, ConsumerRole Role);
}
