using System.Text;
using ImpactBot.Sql.Syntax.Ast;

namespace ImpactBot.Sql.Lineage.Binding;

// Query-level binding: WITH, set operations, VALUES, MERGE.
internal sealed partial class Binder
{
    private const string DbtEphemeralPrefix = "__dbt__cte__";
    private const int RecursionRounds = 8;

    private Relation BindQuery(Query query, Scope? outer, CteEnv? ctes)
    {
        Spend();
        if (query.With is { } with)
        {
            ctes = BindWith(with, outer, ctes);
        }

        var relation = query switch
        {
            SelectQuery s => BindSelect(s, outer, ctes),
            SetOperationQuery op => BindSetOperation(op, outer, ctes),
            ValuesQuery v => BindValues(v, outer, ctes),
            _ => new Relation(),
        };

        if (query is not SelectQuery)
        {
            ApplyOuterOrderLimit(query, relation);
            EdgeSet.Compact(relation.RowEdges);
            foreach (var column in relation.Columns)
            {
                EdgeSet.Compact(column.Sources);
            }
        }

        return relation;
    }

    private CteEnv? BindWith(WithClause with, Scope? outer, CteEnv? ctes)
    {
        foreach (var cte in with.Ctes)
        {
            var diagnosticsBefore = _diagnostics.Count;
            var tablesBefore = _tables.Count;
            var partialBefore = _partial;
            _partial = false;
            var relation = with.Recursive && cte.Query is SetOperationQuery { Operator: SetOperator.Union } union
                ? BindRecursive(cte, union, outer, ctes)
                : RenameByPosition(BindQuery(cte.Query, outer, ctes), cte.ColumnAliases, cte.Span);

            if (cte.Name.Text.StartsWith(DbtEphemeralPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var model = "model." + cte.Name.Text[DbtEphemeralPrefix.Length..];
                ctes = new CteEnv(ctes, cte.Name, ModelRelation(model, relation)) { ModelName = model };

                // The query reads the ephemeral model, not the tables its inlined body reads.
                ForgetTablesAfter(tablesBefore);
            }
            else
            {
                ctes = new CteEnv(ctes, cte.Name, relation);
            }

            ctes.Partial = _partial;
            ctes.Diagnostics.AddRange(_diagnostics.Skip(diagnosticsBefore));
            _diagnostics.RemoveRange(diagnosticsBefore, _diagnostics.Count - diagnosticsBefore);
            _partial = partialBefore;
            _boundCtes.Add(ctes);
        }

        return ctes;
    }

    /// <summary>
    /// Anchor first, then the recursive member against the columns so far until the sources stop growing. Each round is
    /// widened (<see cref="EdgeSet.Widen"/>): paths that grow through the recursive reference become whole columns, so
    /// the rounds converge instead of doubling their edges.
    /// </summary>
    private Relation BindRecursive(CommonTableExpression cte, SetOperationQuery union, Scope? outer, CteEnv? ctes)
    {
        var anchor = RenameByPosition(BindQuery(union.Left, outer, ctes), cte.ColumnAliases, cte.Span);
        var env = new CteEnv(ctes, cte.Name, anchor);
        var current = anchor;
        for (var round = 0; round < RecursionRounds; round++)
        {
            var member = BindQuery(union.Right, outer, env);
            var combined = CombineUnion(anchor, member, union);
            Widen(combined, round == 0 ? null : current);
            var stable = SameSources(current, combined);
            current = combined;
            env.Relation = combined;
            if (stable)
            {
                break;
            }
        }

        return current;
    }

    private void Widen(Relation relation, Relation? previous)
    {
        for (var i = 0; i < relation.Columns.Count; i++)
        {
            var before = previous is not null && i < previous.Columns.Count ? previous.Columns[i].Sources : null;
            SpendEdges(relation.Columns[i].Sources.Count);
            EdgeSet.Widen(relation.Columns[i].Sources, before);
        }

        SpendEdges(relation.RowEdges.Count);
        EdgeSet.Widen(relation.RowEdges, previous?.RowEdges);
    }

    private static bool SameSources(Relation a, Relation b)
    {
        if (a.Columns.Count != b.Columns.Count || !EdgeSet.SameEdges(a.RowEdges, b.RowEdges))
        {
            return false;
        }

        for (var i = 0; i < a.Columns.Count; i++)
        {
            if (!EdgeSet.SameEdges(a.Columns[i].Sources, b.Columns[i].Sources))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A dbt ephemeral model: consumers see the model's columns as a table, not the inlined query.</summary>
    private static Relation ModelRelation(string model, Relation inner)
    {
        var relation = new Relation { BaseTable = model, BaseTableKey = model.ToLowerInvariant(), Open = inner.Open || inner.HasOpaqueColumns };
        foreach (var column in inner.Columns)
        {
            if (!column.Opaque)
            {
                relation.Columns.Add(new RelationColumn(column.Name, column.Quoted, [new Edge(model, column.Name, EdgeKind.Copy)], model + "." + column.Fingerprint));
            }
        }

        return relation;
    }

    private Relation BindSetOperation(SetOperationQuery op, Scope? outer, CteEnv? ctes)
    {
        var left = BindQuery(op.Left, outer, ctes);
        var right = BindQuery(op.Right, outer, ctes);
        if (op.Operator == SetOperator.Union)
        {
            return CombineUnion(left, right, op);
        }

        var result = new Relation { Open = left.Open };
        foreach (var column in left.Columns)
        {
            result.Columns.Add(column);
        }

        result.RowEdges.AddRange(left.RowEdges);
        foreach (var edge in right.RowEdges)
        {
            result.RowEdges.Add(edge with { Kind = EdgeKind.Filter });
        }

        foreach (var column in right.Columns)
        {
            foreach (var edge in column.Sources)
            {
                result.RowEdges.Add(edge with { Kind = EdgeKind.Filter });
            }
        }

        if (!op.All)
        {
            AddGroupEdges(result);
        }

        CheckArity(left, right, op);
        result.Clauses.Append(left.Clauses);
        result.Clauses.Append(right.Clauses);
        result.Clauses.Grain.Append(op.Operator).Append(op.All ? " ALL" : "").Append(';');
        return result;
    }

    private Relation CombineUnion(Relation left, Relation right, SetOperationQuery op)
    {
        var result = new Relation { Open = left.Open || right.Open };
        foreach (var column in left.Columns)
        {
            result.Columns.Add(new RelationColumn(column.Name, column.Quoted, [.. column.Sources], column.Fingerprint) { Opaque = column.Opaque, Type = column.Type, Inferred = column.Inferred });
        }

        if (op.ByName)
        {
            foreach (var column in right.Columns)
            {
                var index = column.Opaque ? -1 : result.FindColumn(column.Name, column.Quoted, ColumnFolding);
                if (index < 0)
                {
                    result.Columns.Add(new RelationColumn(column.Name, column.Quoted, [.. column.Sources], column.Fingerprint) { Opaque = column.Opaque, Inferred = column.Inferred });
                }
                else
                {
                    Merge(result, index, column);
                }
            }
        }
        else
        {
            CheckArity(left, right, op);
            for (var i = 0; i < Math.Min(left.Columns.Count, right.Columns.Count); i++)
            {
                Merge(result, i, right.Columns[i]);
            }
        }

        result.RowEdges.AddRange(left.RowEdges);
        result.RowEdges.AddRange(right.RowEdges);
        if (!op.All)
        {
            AddGroupEdges(result);
        }

        result.Clauses.Append(left.Clauses);
        result.Clauses.Append(right.Clauses);
        result.Clauses.Grain.Append("UNION").Append(op.All ? " ALL" : "").Append(op.ByName ? " BY NAME" : "").Append(';');
        return result;
    }

    private static void Merge(Relation result, int index, RelationColumn right)
    {
        var column = result.Columns[index];
        column.Sources.AddRange(right.Sources);
        column.Fingerprint = Fingerprint.Of("U(" + column.Fingerprint + "," + right.Fingerprint + ")");
    }

    private void CheckArity(Relation left, Relation right, SetOperationQuery op)
    {
        if (left.Columns.Count != right.Columns.Count && !left.HasOpaqueColumns && !right.HasOpaqueColumns && !op.ByName)
        {
            Report("set-operation-arity", $"the sides of {op.Operator.ToString().ToUpperInvariant()} have {left.Columns.Count} and {right.Columns.Count} columns", op.Span);
        }
    }

    private static void AddGroupEdges(Relation relation)
    {
        foreach (var column in relation.Columns)
        {
            foreach (var edge in column.Sources)
            {
                relation.RowEdges.Add(edge with { Kind = EdgeKind.Group });
            }
        }
    }

    /// <summary>ORDER BY/LIMIT around a set operation: ORDER BY decides the rows only with a LIMIT.</summary>
    private void ApplyOuterOrderLimit(Query query, Relation relation)
    {
        if (query.Limit is null)
        {
            return;
        }

        foreach (var item in query.OrderBy)
        {
            var index = item.Expr switch
            {
                Literal { Kind: LiteralKind.Number } n when int.TryParse(n.Text, out var p) => p - 1,
                ColumnRef { Parts.Length: 1 } r => relation.FindColumn(r.Last.Text, r.Last.Quoted, ColumnFolding),
                _ => -1,
            };
            if (index >= 0 && index < relation.Columns.Count)
            {
                foreach (var edge in relation.Columns[index].Sources)
                {
                    relation.RowEdges.Add(edge with { Kind = EdgeKind.Sort });
                }

                relation.Clauses.Limit.Append(relation.Columns[index].Fingerprint).Append(item.Descending ? " DESC;" : ";");
            }
        }

        AppendLimit(relation.Clauses.Limit, query.Limit, null);
    }

    private static void AppendLimit(StringBuilder into, LimitClause? limit, Expr? top)
    {
        if (top is Literal t)
        {
            into.Append("TOP ").Append(t.Text).Append(';');
        }

        if (limit?.Count is Literal c)
        {
            into.Append("LIMIT ").Append(c.Text).Append(';');
        }

        if (limit?.Offset is Literal o)
        {
            into.Append("OFFSET ").Append(o.Text).Append(';');
        }
    }
}
