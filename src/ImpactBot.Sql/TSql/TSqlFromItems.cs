using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Text;
using Dom = Microsoft.SqlServer.TransactSql.ScriptDom;
using static ImpactBot.Sql.TSql.TSqlSyntax;

namespace ImpactBot.Sql.TSql;

/// <summary>Maps FROM items: tables, derived tables, joins and APPLY, table-valued functions, OPENJSON, PIVOT/UNPIVOT.</summary>
internal static class TSqlFromItems
{
    /// <summary>The columns OPENJSON returns without a WITH clause.</summary>
    private static readonly string[] OpenJsonDefaultColumns = ["key", "value", "type"];

    public static FromItem Map(TSqlMapContext context, Dom.TableReference table)
    {
        if (!context.TryEnter())
        {
            return Opaque(table, context.TooDeep(table));
        }

        try
        {
            var mapped = MapCore(context, table);

            // A PIVOT's alias names the pivoted result, so it stays on the clause, not on the source.
            return mapped.Alias is null && table is not (Dom.PivotedTableReference or Dom.UnpivotedTableReference)
                ? mapped with { Alias = Alias(table) }
                : mapped;
        }
        finally
        {
            context.Exit();
        }
    }

    private static FromItem MapCore(TSqlMapContext context, Dom.TableReference table)
    {
        var span = Span(table);
        return table switch
        {
            Dom.NamedTableReference named => new TableRef(Name(named.SchemaObject), span),
            Dom.QueryDerivedTable derived => new DerivedTable(TSqlQueries.Map(context, derived.QueryExpression), false, span),
            Dom.InlineDerivedTable values => new DerivedTable(
                new ValuesQuery([.. values.RowValues.Select(r => TSqlExpressions.MapAll(context, r.ColumnValues))], span), false, span),
            Dom.QualifiedJoin join => new JoinItem(
                JoinKind(join.QualifiedJoinType),
                Map(context, join.FirstTableReference),
                Map(context, join.SecondTableReference),
                TSqlExpressions.Map(context, join.SearchCondition),
                [],
                false,
                span),
            Dom.UnqualifiedJoin join => Unqualified(context, join),
            Dom.JoinParenthesisTableReference parenthesis => Map(context, parenthesis.Join),
            Dom.PivotedTableReference pivot => Pivot(context, pivot),
            Dom.UnpivotedTableReference unpivot => Unpivot(context, unpivot),
            Dom.VariableTableReference variable => new TableRef(Qualified(variable.Variable.Name, Span(variable.Variable)), span),
            Dom.SchemaObjectFunctionTableReference function => Function(
                Name(function.SchemaObject), TSqlExpressions.MapAll(context, function.Parameters), span),
            Dom.BuiltInFunctionTableReference builtIn => Function(
                new QualifiedName([TSqlSyntax.Name(builtIn.Name)], Span(builtIn.Name)), TSqlExpressions.MapAll(context, builtIn.Parameters), span),
            Dom.GlobalFunctionTableReference global => Function(
                new QualifiedName([TSqlSyntax.Name(global.Name)], Span(global.Name)), TSqlExpressions.MapAll(context, global.Parameters), span),
            Dom.OpenJsonTableReference openJson => OpenJson(context, openJson),
            _ => Opaque(table, context.Unsupported(table)),
        };
    }

    private static QualifiedName Name(Dom.SchemaObjectName name) => new(Names(name.Identifiers), Span(name));

    private static TableAlias? Alias(Dom.TableReference table)
    {
        var alias = (table as Dom.TableReferenceWithAlias)?.Alias;
        var columns = (table as Dom.TableReferenceWithAliasAndColumns)?.Columns;
        return alias is null ? null : new TableAlias(TSqlSyntax.Name(alias), columns is null ? [] : Names(columns), Span(alias));
    }

    private static JoinKind JoinKind(Dom.QualifiedJoinType type) => type switch
    {
        Dom.QualifiedJoinType.LeftOuter => Syntax.Ast.JoinKind.Left,
        Dom.QualifiedJoinType.RightOuter => Syntax.Ast.JoinKind.Right,
        Dom.QualifiedJoinType.FullOuter => Syntax.Ast.JoinKind.Full,
        _ => Syntax.Ast.JoinKind.Inner,
    };

