using System.Collections.Immutable;

namespace ImpactBot.Core.Graph;

/// <summary>SQL assets grouped into levels: every asset's upstreams sit in earlier levels, so one level binds in parallel.</summary>
internal static class BuildPlan
{
    /// <summary>
    /// Depth-first over the upstreams with an explicit stack (a chain of 100,000 models must not overflow the call
    /// stack); an asset's level is one more than its deepest upstream's. Assets on a cycle are returned apart.
    /// </summary>
    public static (ImmutableArray<ImmutableArray<AssetDefinition>> Levels, ImmutableArray<AssetDefinition> Cyclic) Levels(
        IReadOnlyList<AssetDefinition> sqlAssets,
        IReadOnlyDictionary<string, ImmutableArray<string>> upstreams)
    {
        var known = new HashSet<string>(sqlAssets.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var asset in sqlAssets)
        {
            known.Add(asset.Id);
        }

        var level = new Dictionary<string, int>(sqlAssets.Count, StringComparer.OrdinalIgnoreCase);
        var onStack = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var stack = new List<Frame>();
        var cyclic = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var asset in sqlAssets)
        {
            if (level.ContainsKey(asset.Id))
            {
                continue;
            }

            Push(asset.Id);
            while (stack.Count > 0)
            {
                var frame = stack[^1];
                if (frame.Next < frame.Upstreams.Length)
                {
                    var up = frame.Upstreams[frame.Next];
                    stack[^1] = frame with { Next = frame.Next + 1 };
                    if (!known.Contains(up) || string.Equals(up, frame.Id, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    if (level.TryGetValue(up, out var upLevel))
                    {
                        stack[^1] = stack[^1] with { Depth = Math.Max(stack[^1].Depth, upLevel + 1) };
                    }
                    else if (onStack.TryGetValue(up, out var start))
                    {
                        // Everything on the stack from the first visit of up closes the cycle.
                        for (var i = start; i < stack.Count; i++)
                        {
                            cyclic.Add(stack[i].Id);
                        }

                        stack[^1] = stack[^1] with { Depth = Math.Max(stack[^1].Depth, 1) };
                    }
                    else
                    {
                        Push(up);
                    }

                    continue;
                }

                stack.RemoveAt(stack.Count - 1);
                onStack.Remove(frame.Id);
                level[frame.Id] = frame.Depth;
                if (stack.Count > 0)
                {
                    stack[^1] = stack[^1] with { Depth = Math.Max(stack[^1].Depth, frame.Depth + 1) };
                }
            }
        }

        var levels = sqlAssets
            .Where(a => !cyclic.Contains(a.Id))
            .GroupBy(a => level[a.Id])
            .OrderBy(g => g.Key)
            .Select(g => g.ToImmutableArray())
            .ToImmutableArray();
        return (levels, [.. sqlAssets.Where(a => cyclic.Contains(a.Id))]);

        void Push(string id)
        {
            onStack[id] = stack.Count;
            stack.Add(new Frame(id, upstreams.GetValueOrDefault(id, []), 0, 0));
        }
    }

    private readonly record struct Frame(string Id, ImmutableArray<string> Upstreams, int Next, int Depth);
}
