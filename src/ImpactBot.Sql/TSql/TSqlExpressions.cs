using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using Dom = Microsoft.SqlServer.TransactSql.ScriptDom;
using static ImpactBot.Sql.TSql.TSqlSyntax;

namespace ImpactBot.Sql.TSql;

/// <summary>Maps ScriptDom scalar expressions (and boolean ones, through <see cref="TSqlPredicates"/>) to AST expressions.</summary>
internal static class TSqlExpressions
{
    public static Expr Map(TSqlMapContext context, Dom.TSqlFragment fragment)
    {
        // Parentheses carry no meaning for lineage; unwrapping them in a loop keeps ((((x)))) flat.
        while (true)
        {
            if (fragment is Dom.ParenthesisExpression { Expression: { } inner })
            {
                fragment = inner;
            }
            else if (fragment is Dom.BooleanParenthesisExpression { Expression: { } innerCondition })
            {
                fragment = innerCondition;
            }
            else
            {
                break;
            }
        }

        if (!context.TryEnter())
        {
            return context.TooDeep(fragment);
        }

        try
        {
            return fragment switch
            {
                Dom.BooleanExpression condition => TSqlPredicates.Map(context, condition),
                Dom.ScalarExpression scalar => MapScalar(context, scalar),
                _ => context.Unsupported(fragment),
            };
        }
        finally
        {
            context.Exit();
        }
    }

    public static ImmutableArray<Expr> MapAll(TSqlMapContext context, IEnumerable<Dom.TSqlFragment> fragments) =>
        [.. fragments.Select(f => Map(context, f))];

    private static Expr MapScalar(TSqlMapContext context, Dom.ScalarExpression expression) => expression switch
    {
        Dom.ColumnReferenceExpression column => Column(column),
        Dom.Literal literal => Literal(literal),
        Dom.VariableReference variable => new Parameter(variable.Name, Span(variable)),
        Dom.GlobalVariableExpression global => new Parameter(global.Name, Span(global)),
        Dom.BinaryExpression binary => Binary(context, binary),
        Dom.UnaryExpression unary => new UnaryExpr(UnaryOperator(unary.UnaryExpressionType), Map(context, unary.Expression), Span(unary)),
        Dom.ScalarSubquery subquery => new SubqueryExpr(TSqlQueries.Map(context, subquery.QueryExpression), Span(subquery)),
        Dom.SearchedCaseExpression searched => new CaseExpr(
            null,
            [.. searched.WhenClauses.Select(w => new WhenClause(Map(context, w.WhenExpression), Map(context, w.ThenExpression), Span(w)))],
            searched.ElseExpression is null ? null : Map(context, searched.ElseExpression),
            Span(searched)),
        Dom.SimpleCaseExpression simple => new CaseExpr(
            Map(context, simple.InputExpression),
            [.. simple.WhenClauses.Select(w => new WhenClause(Map(context, w.WhenExpression), Map(context, w.ThenExpression), Span(w)))],
            simple.ElseExpression is null ? null : Map(context, simple.ElseExpression),
            Span(simple)),
        Dom.AtTimeZoneCall atTimeZone => new BinaryExpr(
            "AT TIME ZONE", Map(context, atTimeZone.DateValue), Map(context, atTimeZone.TimeZone), Span(atTimeZone)),
        Dom.ExtractFromExpression extract => new ExtractExpr(
            extract.ExtractedElement?.Value ?? "", Map(context, extract.Expression), Span(extract)),
        _ => TSqlFunctions.Map(context, expression),
    };

    private static Expr Column(Dom.ColumnReferenceExpression column)
    {
        var span = Span(column);
        var name = column.MultiPartIdentifier;
        return column.ColumnType switch
        {
            Dom.ColumnType.Wildcard => new StarExpr(name is { Count: > 0 } ? Qualified(name) : null, span),
            Dom.ColumnType.Regular when name is { Count: > 0 } => new ColumnRef(Names(name.Identifiers), span),

            // $IDENTITY, $ROWGUID, $action and graph pseudo-columns: kept by their text so they stay visible.
            _ => new ColumnRef([new Identifier(SourceText(column), false, span)], span),
        };
    }

    private static Literal Literal(Dom.Literal literal)
    {
        var span = Span(literal);
        return literal switch
        {
            Dom.StringLiteral text => new Literal(LiteralKind.String, text.Value, span),

            // Keywords used as values, such as the date part of DATEADD(day, ..).
            Dom.IdentifierLiteral word => new Literal(LiteralKind.String, word.Value, span),
            Dom.NullLiteral => new Literal(LiteralKind.Null, "NULL", span),
            Dom.IntegerLiteral or Dom.NumericLiteral or Dom.RealLiteral or Dom.MoneyLiteral or Dom.BinaryLiteral =>
                new Literal(LiteralKind.Number, literal.Value, span),
            _ => new Literal(LiteralKind.Typed, SourceText(literal), span),
        };
    }

    /// <summary>
    /// Long operator chains (<c>'a' + b + 'c' + ..</c>) nest to the left; walking the left spine in a loop keeps the
    /// mapper's own stack flat, and a chain deeper than the limit becomes one opaque span.
    /// </summary>
    private static Expr Binary(TSqlMapContext context, Dom.BinaryExpression binary)
    {
        var spine = new Stack<Dom.BinaryExpression>();
        Dom.ScalarExpression current = binary;
        while (current is Dom.BinaryExpression link)
        {
            spine.Push(link);
            current = link.FirstExpression;
        }

        var levels = spine.Count;
        if (!context.TryEnter(levels))
        {
            return context.TooDeep(binary);
        }

        try
        {
            var result = Map(context, current);
            while (spine.Count > 0)
            {
                var link = spine.Pop();
                result = new BinaryExpr(BinaryOperator(link.BinaryExpressionType), result, Map(context, link.SecondExpression), Span(link));
            }

            return result;
        }
        finally
        {
            context.Exit(levels);
        }
    }

    private static string BinaryOperator(Dom.BinaryExpressionType type) => type switch
    {
        Dom.BinaryExpressionType.Add => "+",
        Dom.BinaryExpressionType.Subtract => "-",
        Dom.BinaryExpressionType.Multiply => "*",
        Dom.BinaryExpressionType.Divide => "/",
        Dom.BinaryExpressionType.Modulo => "%",
        Dom.BinaryExpressionType.BitwiseAnd => "&",
        Dom.BinaryExpressionType.BitwiseOr => "|",
        Dom.BinaryExpressionType.BitwiseXor => "^",
        Dom.BinaryExpressionType.LeftShift => "<<",
        Dom.BinaryExpressionType.RightShift => ">>",
        _ => type.ToString().ToUpperInvariant(),
    };

    private static string UnaryOperator(Dom.UnaryExpressionType type) => type switch
    {
        Dom.UnaryExpressionType.Negative => "-",
        Dom.UnaryExpressionType.Positive => "+",
        Dom.UnaryExpressionType.BitwiseNot => "~",
        _ => type.ToString().ToUpperInvariant(),
    };
}
