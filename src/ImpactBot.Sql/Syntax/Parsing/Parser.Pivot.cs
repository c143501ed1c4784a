using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;

namespace ImpactBot.Sql.Syntax.Parsing;

// PIVOT and UNPIVOT after a FROM item.
internal sealed partial class Parser
{
    private PivotClause ParsePivot()
    {
        var start = _pos;
        var unpivot = Current.Keyword == Keyword.Unpivot;
        Advance();
        var includeNulls = false;
        if (unpivot && Current.Keyword is Keyword.Include or Keyword.Exclude && Peek().Is(Keyword.Nulls))
        {
            includeNulls = Current.Keyword == Keyword.Include;
            Advance();
            Advance();
        }

        var aggregates = ImmutableArray<PivotAggregate>.Empty;
        var valueColumns = ImmutableArray<Identifier>.Empty;
        var forColumns = ImmutableArray<Identifier>.Empty;
        var values = ImmutableArray<PivotValue>.Empty;
        var dynamic = false;
        if (Expect(TokenKind.LParen, "'('"))
        {
            if (unpivot)
            {
                valueColumns = ParseNameOrNameList();
            }
            else
            {
                aggregates = ParsePivotAggregates();
            }

            if (Expect(Keyword.For))
            {
                forColumns = ParseNameOrNameList();
            }

            if (Expect(Keyword.In) && Expect(TokenKind.LParen, "'('"))
            {
                (values, dynamic) = ParsePivotValues();
                Expect(TokenKind.RParen, "')'");
            }

            if (At(Keyword.Default) && Peek().Is(Keyword.On))
            {
                Advance();
                Advance();
                Expect(Keyword.Null);
                SkipParenthesised();
            }

            if (!At(TokenKind.RParen))
            {
                var bad = _pos;
                SkipToSync(stopAtComma: false, stopAtClause: false);
                MakeOpaque(bad, _pos, bad, "')' to close the pivot");
            }

            Expect(TokenKind.RParen, "')'");
        }

        var alias = ParseTableAlias();
        return new PivotClause(unpivot, aggregates, valueColumns, forColumns, values, SpanFrom(start))
        {
            IncludeNulls = includeNulls,
            DynamicIn = dynamic,
            Alias = alias,
        };
    }

    private ImmutableArray<PivotAggregate> ParsePivotAggregates()
    {
        var items = ImmutableArray.CreateBuilder<PivotAggregate>();
        while (!IsCloser(Current.Kind) && !At(Keyword.For))
        {
            var start = _pos;
            var expr = ParseExpr();
            var alias = ParseOptionalAlias();
            items.Add(new PivotAggregate(expr, alias, SpanFrom(start)));
            if (!Accept(TokenKind.Comma) || _pos == start)
            {
                break;
            }
        }

        return items.ToImmutable();
    }

    /// <summary><c>col</c>, <c>t.col</c> (the last part) or <c>(a, b)</c>.</summary>
    private ImmutableArray<Identifier> ParseNameOrNameList()
    {
        if (At(TokenKind.LParen))
        {
            return ParseIdentifierList();
        }

        return IsAnyName(Current) ? [ParseQualifiedName().Last] : [];
    }

    private (ImmutableArray<PivotValue> Values, bool Dynamic) ParsePivotValues()
    {
        if (At(Keyword.Any) || IsQueryStartAfterParens() || At(Keyword.Select) || At(Keyword.With))
        {
            SkipToSync(stopAtComma: false, stopAtClause: false);
            return ([], true);
        }

        var values = ImmutableArray.CreateBuilder<PivotValue>();
        while (!IsCloser(Current.Kind))
        {
            var start = _pos;
            var value = ParseExpr();
            var alias = ParseOptionalAlias();
            values.Add(new PivotValue(value, alias, SpanFrom(start)));
            if (!Accept(TokenKind.Comma) || _pos == start)
            {
                break;
            }
        }

        return (values.ToImmutable(), false);
    }
}
