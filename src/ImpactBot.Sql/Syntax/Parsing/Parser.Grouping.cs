using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;

namespace ImpactBot.Sql.Syntax.Parsing;

// GROUP BY and the WINDOW clause.
internal sealed partial class Parser
{
    private GroupByClause ParseGroupBy()
    {
        var start = _pos;
        Advance();
        Advance();
        if (At(Keyword.All) && !Peek().Is(Keyword.By) && Peek().Kind != TokenKind.LParen)
        {
            Advance();
            return new GroupByClause(true, [], SpanFrom(start));
        }

        Accept(Keyword.Distinct);
        var items = ImmutableArray.CreateBuilder<Expr>();
        while (!IsCloser(Current.Kind) && !IsClauseKeyword(Current))
        {
            var before = _pos;
            items.Add(ParseGroupingItem());
            if (!At(TokenKind.Comma) && !IsCloser(Current.Kind) && !IsSelectEnd(Current) && !IsClauseKeyword(Current) && !At(Keyword.With))
            {
                var bad = _pos;
                SkipToSync(stopAtComma: true);
                items[^1] = MakeOpaque(before, _pos, bad, "',' or the end of GROUP BY");
            }

            if (!Accept(TokenKind.Comma) || _pos == before)
            {
                break;
            }
        }

        if (At(Keyword.With) && Peek().Keyword is Keyword.Rollup or Keyword.Cube)
        {
            Advance();
            Advance();
        }

        return new GroupByClause(false, items.ToImmutable(), SpanFrom(start));
    }

    /// <summary>An expression, or ROLLUP/CUBE/GROUPING SETS as a call named after the construct.</summary>
    private Expr ParseGroupingItem()
    {
        var start = _pos;
        if (At(Keyword.Grouping) && Peek().Is(Keyword.Sets) && Peek(2).Kind == TokenKind.LParen)
        {
            Advance();
            Advance();
            Advance();
            var sets = ParseExprList(TokenKind.RParen);
            Expect(TokenKind.RParen, "')'");
            var span = SpanFrom(start);
            return new FunctionCall(new QualifiedName([new Identifier("GROUPING SETS", Quoted: false, span)], span), sets, span);
        }

        return ParseExpr();
    }

    private ImmutableArray<NamedWindow> ParseWindowClause()
    {
        Advance();
        var windows = ImmutableArray.CreateBuilder<NamedWindow>();
        while (IsAnyName(Current))
        {
            var start = _pos;
            var name = MakeIdentifier(Current);
            Advance();
            Expect(Keyword.As);
            var specStart = _pos;
            WindowSpec spec;
            if (Accept(TokenKind.LParen))
            {
                spec = ParseWindowBody(specStart);
                Expect(TokenKind.RParen, "')'");
                spec = spec with { Span = SpanFrom(specStart) };
            }
            else
            {
                spec = new WindowSpec(null, [], [], SpanFrom(specStart));
            }

            windows.Add(new NamedWindow(name, spec, SpanFrom(start)));
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        return windows.ToImmutable();
    }
}