    /// <summary>CROSS JOIN, and CROSS/OUTER APPLY as a cross/left join whose right side is lateral (it sees the left side's columns).</summary>
    private static JoinItem Unqualified(TSqlMapContext context, Dom.UnqualifiedJoin join)
    {
        var left = Map(context, join.FirstTableReference);
        var right = Map(context, join.SecondTableReference);
        var apply = join.UnqualifiedJoinType is Dom.UnqualifiedJoinType.CrossApply or Dom.UnqualifiedJoinType.OuterApply;
        if (apply)
        {
            right = right switch
            {
                DerivedTable derived => derived with { Lateral = true },
                TableFunction function => function with { Lateral = true },
                _ => right,
            };
        }

        var kind = join.UnqualifiedJoinType == Dom.UnqualifiedJoinType.OuterApply ? Syntax.Ast.JoinKind.Left : Syntax.Ast.JoinKind.Cross;
        return new JoinItem(kind, left, right, null, [], false, Span(join));
    }

    private static FromItem Pivot(TSqlMapContext context, Dom.PivotedTableReference pivot)
    {
        var source = Map(context, pivot.TableReference);
        var span = Span(pivot);
        var aggregateName = Qualified(pivot.AggregateFunctionIdentifier);
        var aggregate = new FunctionCall(aggregateName, [.. pivot.ValueColumns.Select(c => TSqlExpressions.Map(context, c))], aggregateName.Span);

        // FOR col IN ([2019], [2020]): each name is both the value matched and the generated column.
        var values = pivot.InColumns
            .Select(c => new PivotValue(new Literal(LiteralKind.String, c.Value, Span(c)), TSqlSyntax.Name(c), Span(c)))
            .ToImmutableArray();
        var forColumn = pivot.PivotColumn.MultiPartIdentifier is { Count: > 0 } parts ? TSqlSyntax.Name(parts.Identifiers[^1]) : new Identifier(SourceText(pivot.PivotColumn), false, Span(pivot.PivotColumn));
        var clause = new PivotClause(false, [new PivotAggregate(aggregate, null, aggregate.Span)], [], [forColumn], values, span)
        {
            Alias = Alias(pivot),
        };
        return source with { Pivots = source.Pivots.Add(clause) };
    }

    private static FromItem Unpivot(TSqlMapContext context, Dom.UnpivotedTableReference unpivot)
    {
        var source = Map(context, unpivot.TableReference);
        var values = unpivot.InColumns
            .Select(c => new PivotValue(TSqlExpressions.Map(context, c), null, Span(c)))
            .ToImmutableArray();
        var clause = new PivotClause(
            true, [], [TSqlSyntax.Name(unpivot.ValueColumn)], [TSqlSyntax.Name(unpivot.PivotColumn)], values, Span(unpivot))
        {
            Alias = Alias(unpivot),
        };
        return source with { Pivots = source.Pivots.Add(clause) };
    }

    private static TableFunction Function(QualifiedName name, ImmutableArray<Expr> arguments, SourceSpan span) =>
        new(TableFunctionKind.Generic, name, arguments, false, span);

    /// <summary>
    /// OPENJSON's columns come from its WITH list (or are key/value/type). They go on the alias so the binder can resolve
    /// them; without an alias the function's name stands in, as T-SQL lets the columns be used unqualified.
    /// </summary>
    private static TableFunction OpenJson(TSqlMapContext context, Dom.OpenJsonTableReference openJson)
    {
        var span = Span(openJson);
        var name = Qualified("OPENJSON", new SourceSpan(span.Start, "OPENJSON".Length, span.Line, span.Column));
        var arguments = openJson.RowPattern is null
            ? [TSqlExpressions.Map(context, openJson.Variable)]
            : ImmutableArray.Create(TSqlExpressions.Map(context, openJson.Variable), TSqlExpressions.Map(context, openJson.RowPattern));
        var columns = openJson.SchemaDeclarationItems is { Count: > 0 } items
            ? [.. items.Select(i => TSqlSyntax.Name(i.ColumnDefinition.ColumnIdentifier))]
            : OpenJsonDefaultColumns.Select(c => new Identifier(c, false, span)).ToImmutableArray();
        var alias = openJson.Alias is null
            ? new TableAlias(name.Last, columns, span)
            : new TableAlias(TSqlSyntax.Name(openJson.Alias), columns, Span(openJson.Alias));
        return Function(name, arguments, span) with { Alias = alias };
    }

    /// <summary>A FROM item that cannot be mapped stays visible as a table function carrying its column references.</summary>
    private static TableFunction Opaque(Dom.TableReference table, OpaqueExpr opaque)
    {
        var span = Span(table);
        return new TableFunction(TableFunctionKind.Generic, Qualified(FirstWords(table, 1).FirstOrDefault() ?? "", span), [opaque], false, span);
    }
}
