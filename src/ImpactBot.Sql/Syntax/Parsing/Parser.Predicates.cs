using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;

namespace ImpactBot.Sql.Syntax.Parsing;

// Comparison, IS, IN, LIKE and BETWEEN.
internal sealed partial class Parser
{
    private Expr ParseComparison(Expr left, int start)
    {
        var op = OperatorText(Current);
        Advance();
        if (Current.Keyword is Keyword.Any or Keyword.All or Keyword.Some && Peek().Kind == TokenKind.LParen)
        {
            var quantifier = TextOf(Current).ToUpperInvariant();
            Advance();
            var list = ParseParenthesisedListOrQuery();
            return new BinaryExpr(op, left, list, SpanFrom(start)) { Quantifier = quantifier };
        }

        var right = ParseExpr(PrecComparison);
        return new BinaryExpr(op, left, right, SpanFrom(start));
    }

    private Expr ParseIs(Expr left, int start)
    {
        Advance();
        var not = Accept(Keyword.Not);
        var prefix = not ? "IS NOT " : "IS ";
        if (Current.Keyword is Keyword.Null or Keyword.True or Keyword.False or Keyword.Unknown)
        {
            var word = TextOf(Current).ToUpperInvariant();
            Advance();
            return new UnaryExpr(prefix + word, left, SpanFrom(start));
        }

        if (Accept(Keyword.Distinct))
        {
            Expect(Keyword.From);
            return new BinaryExpr(prefix + "DISTINCT FROM", left, ParseExpr(PrecComparison), SpanFrom(start));
        }

        return new BinaryExpr(prefix.TrimEnd(), left, ParseExpr(PrecComparison), SpanFrom(start));
    }

    private Expr ParseIn(Expr left, bool not, int start)
    {
        if (!At(TokenKind.LParen))
        {
            var single = ParseExpr(PrecComparison);
            return new InListExpr(left, [single], not, SpanFrom(start));
        }

        if (IsQueryStartAfterParens())
        {
            Advance();
            var query = ParseQuery();
            Expect(TokenKind.RParen, "')'");
            return new InSubqueryExpr(left, query, not, SpanFrom(start));
        }

        Advance();
        var items = ParseExprList(TokenKind.RParen);
        Expect(TokenKind.RParen, "')'");
        return new InListExpr(left, items, not, SpanFrom(start));
    }

    private Expr ParseLike(Expr left, bool not, int start)
    {
        var keyword = Current.Keyword;
        Advance();
        var op = keyword switch
        {
            Keyword.Similar when Accept(Keyword.To) => "SIMILAR TO",
            Keyword.Regexp => "RLIKE",
            _ => keyword.ToString().ToUpperInvariant(),
        };
        if (not)
        {
            op = "NOT " + op;
        }

        string? quantifier = null;
        Expr right;
        if (Current.Keyword is Keyword.Any or Keyword.All or Keyword.Some && Peek().Kind == TokenKind.LParen)
        {
            quantifier = TextOf(Current).ToUpperInvariant();
            Advance();
            right = ParseParenthesisedListOrQuery();
        }
        else
        {
            right = ParseExpr(PrecComparison);
        }

        if (Accept(Keyword.Escape))
        {
            ParseExpr(PrecComparison);
        }

        return new BinaryExpr(op, left, right, SpanFrom(start)) { Quantifier = quantifier };
    }

    /// <summary><c>(query)</c> as a <see cref="SubqueryExpr"/> or <c>(a, b)</c> as a <see cref="TupleExpr"/>.</summary>
    private Expr ParseParenthesisedListOrQuery()
    {
        var start = _pos;
        if (IsQueryStartAfterParens())
        {
            Advance();
            var query = ParseQuery();
            Expect(TokenKind.RParen, "')'");
            return new SubqueryExpr(query, SpanFrom(start));
        }

        Advance();
        var items = ParseExprList(TokenKind.RParen);
        Expect(TokenKind.RParen, "')'");
        return new TupleExpr(items, SpanFrom(start));
    }
}
