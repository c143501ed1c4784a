using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Text;
using Dom = Microsoft.SqlServer.TransactSql.ScriptDom;
using static ImpactBot.Sql.TSql.TSqlSyntax;

namespace ImpactBot.Sql.TSql;

/// <summary>Maps calls: functions with OVER/WITHIN GROUP, conversions, and the T-SQL forms ScriptDom gives their own nodes (IIF, COALESCE, ..).</summary>
internal static class TSqlFunctions
{
    public static Expr Map(TSqlMapContext context, Dom.ScalarExpression expression)
    {
        var span = Span(expression);
        return expression switch
        {
            Dom.FunctionCall call => Call(context, call),
            Dom.CastCall cast => new CastExpr(TSqlExpressions.Map(context, cast.Parameter), SourceText(cast.DataType), CastStyle.Cast, span),
            Dom.TryCastCall cast => new CastExpr(TSqlExpressions.Map(context, cast.Parameter), SourceText(cast.DataType), CastStyle.TryCast, span),
            Dom.ConvertCall convert => new CastExpr(TSqlExpressions.Map(context, convert.Parameter), SourceText(convert.DataType), CastStyle.Convert, span),
            Dom.TryConvertCall convert => new CastExpr(TSqlExpressions.Map(context, convert.Parameter), SourceText(convert.DataType), CastStyle.Convert, span),
            Dom.ParseCall parse => new CastExpr(TSqlExpressions.Map(context, parse.StringValue), SourceText(parse.DataType), CastStyle.Cast, span),
            Dom.TryParseCall parse => new CastExpr(TSqlExpressions.Map(context, parse.StringValue), SourceText(parse.DataType), CastStyle.TryCast, span),
            Dom.IIfCall iif => Named("IIF", span, TSqlExpressions.Map(context, iif.Predicate), TSqlExpressions.Map(context, iif.ThenExpression), TSqlExpressions.Map(context, iif.ElseExpression)),
            Dom.CoalesceExpression coalesce => new FunctionCall(Qualified("COALESCE", span), TSqlExpressions.MapAll(context, coalesce.Expressions), span),
            Dom.NullIfExpression nullIf => Named("NULLIF", span, TSqlExpressions.Map(context, nullIf.FirstExpression), TSqlExpressions.Map(context, nullIf.SecondExpression)),
            Dom.LeftFunctionCall left => new FunctionCall(Qualified("LEFT", span), TSqlExpressions.MapAll(context, left.Parameters), span),
            Dom.RightFunctionCall right => new FunctionCall(Qualified("RIGHT", span), TSqlExpressions.MapAll(context, right.Parameters), span),
            Dom.ParameterlessCall parameterless => new FunctionCall(Qualified(SourceText(parameterless), span), [], span),
            Dom.NextValueForExpression next => new FunctionCall(
                new QualifiedName([.. Names(next.SequenceName.Identifiers)], Span(next.SequenceName)), [], span),
            Dom.OdbcFunctionCall odbc => new FunctionCall(Qualified(odbc.Name.Value, span), TSqlExpressions.MapAll(context, odbc.Parameters), span),
            Dom.PartitionFunctionCall partition => new FunctionCall(
                Qualified(partition.FunctionName.Value, span), TSqlExpressions.MapAll(context, partition.Parameters), span),
            Dom.UserDefinedTypePropertyAccess property => new FieldAccessExpr(
                Target(context, property.CallTarget, span), Name(property.PropertyName), span),
            _ => context.Unsupported(expression),
        };
    }

    public static WindowSpec Window(TSqlMapContext context, Dom.OverClause over) =>
        new(
            over.WindowName is null ? null : Name(over.WindowName),
            TSqlExpressions.MapAll(context, over.Partitions),
            TSqlQueries.OrderBy(context, over.OrderByClause),
            Span(over))
        {
            Frame = FrameText(over.WindowFrameClause, over.LastTokenIndex - 1),
            FrameBounds = FrameBounds(context, over.WindowFrameClause),
        };

