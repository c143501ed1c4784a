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

    /// <summary>
    /// One round of a recursive CTE's fixpoint, in place: exact duplicates go; with the previous round's edges, a path not
    /// seen before grew through the recursive reference (a subscript or field of the recursive column) and would grow
    /// again every round, so its column is taken whole; a whole-column edge absorbs the paths of the same column.
    /// </summary>
    public static List<Edge> Widen(List<Edge> edges, List<Edge>? previous)
    {
        Compact(edges);
        HashSet<Edge>? whole = null;
        HashSet<Edge>? before = previous is null ? null : [.. previous];
        foreach (var edge in edges)
        {
            if (edge.Path is null || (before is not null && !before.Contains(edge)))
            {
                (whole ??= []).Add(edge with { Path = null });
            }
        }

        if (whole is null)
        {
            return edges;
        }

        for (var i = 0; i < edges.Count; i++)
        {
            if (edges[i].Path is not null && whole.Contains(edges[i] with { Path = null }))
            {
                edges[i] = edges[i] with { Path = null };
            }
        }

        return Compact(edges);
    }

    /// <summary>Whether two edge lists hold the same edges, in any order and count.</summary>
    public static bool SameEdges(List<Edge> a, List<Edge> b) => new HashSet<Edge>(a).SetEquals(b);

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
