using ImpactBot.Sql.Syntax.Ast;

namespace ImpactBot.Sql.Lineage.Binding;

// The nullable side of an outer join (BRIEF section 4): a source's row edges (its filters, join and group keys) decide
// only whether that side's columns are null, so they become conditional edges of those columns, not row edges.
internal sealed partial class Binder
{
    /// <summary>
    /// After an outer join's ON/USING is bound: wraps the sources of its nullable sides [leftStart, rightStart) and
    /// [rightStart, end), and gives its USING/NATURAL keys from <paramref name="firstKey"/> on the conditions of a nullable
    /// side they read (an unqualified key reads the left side for LEFT, the right for RIGHT, both for FULL and NATURAL).
    /// </summary>
    private static void ApplyOuterJoin(JoinItem join, Scope scope, int leftStart, int rightStart, int end, int firstKey)
    {
        var leftNullable = join.Kind is JoinKind.Right or JoinKind.Full;
        var rightNullable = join.Kind is JoinKind.Left or JoinKind.Full;
        if (leftNullable)
        {
            MakeNullable(scope, leftStart, rightStart);
        }

        if (rightNullable)
        {
            MakeNullable(scope, rightStart, end);
        }

        var readsLeft = leftNullable && (join.Natural || join.Kind != JoinKind.Right);
        var readsRight = rightNullable && (join.Natural || join.Kind is JoinKind.Full or JoinKind.Right);
        for (var k = firstKey; k < scope.Merged.Count; k++)
        {
            foreach (var holder in scope.Merged[k].Holders)
            {
                if ((holder < rightStart ? readsLeft : readsRight) && scope.Sources[holder].Relation.NullConditions is { } conditions)
                {
                    scope.Merged[k].ResolvesTo.AddRange(conditions);
                }
            }
        }
    }

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

    /// <summary>The relation with its row edges moved onto every column, listed or not, as conditional edges.</summary>
    private static Relation Nullable(Relation relation)
    {
        var conditions = new List<Edge>(relation.RowEdges.Count);
        foreach (var edge in relation.RowEdges)
        {
            conditions.Add(edge with { Kind = EdgeKind.Conditional });
        }

        EdgeSet.Compact(conditions);
        var wrapped = new Relation { Open = relation.Open, LowerBound = relation.LowerBound, Fallback = relation, NullConditions = conditions };
        foreach (var column in relation.Columns)
        {
            wrapped.Columns.Add(new RelationColumn(column.Name, column.Quoted, [.. column.Sources, .. conditions], column.Fingerprint)
            {
                Opaque = column.Opaque,
                Type = column.Type,
                Aggregated = column.Aggregated,
                Inferred = column.Inferred,
            });
        }

        wrapped.Clauses.Append(relation.Clauses);
        return wrapped;
    }
}
