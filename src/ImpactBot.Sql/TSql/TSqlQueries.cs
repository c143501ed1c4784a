using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Text;
using Dom = Microsoft.SqlServer.TransactSql.ScriptDom;
using static ImpactBot.Sql.TSql.TSqlSyntax;

namespace ImpactBot.Sql.TSql;

/// <summary>Maps query expressions: SELECT, set operations, parenthesised queries, CTEs, ORDER BY and OFFSET/FETCH.</summary>
internal static class TSqlQueries
{
    public static Query Map(TSqlMapContext context, Dom.QueryExpression query)
    {
        if (!context.TryEnter())
        {
            var span = Span(query);
            return new SelectQuery(span) { Items = [new ExprSelectItem(context.TooDeep(query), null, span)] };
        }

        try
        {
            Query mapped = query switch
            {
                Dom.QuerySpecification select => Select(context, select),
                Dom.BinaryQueryExpression set => new SetOperationQuery(
                    SetOperator(set.BinaryQueryExpressionType),
                    set.All,
                    false,
                    Map(context, set.FirstQueryExpression),
                    Map(context, set.SecondQueryExpression),
                    Span(set)),
                Dom.QueryParenthesisExpression parenthesis => Map(context, parenthesis.QueryExpression),
                _ => new SelectQuery(Span(query)) { Items = [new ExprSelectItem(context.Unsupported(query), null, Span(query))] },
            };

            var orderBy = OrderBy(context, query.OrderByClause);
            var limit = Limit(context, query.OffsetClause);
            return orderBy.IsEmpty && limit is null
                ? mapped
                : mapped with
                {
                    OrderBy = orderBy.IsEmpty ? mapped.OrderBy : orderBy,
                    Limit = limit ?? mapped.Limit,
                };
        }
        finally
        {
            context.Exit();
        }
    }

    /// <summary>Maps a statement's query and puts its WITH clause on it.</summary>
    public static Query Map(TSqlMapContext context, Dom.QueryExpression query, Dom.WithCtesAndXmlNamespaces? with)
    {
        var mapped = Map(context, query);
        return with is { CommonTableExpressions.Count: > 0 } ? mapped with { With = With(context, with) } : mapped;
    }

    public static ImmutableArray<OrderItem> OrderBy(TSqlMapContext context, Dom.OrderByClause? orderBy) =>
        orderBy is null
            ? []
            : [.. orderBy.OrderByElements.Select(e => new OrderItem(
                TSqlExpressions.Map(context, e.Expression), e.SortOrder == Dom.SortOrder.Descending, Span(e)))];

    private static WithClause With(TSqlMapContext context, Dom.WithCtesAndXmlNamespaces with)
    {
        var ctes = with.CommonTableExpressions
            .Select(cte => new CommonTableExpression(
                Name(cte.ExpressionName), Names(cte.Columns), Map(context, cte.QueryExpression), Span(cte)))
            .ToImmutableArray();
        return new WithClause(with.CommonTableExpressions.Any(IsRecursive), ctes, Span(with));
    }

    /// <summary>T-SQL has no RECURSIVE keyword: a CTE is recursive when a UNION in its body names the CTE itself.</summary>
    private static bool IsRecursive(Dom.CommonTableExpression cte) =>
        cte.QueryExpression is Dom.BinaryQueryExpression
        && TSqlReferenceScanner.Scan(cte.QueryExpression)
            .Any(r => r.Parts.Length == 1 && string.Equals(r.Parts[0].Text, cte.ExpressionName.Value, StringComparison.OrdinalIgnoreCase));

