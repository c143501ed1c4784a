using System.Collections.Immutable;

namespace ImpactBot.Core.Graph;

/// <summary>
/// Columns of assets whose columns are unknown (a source with none declared, a model whose star over such an asset
/// could not be expanded), inferred from what their readers read: reads of a model through its star pass on to the
/// asset behind the star, downstream first, so a chain of <c>select *</c> over a source stays column-level. A column
/// nobody reads is never invented; a read that could belong to several assets (a star over a join of two unknown ones,
/// an ambiguous name) infers nothing.
/// </summary>
internal static class ColumnInference
{
    /// <summary>
    /// The columns each unknown asset must have, sorted (so every read of a commit infers the same): what readers read
    /// of it (<paramref name="reads"/>, already limited to unknown assets), plus, for a model whose unexpanded stars all
    /// stand for one asset (or for the branches of one union), what its own readers read of it beyond the columns it names.
    /// </summary>
    /// <param name="blocked">Models whose stars stand for several assets while their readers read through them: binding
    /// them again on inferred columns would drop those reads, so they keep their unexpanded stars.</param>
    public static Dictionary<string, SortedSet<string>> Demand(
        IEnumerable<(string Asset, string Column)> reads,
        IReadOnlyList<ImmutableArray<AssetDefinition>> levels,
        IReadOnlyDictionary<string, AssetNode> built,
        Func<string, bool> isUnknown,
        out HashSet<string> blocked)
    {
        blocked = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var demand = new Dictionary<string, SortedSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (asset, column) in reads)
        {
            Add(demand, asset, column);
        }

        // Downstream first: a model's demand is complete once every reader of it (a later level) has passed its own on.
        for (var l = levels.Count - 1; l >= 0; l--)
        {
            foreach (var definition in levels[l])
            {
                if (!demand.TryGetValue(definition.Id, out var wanted) || !built.TryGetValue(definition.Id, out var node))
                {
                    continue;
                }

                if (!node.HasWildcard)
                {
                    // Its star expanded an asset whose columns are some of its own: what it does not list is that asset's.
                    if (node.Traits.OpenColumnsFrom is { } from && isUnknown(from))
                    {
                        foreach (var column in wanted)
                        {
                            if (!IsNamed(node, column))
                            {
                                Add(demand, from, column);
                            }
                        }
                    }

                    continue;
                }

                if (StarTarget(node) is not { } targets)
                {
                    blocked.Add(definition.Id);
                    continue;
                }

                foreach (var target in targets)
                {
                    if (!isUnknown(target))
                    {
                        continue;
                    }

                    foreach (var column in wanted)
                    {
                        if (!IsNamed(node, column))
                        {
                            Add(demand, target, column);
                        }
                    }
                }
            }
        }

        return demand;
    }

    /// <summary>Whether a column is an unexpanded star (<c>*</c>, <c>t.*</c>): it stands for whatever its sources have.</summary>
    public static bool IsStar(ColumnNode column) => column.Name == "*" || column.Name.EndsWith(".*", StringComparison.Ordinal);

    /// <summary>
    /// The assets a model's unexpanded stars stand for: those of its one star (several for a union of stars), or of
    /// several stars that all stand for the same; null when stars over different assets make a name's owner unknown.
    /// </summary>
    public static ImmutableArray<string>? StarTarget(AssetNode node)
    {
        ImmutableArray<string>? found = null;
        foreach (var column in node.Columns)
        {
            if (!IsStar(column))
            {
                continue;
            }

            var targets = column.Sources.Where(e => e.IsWildcard).Select(e => e.Asset).Distinct(StringComparer.OrdinalIgnoreCase).ToImmutableArray();
            if (found is { } earlier && !earlier.SequenceEqual(targets, StringComparer.OrdinalIgnoreCase))
            {
                return null;
            }

            found = targets;
        }

        return found;
    }

    private static bool IsNamed(AssetNode node, string column)
    {
        foreach (var c in node.Columns)
        {
            if (!IsStar(c) && string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(Dictionary<string, SortedSet<string>> demand, string asset, string column)
    {
        if (!demand.TryGetValue(asset, out var set))
        {
            set = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
            demand[asset] = set;
        }

        set.Add(column);
    }
}
