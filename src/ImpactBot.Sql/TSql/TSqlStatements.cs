using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using Dom = Microsoft.SqlServer.TransactSql.ScriptDom;
using static ImpactBot.Sql.TSql.TSqlSyntax;

namespace ImpactBot.Sql.TSql;

/// <summary>
/// Maps the statements lineage cares about (views, CTAS, SELECT INTO, INSERT .. SELECT, MERGE, queries);
/// everything else becomes an <see cref="OpaqueStatement"/>.
/// </summary>
internal static class TSqlStatements
{
    public static Statement Map(TSqlMapContext context, Dom.TSqlStatement statement)
    {
        var span = Span(statement);
        return statement switch
        {
            Dom.SelectStatement { Into: { } into } select => new CreateAsStatement(
                "TABLE", Name(into), [], TSqlQueries.Map(context, select.QueryExpression, select.WithCtesAndXmlNamespaces), span),
            Dom.SelectStatement select => new QueryStatement(
                TSqlQueries.Map(context, select.QueryExpression, select.WithCtesAndXmlNamespaces), span),
            Dom.ViewStatementBody { SelectStatement: { } select } view => new CreateAsStatement(
                view.IsMaterialized ? "MATERIALIZED VIEW" : "VIEW",
                Name(view.SchemaObjectName),
                Names(view.Columns),
                TSqlQueries.Map(context, select.QueryExpression, select.WithCtesAndXmlNamespaces),
                span),
            Dom.CreateTableStatement { SelectStatement: { } select } table => new CreateAsStatement(
                "TABLE",
                Name(table.SchemaObjectName),
                Names(table.CtasColumns),
                TSqlQueries.Map(context, select.QueryExpression, select.WithCtesAndXmlNamespaces),
                span),
            Dom.InsertStatement insert => (Statement?)Insert(context, insert) ?? Opaque(statement),
            Dom.MergeStatement merge => (Statement?)Merge(context, merge) ?? Opaque(statement),
            _ => Opaque(statement),
        };
    }

    public static OpaqueStatement Opaque(Dom.TSqlStatement statement) => new(Keyword(statement), Span(statement));

    private static InsertStatement? Insert(TSqlMapContext context, Dom.InsertStatement insert)
    {
        var specification = insert.InsertSpecification;
        if (TargetName(specification.Target) is not { } target)
        {
            return null;
        }

        var with = insert.WithCtesAndXmlNamespaces;
        Query? query = specification.InsertSource switch
        {
            Dom.SelectInsertSource select => TSqlQueries.Map(context, select.Select, with),
            Dom.ValuesInsertSource { IsDefaultValues: false } values => new ValuesQuery(
                [.. values.RowValues.Select(r => TSqlExpressions.MapAll(context, r.ColumnValues))], Span(values)),
            _ => null,
        };
        return query is null ? null : new InsertStatement(target, ColumnNames(specification.Columns), query, Span(insert));
    }

    private static MergeStatement? Merge(TSqlMapContext context, Dom.MergeStatement merge)
    {
        var specification = merge.MergeSpecification;
        if (TargetName(specification.Target) is not { } target || specification.TableReference is null)
        {
            return null;
        }

        var assignments = ImmutableArray.CreateBuilder<MergeAssignment>();
        foreach (var action in specification.ActionClauses.Select(c => c.Action))
        {
            switch (action)
            {
                case Dom.UpdateMergeAction update:
                    foreach (var set in update.SetClauses.OfType<Dom.AssignmentSetClause>().Where(s => s.Column is not null))
                    {
                        assignments.Add(new MergeAssignment(ColumnNames([set.Column])[0], TSqlExpressions.Map(context, set.NewValue), Span(set)));
                    }

                    break;
                case Dom.InsertMergeAction { Source: Dom.ValuesInsertSource { RowValues: [var row, ..] } } insert:
                    var columns = ColumnNames(insert.Columns);
                    for (var i = 0; i < Math.Min(columns.Length, row.ColumnValues.Count); i++)
                    {
                        var value = row.ColumnValues[i];
                        assignments.Add(new MergeAssignment(columns[i], TSqlExpressions.Map(context, value), Span(value)));
                    }

                    break;
            }
        }

        var alias = specification.TableAlias ?? (specification.Target as Dom.TableReferenceWithAlias)?.Alias;
        return new MergeStatement(
            target,
            alias is null ? null : TSqlSyntax.Name(alias),
            TSqlFromItems.Map(context, specification.TableReference),
            TSqlExpressions.Map(context, specification.SearchCondition),
            assignments.ToImmutable(),
            Span(merge));
    }

    private static QualifiedName? TargetName(Dom.TableReference? target) => target switch
    {
        Dom.NamedTableReference named => Name(named.SchemaObject),
        Dom.VariableTableReference variable => Qualified(variable.Variable.Name, Span(variable.Variable)),
        _ => null,
    };

    private static QualifiedName Name(Dom.SchemaObjectName name) => new(Names(name.Identifiers), Span(name));

    /// <summary>The statement's leading words: <c>CREATE PROCEDURE</c>, <c>CREATE OR ALTER FUNCTION</c>, <c>UPDATE</c>.</summary>
    private static string Keyword(Dom.TSqlStatement statement)
    {
        var words = FirstWords(statement, 4).ToArray();
        if (words.Length == 0)
        {
            return "";
        }

        var first = words[0].ToUpperInvariant();
        var count = first is "CREATE" or "ALTER" or "DROP" or "TRUNCATE" ? 2 : 1;
        if (count == 2 && words.Length > 3 && words[1].Equals("OR", StringComparison.OrdinalIgnoreCase))
        {
            count = 4;
        }

        return string.Join(' ', words.Take(Math.Min(count, words.Length)).Select(w => w.ToUpperInvariant()));
    }
}