    private static SelectQuery Select(TSqlMapContext context, Dom.QuerySpecification select)
    {
        var top = select.TopRowFilter;
        return new SelectQuery(Span(select))
        {
            Distinct = select.UniqueRowFilter == Dom.UniqueRowFilter.Distinct,
            Top = top?.Expression is null ? null : TSqlExpressions.Map(context, top.Expression),
            TopPercent = top?.Percent ?? false,
            TopWithTies = top?.WithTies ?? false,
            Items = [.. select.SelectElements.Select(e => Item(context, e))],
            From = select.FromClause is null ? [] : [.. select.FromClause.TableReferences.Select(t => TSqlFromItems.Map(context, t))],
            Where = select.WhereClause?.SearchCondition is { } where ? TSqlExpressions.Map(context, where) : null,
            GroupBy = select.GroupByClause is null ? null : GroupBy(context, select.GroupByClause),
            Having = select.HavingClause?.SearchCondition is { } having ? TSqlExpressions.Map(context, having) : null,
            Windows = select.WindowClause is null
                ? []
                : [.. select.WindowClause.WindowDefinition.Select(w => new NamedWindow(Name(w.WindowName), TSqlFunctions.Window(context, w), Span(w)))],
        };
    }

    private static SelectItem Item(TSqlMapContext context, Dom.SelectElement element) => element switch
    {
        Dom.SelectScalarExpression scalar => new ExprSelectItem(TSqlExpressions.Map(context, scalar.Expression), Alias(scalar.ColumnName), Span(scalar)),
        Dom.SelectStarExpression star => new StarSelectItem(star.Qualifier is { Count: > 0 } q ? Qualified(q) : null, Span(star)),

        // SELECT @v = expr assigns a variable; the item keeps the expression under the variable's name.
        Dom.SelectSetVariable assignment => new ExprSelectItem(
            TSqlExpressions.Map(context, assignment.Expression),
            new Identifier(assignment.Variable.Name, false, Span(assignment.Variable)),
            Span(assignment)),
        _ => new ExprSelectItem(context.Unsupported(element), null, Span(element)),
    };

    private static GroupByClause GroupBy(TSqlMapContext context, Dom.GroupByClause groupBy) =>
        new(false, [.. groupBy.GroupingSpecifications.Select(g => Grouping(context, g))], Span(groupBy));

    private static Expr Grouping(TSqlMapContext context, Dom.GroupingSpecification grouping)
    {
        var span = Span(grouping);
        return grouping switch
        {
            Dom.ExpressionGroupingSpecification single => TSqlExpressions.Map(context, single.Expression),
            Dom.RollupGroupingSpecification rollup => Call("ROLLUP", [.. rollup.Arguments.Select(a => Grouping(context, a))], span),
            Dom.CubeGroupingSpecification cube => Call("CUBE", [.. cube.Arguments.Select(a => Grouping(context, a))], span),
            Dom.GroupingSetsGroupingSpecification sets => Call("GROUPING SETS", [.. sets.Sets.Select(a => Grouping(context, a))], span),
            Dom.CompositeGroupingSpecification composite => new TupleExpr([.. composite.Items.Select(a => Grouping(context, a))], span),
            Dom.GrandTotalGroupingSpecification => new TupleExpr([], span),
            _ => context.Unsupported(grouping),
        };
    }

    private static FunctionCall Call(string name, ImmutableArray<Expr> arguments, SourceSpan span) =>
        new(Qualified(name, span), arguments, span);

    private static LimitClause? Limit(TSqlMapContext context, Dom.OffsetClause? offset) =>
        offset is null
            ? null
            : new LimitClause(
                offset.FetchExpression is null ? null : TSqlExpressions.Map(context, offset.FetchExpression),
                offset.OffsetExpression is null ? null : TSqlExpressions.Map(context, offset.OffsetExpression),
                Span(offset));

    private static SetOperator SetOperator(Dom.BinaryQueryExpressionType type) => type switch
    {
        Dom.BinaryQueryExpressionType.Intersect => Syntax.Ast.SetOperator.Intersect,
        Dom.BinaryQueryExpressionType.Except => Syntax.Ast.SetOperator.Except,
        _ => Syntax.Ast.SetOperator.Union,
    };
}
