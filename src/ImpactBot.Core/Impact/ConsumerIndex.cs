using System.Collections.Immutable;
using ImpactBot.Core.Graph;

namespace ImpactBot.Core.Impact;

/// <summary>
/// Consumers of an asset at head, plus those of base whose SQL did not change: a star expanded at base still reads a column
/// the head removed, and only the base graph remembers that edge.
/// </summary>
internal sealed class ConsumerIndex(LineageGraph baseGraph, LineageGraph headGraph)
{
    private readonly Dictionary<string, ImmutableArray<Consumer>> _cache = new(StringComparer.OrdinalIgnoreCase);

    public LineageGraph Head => headGraph;

    public ImmutableArray<Consumer> Of(string assetId)
    {
        if (_cache.TryGetValue(assetId, out var cached))
        {
            return cached;
        }

        var seen = new HashSet<(string, string?, ConsumerRole, string)>();
        var list = ImmutableArray.CreateBuilder<Consumer>();
        foreach (var consumer in headGraph.ConsumersOf(assetId))
        {
            if (seen.Add(Key(consumer)))
            {
                list.Add(consumer);
            }
        }

        foreach (var consumer in baseGraph.ConsumersOf(assetId))
        {
            if (headGraph.Find(consumer.Asset.Id) is { } now && now.BodyHash == consumer.Asset.BodyHash && seen.Add(Key(consumer)))
            {
                list.Add(consumer with { Asset = now });
            }
        }

        return _cache[assetId] = list.ToImmutable();
    }

    private static (string, string?, ConsumerRole, string) Key(Consumer c) =>
        (c.Asset.Id.ToUpperInvariant(), c.Column?.ToUpperInvariant(), c.Role, c.Edge.Column.ToUpperInvariant());
}
