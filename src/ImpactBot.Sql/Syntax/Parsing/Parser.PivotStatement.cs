using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;

namespace ImpactBot.Sql.Syntax.Parsing;

// DuckDB's PIVOT and UNPIVOT statements, parsed into SELECT * FROM dataset PIVOT (..) so they share the pivot model.
internal sealed partial class Parser
{
    /// <summary>PIVOT / UNPIVOT, or their DuckDB spellings PIVOT_WIDER / PIVOT_LONGER, where the dialect has the statements.</summary>
    private bool IsPivotStatementStart(in Token token) =>
        _dialect.PivotStatements && (IsPivotStart(token) || TextIs(token, "PIVOT_WIDER") || TextIs(token, "PIVOT_LONGER"));

    /// <summary>
    /// <c>PIVOT dataset ON col [IN (..)], .. [USING agg [AS a], ..] [GROUP BY col, ..]</c> or
    /// <c>UNPIVOT [INCLUDE NULLS] dataset ON col | (col, ..) [AS n], .. [INTO NAME n VALUE v, ..]</c>.
    /// </summary>
    private SelectQuery ParsePivotStatement()
    {
        var start = _pos;
        var unpivot = Current.Keyword == Keyword.Unpivot || TextIs(Current, "PIVOT_LONGER");
        Advance();
        var includeNulls = false;
        if (unpivot && At(Keyword.Include) && Peek().Is(Keyword.Nulls))
        {
            Advance();
            Advance();
            includeNulls = true;
        }

        var dataset = ParseTablePrimary();
        Expect(Keyword.On);
        var pivot = unpivot ? ParseUnpivotStatementBody(start) with { IncludeNulls = includeNulls } : ParsePivotStatementBody(start);
        var star = new StarSelectItem(null, pivot.Span);
        return new SelectQuery(SpanFrom(start))
        {
            Items = [star],
            From = [dataset with { Pivots = dataset.Pivots.Add(pivot with { Span = SpanFrom(start) }) }],
        };
    }

    private PivotClause ParsePivotStatementBody(int start)
    {
        var forColumns = ImmutableArray.CreateBuilder<Identifier>();
        var lists = new List<ImmutableArray<Expr>>();
        var dynamic = false;
        foreach (var item in ParseExprListUntil(t => t.Keyword is Keyword.Using or Keyword.Group or Keyword.Order or Keyword.Limit))
        {
            var (column, values) = item switch
            {
                InListExpr { Not: false, Operand: ColumnRef c } list => (c, list.Items),
                ColumnRef c => (c, default(ImmutableArray<Expr>)),
                InSubqueryExpr { Not: false, Operand: ColumnRef c } => (c, default),
                _ => (null, default),
            };
            if (column is null)
            {
                Report("pivot-on-expression", "PIVOT ON an expression: the generated columns are unknown", item.Span);
                dynamic = true;
                continue;
            }

            forColumns.Add(column.Last);
            dynamic |= values.IsDefault;
            lists.Add(values.IsDefault ? [] : values);
        }

        if (forColumns.Count == 0 && !dynamic)
        {
            Report("unexpected-token", $"expected a column after ON, found {Describe(Current)}", Current.Span);
        }

        var aggregates = ImmutableArray<PivotAggregate>.Empty;
        if (Accept(Keyword.Using))
        {
            aggregates = ParsePivotAggregates();
            if (aggregates.IsEmpty)
            {
                Report("unexpected-token", $"expected an aggregate after USING, found {Describe(Current)}", Current.Span);
            }
        }
        else
        {
            var count = new QualifiedName([new Identifier("count", Quoted: false, Current.Span)], Current.Span);
            aggregates = [new PivotAggregate(new FunctionCall(count, [new StarExpr(null, Current.Span)], Current.Span), null, Current.Span)];
        }

        var groupBy = ImmutableArray<Identifier>.Empty;
        if (At(Keyword.Group) && Peek().Is(Keyword.By))
        {
            Advance();
            Advance();
            groupBy = ParseColumnNames("PIVOT GROUP BY");
        }

        return new PivotClause(false, aggregates, [], forColumns.ToImmutable(), dynamic ? [] : CrossProduct(lists), SpanFrom(start))
        {
            DynamicIn = dynamic,
            GroupBy = groupBy,
        };
    }