    public static WindowSpec Window(TSqlMapContext context, Dom.WindowDefinition definition) =>
        new(
            definition.RefWindowName is null ? null : Name(definition.RefWindowName),
            TSqlExpressions.MapAll(context, definition.Partitions),
            TSqlQueries.OrderBy(context, definition.OrderByClause),
            Span(definition))
        {
            Frame = FrameText(definition.WindowFrameClause, definition.LastTokenIndex),
            FrameBounds = FrameBounds(context, definition.WindowFrameClause),
        };

    /// <summary>ScriptDom ends a frame clause before its last word (<c>CURRENT ROW</c> loses <c>ROW</c>), so the text runs to the window's end.</summary>
    private static string? FrameText(Dom.WindowFrameClause? frame, int lastToken) =>
        frame is null ? null : SourceText(frame, Math.Max(frame.LastTokenIndex, lastToken));

    private static FunctionCall Call(TSqlMapContext context, Dom.FunctionCall call)
    {
        var span = Span(call);
        var name = Name(call.FunctionName);
        var arguments = ImmutableArray.CreateBuilder<Expr>();
        QualifiedName qualified;
        switch (call.CallTarget)
        {
            case Dom.MultiPartIdentifierCallTarget { MultiPartIdentifier: { } owner }:
                qualified = new QualifiedName([.. Names(owner.Identifiers), name], Span(owner).Through(name.Span));
                break;
            case Dom.ExpressionCallTarget or Dom.UserDefinedTypeCallTarget:
                // col.method(..) and type::method(..): the target is the first argument so its columns stay sources.
                arguments.Add(Target(context, call.CallTarget, span));
                qualified = new QualifiedName([name], name.Span);
                break;
            default:
                qualified = new QualifiedName([name], name.Span);
                break;
        }

        arguments.AddRange(TSqlExpressions.MapAll(context, call.Parameters));

        foreach (var pair in call.JsonParameters ?? [])
        {
            arguments.Add(TSqlExpressions.Map(context, pair.JsonKeyName));
            arguments.Add(TSqlExpressions.Map(context, pair.JsonValue));
        }

        return new FunctionCall(qualified, arguments.ToImmutable(), span)
        {
            Distinct = call.UniqueRowFilter == Dom.UniqueRowFilter.Distinct,
            Over = call.OverClause is null ? null : Window(context, call.OverClause),
            WithinGroup = call.WithinGroupClause is null ? [] : TSqlQueries.OrderBy(context, call.WithinGroupClause.OrderByClause),
            NullTreatment = call.IgnoreRespectNulls is { Count: > 0 } words
                ? string.Join(' ', words.Select(w => w.Value.ToUpperInvariant()))
                : null,
        };
    }

    private static Expr Target(TSqlMapContext context, Dom.CallTarget? target, SourceSpan fallback) => target switch
    {
        Dom.ExpressionCallTarget { Expression: { } expression } => TSqlExpressions.Map(context, expression),
        Dom.MultiPartIdentifierCallTarget { MultiPartIdentifier: { } name } => new ColumnRef(Names(name.Identifiers), Span(name)),
        Dom.UserDefinedTypeCallTarget { SchemaObjectName: { } type } => new Literal(LiteralKind.Typed, SourceText(type), Span(type)),
        _ => new Literal(LiteralKind.Null, "NULL", fallback),
    };

    private static ImmutableArray<Expr> FrameBounds(TSqlMapContext context, Dom.WindowFrameClause? frame) =>
        frame is null
            ? []
            : [.. new[] { frame.Top, frame.Bottom }
                .Where(d => d?.OffsetValue is not null)
                .Select(d => TSqlExpressions.Map(context, d!.OffsetValue))];

    private static FunctionCall Named(string name, SourceSpan span, params Expr[] arguments) =>
        new(Qualified(name, span), [.. arguments], span);
}
