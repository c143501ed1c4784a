using System.Text;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Lineage.Binding;

// One SELECT: FROM, stars and items, then WHERE, GROUP BY, HAVING, QUALIFY, DISTINCT and ORDER BY with LIMIT.
internal sealed partial class Binder
{
    private Relation BindSelect(SelectQuery select, Scope? outer, CteEnv? ctes)
    {
        var scope = new Scope(outer, ctes, select);
        foreach (var item in select.From)
        {
            BindFromItem(item, scope, selectable: true);
        }

        for (var i = 0; i < select.Items.Length; i++)
        {
            scope.VisibleProjections = _dialect.LateralColumnAliases ? scope.Projections.Count : 0;
            switch (select.Items[i])
            {
                case StarSelectItem star:
                    ExpandStar(star, scope);
                    break;
                case ExprSelectItem item:
                    BindSelectItem(item, i, scope);
                    break;
            }
        }

        var all = scope.Projections.Count;
        if (select.Where is { } where)
        {
            scope.VisibleProjections = _dialect.AliasesInWhere ? all : 0;
            BindRowClause(where, EdgeKind.Filter, scope, scope.Clauses.Filter);
        }

        foreach (var condition in select.Hierarchy)
        {
            scope.VisibleProjections = 0;
            BindRowClause(condition, EdgeKind.Filter, scope, scope.Clauses.Filter);
        }

        scope.VisibleProjections = _dialect.AliasesInGroupBy || _dialect.LateralColumnAliases ? all : 0;
        if (select.GroupBy is { } groupBy)
        {
            BindGroupBy(groupBy, scope);
        }

        if (select.Having is { } having)
        {
            BindRowClause(having, EdgeKind.Filter, scope, scope.Clauses.Filter);
        }

        scope.VisibleProjections = all;
        if (select.Qualify is { } qualify)
        {
            BindRowClause(qualify, EdgeKind.Filter, scope, scope.Clauses.Filter);
        }

        if (select.Distinct && select.DistinctOn.IsDefaultOrEmpty)
        {
            scope.Clauses.Grain.Append("DISTINCT;");
            foreach (var projection in scope.Projections)
            {
                foreach (var edge in projection.Sources)
                {
                    scope.RowEdges.Add(edge with { Kind = EdgeKind.Group });
                }
            }
        }

        foreach (var key in select.DistinctOn)
        {
            BindRowClause(key, EdgeKind.Group, scope, scope.Clauses.Grain);
        }

        if (select.Limit is not null || select.Top is not null)
        {
            foreach (var item in select.OrderBy)
            {
                BindOrderKey(item.Expr, scope);
                scope.Clauses.Limit.Append(item.Descending ? " DESC;" : ";");
            }

            AppendLimit(scope.Clauses.Limit, select.Limit, select.Top);
        }

        // A star over one relation whose columns are some of its own passes on a name it does not list (a CTE
        // `select * from source` whose YAML documents a few columns); over several, nobody knows whose it would be.
        var lowerBound = scope.LowerBoundStars.Distinct().ToList() is [var only] ? only : null;
        var relation = new Relation { LowerBound = lowerBound is not null, Fallback = lowerBound };
        relation.FallbackHidden.AddRange(scope.StarHidden);
        relation.Columns.AddRange(scope.Projections);
        SpendEdges(scope.RowEdges.Count);
        relation.RowEdges.AddRange(EdgeSet.Compact(scope.RowEdges));
        relation.Clauses.Append(scope.Clauses);
        return relation;
    }

    private void BindSelectItem(ExprSelectItem item, int index, Scope scope)
    {
        var collector = new ExprCollector();
        try
        {
            BindExpr(item.Expr, EdgeKind.Copy, collector, scope);
        }
#pragma warning disable CA1031 // One bad select item leaves the others bound; StrictMode rethrows in tests.
        catch (Exception ex) when (ex is not BindingBudgetException and not InsufficientExecutionStackException && !StrictMode.Rethrow)
#pragma warning restore CA1031
        {
            Report(SqlLineage.BinderErrorCode, $"select item {index + 1} could not be bound: {ex.Message}", item.Span, DiagnosticSeverity.Error);
        }

        var (name, quoted) = OutputName(item, index);
        var type = item.Expr is CastExpr cast ? cast.TypeName : null;
        SpendEdges(collector.Edges.Count);
        scope.Projections.Add(new RelationColumn(name, quoted, EdgeSet.Compact(collector.Edges), Fingerprint.Of(collector.Canon))
        {
            Type = type,
            Aggregated = collector.HasAggregate || collector.HasWindow,
        });
        scope.ProjectionAliases.Add(item.Alias);
    }

