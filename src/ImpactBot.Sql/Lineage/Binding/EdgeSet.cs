using System.Collections.Immutable;

namespace ImpactBot.Sql.Lineage.Binding;

/// <summary>Turns collected edges into the published form: one edge per (table, column, kind, flags), paths merged.</summary>
internal static class EdgeSet
{
    /// <summary>
    /// Deduplicates, merging the paths of repeated edges (a whole-column edge absorbs paths). With
    /// <paramref name="dropShadowedConditions"/>, a conditional edge is dropped when the same column is already a value source.
    /// </summary>
    public static ImmutableArray<ColumnSource> Normalize(List<Edge> edges, bool dropShadowedConditions)
    {
        if (edges.Count == 0)
        {
            return [];
        }

        var merged = new List<Edge>(edges.Count);
        foreach (var edge in edges)
        {
            var found = -1;
            for (var i = 0; i < merged.Count; i++)
            {
                var m = merged[i];
                if (m.Kind == edge.Kind && m.Inferred == edge.Inferred && m.Candidate == edge.Candidate
                    && string.Equals(m.Column, edge.Column, StringComparison.Ordinal)
                    && string.Equals(m.Table, edge.Table, StringComparison.Ordinal))
                {
                    found = i;
                    break;
                }
            }

            if (found < 0)
            {
                merged.Add(edge);
            }
            else if (merged[found].Path is { } path && edge.Path != path)
            {
                merged[found] = merged[found] with { Path = edge.Path is null ? null : MergePath(path, edge.Path) };
            }
        }

        var result = ImmutableArray.CreateBuilder<ColumnSource>(merged.Count);
        foreach (var edge in merged)
        {
            if (dropShadowedConditions && edge.Kind == EdgeKind.Conditional && HasValueEdge(merged, edge))
            {
                continue;
            }

            result.Add(edge.ToSource());
        }

        return result.ToImmutable();
    }

    /// <summary>Drops exact duplicates in place, so edges do not multiply as they pass through CTEs and derived tables.</summary>
    public static List<Edge> Compact(List<Edge> edges)
    {
        if (edges.Count < 2)
        {
            return edges;
        }

        var seen = new HashSet<Edge>(edges.Count);
        var write = 0;
        for (var read = 0; read < edges.Count; read++)
        {
            if (seen.Add(edges[read]))
            {
                edges[write++] = edges[read];
            }
        }

        edges.RemoveRange(write, edges.Count - write);
        return edges;
    }

    private static string MergePath(string existing, string added)
    {
        foreach (var part in existing.Split(','))
        {
            if (part == added)
            {
                return existing;
            }
        }

        return existing + "," + added;
    }

    private static bool HasValueEdge(List<Edge> edges, Edge conditional)
    {
        foreach (var e in edges)
        {
            if (EdgeComposition.IsValueKind(e.Kind)
                && string.Equals(e.Column, conditional.Column, StringComparison.Ordinal)
                && string.Equals(e.Table, conditional.Table, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
