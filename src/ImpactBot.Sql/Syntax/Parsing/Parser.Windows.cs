using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;

namespace ImpactBot.Sql.Syntax.Parsing;

// OVER clauses, window specifications, frames and ORDER BY items.
internal sealed partial class Parser
{
    private WindowSpec ParseOver()
    {
        var start = _pos;
        if (!At(TokenKind.LParen))
        {
            var name = ParseIdentifier("a window name or '('");
            return new WindowSpec(name, [], [], SpanFrom(start));
        }

        Advance();
        var spec = ParseWindowBody(start);
        Expect(TokenKind.RParen, "')'");
        return spec with { Span = SpanFrom(start) };
    }

    /// <summary>The inside of a window's parentheses: <c>[base] [PARTITION BY ..] [ORDER BY ..] [frame]</c>.</summary>
    private WindowSpec ParseWindowBody(int start)
    {
        Identifier? baseWindow = null;
        if (IsIdentifier(Current) && Current.Keyword is not (Keyword.Partition or Keyword.Order or Keyword.Rows or Keyword.Range or Keyword.Groups))
        {
            baseWindow = MakeIdentifier(Current);
            Advance();
        }

        var partition = ImmutableArray<Expr>.Empty;
        if (At(Keyword.Partition) && Peek().Is(Keyword.By))
        {
            Advance();
            Advance();
            if (_dialect.SemanticViews && TextIs(Current, "EXCLUDING") && IsAnyName(Peek()))
            {
                // A semantic view's window metric partitions by the query's dimensions except these: they stay its keys.
                Advance();
            }

            partition = ParseExprListUntil(static t => t.Keyword is Keyword.Order or Keyword.Rows or Keyword.Range or Keyword.Groups);
        }

        var order = ImmutableArray<OrderItem>.Empty;
        if (At(Keyword.Order) && Peek().Is(Keyword.By))
        {
            Advance();
            Advance();
            order = ParseOrderItems();
        }

        string? frame = null;
        var bounds = ImmutableArray<Expr>.Empty;
        if (Current.Keyword is Keyword.Rows or Keyword.Range or Keyword.Groups)
        {
            (frame, bounds) = ParseFrame();
        }

        if (!At(TokenKind.RParen))
        {
            var bad = _pos;
            SkipToSync(stopAtComma: false, stopAtClause: false);
            MakeOpaque(bad, _pos, bad, "')' to end the window");
        }

        return new WindowSpec(baseWindow, partition, order, SpanFrom(start)) { Frame = frame, FrameBounds = bounds };
    }

    private (string Frame, ImmutableArray<Expr> Bounds) ParseFrame()
    {
        var start = _pos;
        var bounds = ImmutableArray.CreateBuilder<Expr>();
        Advance();
        var between = Accept(Keyword.Between);
        ParseFrameBound(bounds);
        if (between && Accept(Keyword.And))
        {
            ParseFrameBound(bounds);
        }

        if (At(Keyword.Exclude))
        {
            while (!At(TokenKind.RParen) && !AtEnd && Current.Kind == TokenKind.Word)
            {
                Advance();
            }
        }

        var span = SpanFrom(start);
        return (CollapseWhitespace(span), bounds.ToImmutable());
    }

    private void ParseFrameBound(ImmutableArray<Expr>.Builder bounds)
    {
        if (Accept(Keyword.Unbounded) || (At(Keyword.Current) && Peek().Is(Keyword.Row) && Advance(true)))
        {
            Advance();
            return;
        }

        bounds.Add(ParseExpr(PrecComparison));
        if (Current.Keyword is Keyword.Preceding or Keyword.Following)
        {
            Advance();
        }
    }

    private ImmutableArray<Expr> ParseExprListUntil(Func<Token, bool> stop)
    {
        var items = ImmutableArray.CreateBuilder<Expr>();
        while (!AtEnd && !IsCloser(Current.Kind) && !stop(Current))
        {
            var before = _pos;
            items.Add(ParseExpr());
            if (!Accept(TokenKind.Comma) || _pos == before)
            {
                break;
            }
        }

        return items.ToImmutable();
    }

    private ImmutableArray<OrderItem> ParseOrderItems()
    {
        var items = ImmutableArray.CreateBuilder<OrderItem>();
        while (!AtEnd && !IsCloser(Current.Kind))
        {
            var start = _pos;
            var expr = ParseExpr();
            var descending = false;
            if (Current.Keyword is Keyword.Asc or Keyword.Desc)
            {
                descending = Current.Keyword == Keyword.Desc;
                Advance();
            }

            if (At(Keyword.Nulls) && Peek().Keyword is Keyword.First or Keyword.Last)
            {
                Advance();
                Advance();
            }

            items.Add(new OrderItem(expr, descending, SpanFrom(start)));
            if (!Accept(TokenKind.Comma) || _pos == start)
            {
                break;
            }
        }

        return items.ToImmutable();
    }
}
