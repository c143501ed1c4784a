using System.Collections.Immutable;

namespace ImpactBot.Core.Graph;

/// <summary>SQL assets grouped into levels: every asset's upstreams sit in earlier levels, so one level binds in parallel.</summary>
internal static class BuildPlan
{
    public static (ImmutableArray<ImmutableArray<AssetDefinition>> Levels, ImmutableArray<AssetDefinition> Cyclic) Levels(
        IReadOnlyList<AssetDefinition> sqlAssets,
        IReadOnlyDictionary<string, ImmutableArray<string>> upstreams)
    {
        var byId = sqlAssets.ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
        var level = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var visiting = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var stack = new List<string>();
        var cyclic = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        int Depth(string id)
        {
            if (level.TryGetValue(id, out var known))
            {
                return known;
            }

            if (!visiting.Add(id))
            {
                // Everything on the stack from the first visit of id closes the cycle.
                var start = stack.FindIndex(s => string.Equals(s, id, StringComparison.OrdinalIgnoreCase));
                cyclic.UnionWith(stack.Skip(start));
                return 0;
            }

            stack.Add(id);
            var depth = 0;
            foreach (var up in upstreams.GetValueOrDefault(id, []))
            {
                if (byId.ContainsKey(up) && !string.Equals(up, id, StringComparison.OrdinalIgnoreCase))
                {
                    depth = Math.Max(depth, Depth(up) + 1);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            visiting.Remove(id);
            level[id] = depth;
            return depth;
        }

        foreach (var asset in sqlAssets)
        {
            Depth(asset.Id);
        }

        var levels = sqlAssets
            .Where(a => !cyclic.Contains(a.Id))
            .GroupBy(a => level[a.Id])
            .OrderBy(g => g.Key)
            .Select(g => g.ToImmutableArray())
            .ToImmutableArray();
        return (levels, [.. sqlAssets.Where(a => cyclic.Contains(a.Id))]);
    }
}