    private static (string Name, bool Quoted) OutputName(ExprSelectItem item, int index)
    {
        if (item.Alias is { } alias)
        {
            return (alias.Text, alias.Quoted);
        }

        var expr = item.Expr;
        while (expr is CastExpr c)
        {
            expr = c.Operand;
        }

        return expr switch
        {
            ColumnRef r => (r.Last.Text, r.Last.Quoted),
            FieldAccessExpr f => (f.Field.Text, f.Field.Quoted),
            JsonPathExpr { Segments.Length: > 0 } j => (j.Segments[^1].Trim('.', '"'), false),
            FunctionCall f => (f.Name.Last.Text, false),
            _ => ("_col" + index, false),
        };
    }

    /// <summary>Binds a clause whose columns decide which rows exist; every edge becomes a row edge of <paramref name="kind"/>.</summary>
    private void BindRowClause(Expr expr, EdgeKind kind, Scope scope, StringBuilder canon)
    {
        var collector = new ExprCollector();
        BindExpr(expr, kind, collector, scope);
        scope.RowEdges.AddRange(collector.Edges);
        canon.Append(collector.Canon).Append(';');
    }

    private void BindGroupBy(GroupByClause groupBy, Scope scope)
    {
        if (groupBy.All)
        {
            scope.Clauses.Grain.Append("ALL:");
            foreach (var projection in scope.Projections)
            {
                if (!projection.Aggregated)
                {
                    AddProjectionRowEdges(projection, EdgeKind.Group, scope, scope.Clauses.Grain);
                }
            }
        }

        foreach (var item in groupBy.Items)
        {
            if (item is FunctionCall f && FunctionFacts.GroupingSets.Contains(string.Join(' ', f.Name.Parts.Select(p => p.Text))))
            {
                scope.Clauses.Grain.Append(f.Name.ToString().ToUpperInvariant()).Append('(');
                foreach (var argument in f.Arguments)
                {
                    BindGroupKey(argument, scope);
                }

                scope.Clauses.Grain.Append(')');
                continue;
            }

            BindGroupKey(item, scope);
        }
    }

    private void BindGroupKey(Expr item, Scope scope)
    {
        if (item is TupleExpr tuple)
        {
            foreach (var inner in tuple.Items)
            {
                BindGroupKey(inner, scope);
            }

            return;
        }

        if (Positional(item, scope) is { } projection)
        {
            AddProjectionRowEdges(projection, EdgeKind.Group, scope, scope.Clauses.Grain);
            return;
        }

        BindRowClause(item, EdgeKind.Group, scope, scope.Clauses.Grain);
    }

    private void BindOrderKey(Expr item, Scope scope)
    {
        if (Positional(item, scope) is { } projection)
        {
            AddProjectionRowEdges(projection, EdgeKind.Sort, scope, scope.Clauses.Limit);
            return;
        }

        BindRowClause(item, EdgeKind.Sort, scope, scope.Clauses.Limit);
    }

    /// <summary><c>GROUP BY 2</c> / <c>ORDER BY 2</c>: the second projection.</summary>
    private static RelationColumn? Positional(Expr item, Scope scope) =>
        item is Literal { Kind: LiteralKind.Number } n && int.TryParse(n.Text, out var position)
            && position >= 1 && position <= scope.Projections.Count
            ? scope.Projections[position - 1]
            : null;

    private static void AddProjectionRowEdges(RelationColumn projection, EdgeKind kind, Scope scope, StringBuilder canon)
    {
        foreach (var edge in projection.Sources)
        {
            scope.RowEdges.Add(edge with { Kind = kind });
        }

        canon.Append('{').Append(projection.Fingerprint).Append("};");
    }
}
