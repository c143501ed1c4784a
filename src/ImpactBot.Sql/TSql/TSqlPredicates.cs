using ImpactBot.Sql.Syntax.Ast;
using Dom = Microsoft.SqlServer.TransactSql.ScriptDom;
using static ImpactBot.Sql.TSql.TSqlSyntax;

namespace ImpactBot.Sql.TSql;

/// <summary>Maps ScriptDom boolean expressions (search conditions) to AST expressions.</summary>
internal static class TSqlPredicates
{
    public static Expr Map(TSqlMapContext context, Dom.BooleanExpression condition) => condition switch
    {
        Dom.BooleanBinaryExpression logical => Logical(context, logical),
        Dom.BooleanNotExpression { Expression: Dom.ExistsPredicate exists } not =>
            new ExistsExpr(TSqlQueries.Map(context, exists.Subquery.QueryExpression), true, Span(not)),
        Dom.BooleanNotExpression not => new UnaryExpr("NOT", TSqlExpressions.Map(context, not.Expression), Span(not)),
        Dom.BooleanComparisonExpression comparison => new BinaryExpr(
            ComparisonOperator(comparison.ComparisonType),
            TSqlExpressions.Map(context, comparison.FirstExpression),
            TSqlExpressions.Map(context, comparison.SecondExpression),
            Span(comparison)),
        Dom.BooleanIsNullExpression isNull => new UnaryExpr(
            isNull.IsNot ? "IS NOT NULL" : "IS NULL", TSqlExpressions.Map(context, isNull.Expression), Span(isNull)),
        Dom.LikePredicate like => new BinaryExpr(
            like.NotDefined ? "NOT LIKE" : "LIKE",
            TSqlExpressions.Map(context, like.FirstExpression),
            TSqlExpressions.Map(context, like.SecondExpression),
            Span(like)),
        Dom.InPredicate { Subquery: { } subquery } inSubquery => new InSubqueryExpr(
            TSqlExpressions.Map(context, inSubquery.Expression),
            TSqlQueries.Map(context, subquery.QueryExpression),
            inSubquery.NotDefined,
            Span(inSubquery)),
        Dom.InPredicate inList => new InListExpr(
            TSqlExpressions.Map(context, inList.Expression),
            TSqlExpressions.MapAll(context, inList.Values),
            inList.NotDefined,
            Span(inList)),
        Dom.ExistsPredicate exists => new ExistsExpr(TSqlQueries.Map(context, exists.Subquery.QueryExpression), false, Span(exists)),
        Dom.BooleanTernaryExpression between => new BetweenExpr(
            TSqlExpressions.Map(context, between.FirstExpression),
            TSqlExpressions.Map(context, between.SecondExpression),
            TSqlExpressions.Map(context, between.ThirdExpression),
            between.TernaryExpressionType == Dom.BooleanTernaryExpressionType.NotBetween,
            Span(between)),
        Dom.SubqueryComparisonPredicate quantified => new BinaryExpr(
            ComparisonOperator(quantified.ComparisonType),
            TSqlExpressions.Map(context, quantified.Expression),
            new SubqueryExpr(TSqlQueries.Map(context, quantified.Subquery.QueryExpression), Span(quantified.Subquery)),
            Span(quantified))
        {
            Quantifier = quantified.SubqueryComparisonPredicateType.ToString().ToUpperInvariant(),
        },
        Dom.DistinctPredicate distinct => new BinaryExpr(
            distinct.IsNot ? "IS NOT DISTINCT FROM" : "IS DISTINCT FROM",
            TSqlExpressions.Map(context, distinct.FirstExpression),
            TSqlExpressions.Map(context, distinct.SecondExpression),
            Span(distinct)),
        Dom.FullTextPredicate fullText => new FunctionCall(
            Qualified(fullText.FullTextFunctionType.ToString().ToUpperInvariant(), Span(fullText)),
            [.. fullText.Columns.Select(c => TSqlExpressions.Map(context, c)), TSqlExpressions.Map(context, fullText.Value)],
            Span(fullText)),
        _ => context.Unsupported(condition),
    };

    /// <summary>AND/OR chains nest to the left; the spine is walked in a loop like arithmetic chains.</summary>
    private static Expr Logical(TSqlMapContext context, Dom.BooleanBinaryExpression logical)
    {
        var spine = new Stack<Dom.BooleanBinaryExpression>();
        Dom.BooleanExpression current = logical;
        while (current is Dom.BooleanBinaryExpression link)
        {
            spine.Push(link);
            current = link.FirstExpression;
        }

        var levels = spine.Count;
        if (!context.TryEnter(levels))
        {
            return context.TooDeep(logical);
        }

        try
        {
            var result = TSqlExpressions.Map(context, current);
            while (spine.Count > 0)
            {
                var link = spine.Pop();
                var op = link.BinaryExpressionType == Dom.BooleanBinaryExpressionType.Or ? "OR" : "AND";
                result = new BinaryExpr(op, result, TSqlExpressions.Map(context, link.SecondExpression), Span(link));
            }

            return result;
        }
        finally
        {
            context.Exit(levels);
        }
    }

    private static string ComparisonOperator(Dom.BooleanComparisonType type) => type switch
    {
        Dom.BooleanComparisonType.Equals => "=",
        Dom.BooleanComparisonType.GreaterThan => ">",
        Dom.BooleanComparisonType.LessThan => "<",
        Dom.BooleanComparisonType.GreaterThanOrEqualTo => ">=",
        Dom.BooleanComparisonType.LessThanOrEqualTo => "<=",
        Dom.BooleanComparisonType.NotEqualToBrackets => "<>",
        Dom.BooleanComparisonType.NotEqualToExclamation => "!=",
        Dom.BooleanComparisonType.NotLessThan => ">=",
        Dom.BooleanComparisonType.NotGreaterThan => "<=",
        Dom.BooleanComparisonType.IsDistinctFrom => "IS DISTINCT FROM",
        Dom.BooleanComparisonType.IsNotDistinctFrom => "IS NOT DISTINCT FROM",
        Dom.BooleanComparisonType.NotLike => "NOT LIKE",
        Dom.BooleanComparisonType.LeftOuterJoin => "*=",
        Dom.BooleanComparisonType.RightOuterJoin => "=*",
        _ => type.ToString().ToUpperInvariant(),
    };
}
