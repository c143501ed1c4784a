namespace ImpactBot.Sql.Lineage.Binding;

// The nullable side of an outer join (BRIEF section 4): a source's row edges (its filters, join and group keys) decide
// only whether that side's columns are null, so they become conditional edges of those columns, not row edges.
internal sealed partial class Binder
{
    private static void MakeNullable(Scope scope, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var source = scope.Sources[i];
            if (source.Selectable && source.Relation.RowEdges.Count > 0)
            {
                scope.Sources[i] = new ScopeSource(source.Names, Nullable(source.Relation), selectable: true);
            }
        }
    }

    /// <summary>USING/NATURAL keys from <paramref name="firstKey"/> on that read a nullable side gain its conditions.</summary>
    private static void AddKeyConditions(Scope scope, int firstKey, int rightStart, bool left, bool right)
    {
        for (var k = firstKey; k < scope.Merged.Count; k++)
        {
            foreach (var holder in scope.Merged[k].Holders)
            {
                if ((holder < rightStart ? left : right) && scope.Sources[holder].Relation.NullConditions is { } conditions)
                {
                    scope.Merged[k].ResolvesTo.AddRange(conditions);
                }
            }
        }
    }

    /// <summary>The relation with its row edges moved onto every column, listed or not, as conditional edges.</summary>
    private static Relation Nullable(Relation relation)
    {
        var conditions = new List<Edge>(relation.RowEdges.Count);
        foreach (var edge in relation.RowEdges)
        {
            conditions.Add(edge with { Kind = EdgeKind.Conditional, Path = null });
        }

        EdgeSet.Compact(conditions);
        var wrapped = new Relation { Open = relation.Open, Fallback = relation, NullConditions = conditions };
        foreach (var column in relation.Columns)
        {
            wrapped.Columns.Add(new RelationColumn(column.Name, column.Quoted, [.. column.Sources, .. conditions], column.Fingerprint)
            {
                Opaque = column.Opaque,
                Type = column.Type,
                Aggregated = column.Aggregated,
            });
        }

        wrapped.Clauses.Append(relation.Clauses);
        return wrapped;
    }
}