    /// <summary>Every combination of the ON lists; several ON columns name a value by joining its parts with '_'.</summary>
    private static ImmutableArray<PivotValue> CrossProduct(List<ImmutableArray<Expr>> lists)
    {
        if (lists.Count == 1)
        {
            return [.. lists[0].Select(v => new PivotValue(v, null, v.Span))];
        }

        IEnumerable<ImmutableArray<Expr>> combinations = [[]];
        foreach (var list in lists)
        {
            combinations = combinations.SelectMany(c => list.Select(c.Add));
        }

        var values = ImmutableArray.CreateBuilder<PivotValue>();
        foreach (var combination in combinations)
        {
            var name = string.Join('_', combination.Select(v => ValueName(v)));
            var span = combination.IsEmpty ? default : combination[0].Span;
            values.Add(new PivotValue(new TupleExpr(combination, span), new Identifier(name, Quoted: false, span), span));
        }

        return values.ToImmutable();
    }

    private static string ValueName(Expr value) => value switch
    {
        Literal { Kind: LiteralKind.String, Text: [ '\'', .. var body, '\'' ] } => body.Replace("''", "'", StringComparison.Ordinal),
        Literal l => l.Text,
        ColumnRef c => c.Last.Text,
        _ => "value",
    };

    private PivotClause ParseUnpivotStatementBody(int start)
    {
        var values = ImmutableArray.CreateBuilder<PivotValue>();
        var dynamic = false;
        while (!AtEnd && !IsCloser(Current.Kind) && !At(Keyword.Into) && !IsClauseKeyword(Current))
        {
            var itemStart = _pos;
            if (TextIs(Current, "COLUMNS") && Peek().Kind == TokenKind.LParen)
            {
                // COLUMNS(* EXCLUDE ..) / COLUMNS('regex'): the columns are picked by the schema; the binder reports it.
                Advance();
                SkipParenthesised();
                dynamic = true;
            }
            else if (ParseExpr() is var value and (ColumnRef or TupleExpr))
            {
                values.Add(new PivotValue(value, ParseOptionalAlias(), SpanFrom(itemStart)));
            }
            else
            {
                Report("unpivot-on-expression", "UNPIVOT ON an expression: the unpivoted columns are unknown", SpanFrom(itemStart));
                dynamic = true;
            }

            if (!Accept(TokenKind.Comma) || _pos == itemStart)
            {
                break;
            }
        }

        if (values.Count == 0 && !dynamic)
        {
            Report("unexpected-token", $"expected a column after ON, found {Describe(Current)}", Current.Span);
        }

        Identifier name = new("name", Quoted: false, Current.Span);
        ImmutableArray<Identifier> valueColumns = [new Identifier("value", Quoted: false, Current.Span)];
        if (Accept(Keyword.Into))
        {
            Expect(Keyword.Name);
            name = ParseIdentifier("the name column");
            if (TextIs(Current, "VALUE"))
            {
                Advance();
                valueColumns = ParseColumnNames("UNPIVOT VALUE");
            }
            else
            {
                Report("unexpected-token", $"expected VALUE, found {Describe(Current)}", Current.Span);
            }
        }

        return new PivotClause(true, [], valueColumns, [name], values.ToImmutable(), SpanFrom(start)) { DynamicIn = dynamic };
    }

    /// <summary><c>a, b, c</c>: plain column names; anything else is reported and left out.</summary>
    private ImmutableArray<Identifier> ParseColumnNames(string clause)
    {
        var names = ImmutableArray.CreateBuilder<Identifier>();
        foreach (var item in ParseExprListUntil(t => t.Keyword is Keyword.Order or Keyword.Limit))
        {
            if (item is ColumnRef column)
            {
                names.Add(column.Last);
            }
            else
            {
                Report("unexpected-token", $"{clause} takes column names; this item is left out", item.Span);
            }
        }

        return names.ToImmutable();
    }
}
