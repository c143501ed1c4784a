using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;

namespace ImpactBot.Sql.Syntax.Parsing;

// The Pratt loop and the infix and postfix operators.
internal sealed partial class Parser
{
    private const int PrecOr = 1;
    private const int PrecAnd = 2;
    private const int PrecNot = 3;
    private const int PrecComparison = 4;
    private const int PrecOther = 5;
    private const int PrecAdditive = 6;
    private const int PrecMultiplicative = 7;
    private const int PrecUnary = 8;
    private const int PrecPostfix = 9;

    /// <summary>Operators chained at one level (<c>a + b + ..</c>) beyond this would make a tree too deep for its consumers.</summary>
    private const int MaxChain = 1000;

    /// <summary>Parses an expression whose operators bind tighter than <paramref name="minPrecedence"/>.</summary>
    private Expr ParseExpr(int minPrecedence = 0)
    {
        if (!TryEnter())
        {
            return SkipTooDeep();
        }

        try
        {
            var start = _pos;
            var left = ParsePrefix();
            for (var chain = 0; ; chain++)
            {
                var precedence = InfixPrecedence();
                if (precedence <= minPrecedence)
                {
                    return left;
                }

                if (chain == MaxChain)
                {
                    return SkipLongChain(start);
                }

                var before = _pos;
                left = ParseInfix(left, start, precedence);
                if (_pos == before)
                {
                    return left;
                }
            }
        }
        finally
        {
            Leave();
        }
    }

    private OpaqueExpr SkipLongChain(int start)
    {
        var bad = _pos;
        Report("too-deep", $"an operator chain longer than {MaxChain} is not analysed", Current.Span, Text.DiagnosticSeverity.Error);
        SkipToSync(stopAtComma: true, stopAtAs: true);
        return MakeOpaque(start, _pos, bad, "a shorter operator chain");
    }

    private OpaqueExpr SkipTooDeep()
    {
        var start = _pos;
        SkipToSync(stopAtComma: true, stopAtAs: true);
        return MakeOpaque(start, _pos, start, "an expression within the nesting budget");
    }

    private int InfixPrecedence()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Word:
                return token.Keyword switch
                {
                    Keyword.Or => PrecOr,
                    Keyword.And => PrecAnd,
                    Keyword.Is or Keyword.Isnull or Keyword.Notnull or Keyword.In or Keyword.Like or Keyword.Ilike or
                        Keyword.Rlike or Keyword.Regexp or Keyword.Glob or Keyword.Between or Keyword.Similar => PrecComparison,
                    Keyword.Not => Peek().Keyword is Keyword.In or Keyword.Like or Keyword.Ilike or Keyword.Rlike or
                        Keyword.Regexp or Keyword.Glob or Keyword.Between or Keyword.Similar ? PrecComparison : 0,
                    Keyword.Div => PrecMultiplicative,
                    Keyword.At => Peek().Keyword == Keyword.Time ? PrecOther : 0,
                    Keyword.Collate => PrecOther,
                    _ => 0,
                };
            case TokenKind.Eq or TokenKind.NotEq or TokenKind.Lt or TokenKind.Le or TokenKind.Gt or TokenKind.Ge:
                return PrecComparison;
            case TokenKind.Operator:
                return SpanText(token) switch
                {
                    "==" or "<=>" or "~" or "~*" or "!~" or "!~*" => PrecComparison,
                    _ => PrecOther,
                };
            case TokenKind.Concat or TokenKind.Arrow or TokenKind.DoubleArrow:
                return PrecOther;
            case TokenKind.Parameter when token.Length == 1:
                return PrecOther;
            case TokenKind.Plus or TokenKind.Minus:
                return PrecAdditive;
            case TokenKind.Star or TokenKind.Slash or TokenKind.Percent:
                return PrecMultiplicative;
            case TokenKind.DoubleColon or TokenKind.LBracket or TokenKind.Dot:
                return PrecPostfix;
            case TokenKind.Colon:
                return _dialect.ColonPathAccess && IsAnyName(Peek()) ? PrecPostfix : 0;
            default:
                return 0;
        }
    }

    private Expr ParseInfix(Expr left, int start, int precedence)
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Word:
                return ParseWordInfix(left, start, precedence);
            case TokenKind.DoubleColon:
                Advance();
                return new CastExpr(left, ParseTypeName(), CastStyle.DoubleColon, SpanFrom(start));
            case TokenKind.LBracket:
                return ParseSubscript(left, start);
            case TokenKind.Dot:
                return ParseFieldAccess(left, start);
            case TokenKind.Colon:
                return ParseJsonPath(left, start);
            case TokenKind.Eq or TokenKind.NotEq or TokenKind.Lt or TokenKind.Le or TokenKind.Gt or TokenKind.Ge:
            case TokenKind.Operator when precedence == PrecComparison:
                return ParseComparison(left, start);
            default:
                Advance();
                var op = OperatorText(token);
                var right = ParseExpr(precedence);
                return new BinaryExpr(op, left, right, SpanFrom(start));
        }
    }

    private string OperatorText(in Token token) => token.Kind switch
    {
        TokenKind.Plus => "+",
        TokenKind.Minus => "-",
        TokenKind.Star => "*",
        TokenKind.Slash => "/",
        TokenKind.Percent => "%",
        TokenKind.Concat => "||",
        TokenKind.Arrow => "->",
        TokenKind.DoubleArrow => "->>",
        TokenKind.Eq => "=",
        TokenKind.NotEq => "<>",
        TokenKind.Lt => "<",
        TokenKind.Le => "<=",
        TokenKind.Gt => ">",
        TokenKind.Ge => ">=",
        _ when SpanText(token) is "==" => "=",
        _ => TextOf(token).ToUpperInvariant(),
    };

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

    private Expr ParseWordInfix(Expr left, int start, int precedence)
    {
        var keyword = Current.Keyword;
        switch (keyword)
        {
            case Keyword.Or or Keyword.And:
                Advance();
                return new BinaryExpr(keyword == Keyword.Or ? "OR" : "AND", left, ParseExpr(precedence), SpanFrom(start));
            case Keyword.Isnull or Keyword.Notnull:
                Advance();
                return new UnaryExpr(keyword == Keyword.Isnull ? "IS NULL" : "IS NOT NULL", left, SpanFrom(start));
            case Keyword.Is:
                return ParseIs(left, start);
            case Keyword.Div:
                Advance();
                return new BinaryExpr("DIV", left, ParseExpr(precedence), SpanFrom(start));
            case Keyword.At:
                Advance();
                Advance();
                Expect(Keyword.Zone);
                return new BinaryExpr("AT TIME ZONE", left, ParseExpr(PrecOther), SpanFrom(start));
            case Keyword.Collate:
                Advance();
                var collation = Current;
                Advance();
                return new BinaryExpr("COLLATE", left, new Literal(LiteralKind.String, TextOf(collation), collation.Span), SpanFrom(start));
        }

        var not = Accept(Keyword.Not);
        switch (Current.Keyword)
        {
            case Keyword.In:
                Advance();
                return ParseIn(left, not, start);
            case Keyword.Between:
                Advance();
                if (TextIs(Current, "SYMMETRIC") || TextIs(Current, "ASYMMETRIC"))
                {
                    Advance();
                }

                var low = ParseExpr(PrecComparison);
                Expect(Keyword.And);
                var high = ParseExpr(PrecComparison);
                return new BetweenExpr(left, low, high, not, SpanFrom(start));
            default:
                return ParseLike(left, not, start);
        }
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

    private Expr ParseSubscript(Expr left, int start)
    {
        Advance();
        Expr index = At(TokenKind.Colon) ? new Literal(LiteralKind.Null, string.Empty, Current.Span) : ParseExpr();
        if (Accept(TokenKind.Colon))
        {
            var upper = At(TokenKind.RBracket) ? new Literal(LiteralKind.Null, string.Empty, Current.Span) : ParseExpr();
            index = new BinaryExpr(":", index, upper, index.Span.Through(upper.Span));
        }

        if (!At(TokenKind.RBracket))
        {
            var bad = _pos;
            SkipToSync(stopAtComma: false, stopAtClause: false);
            index = MakeOpaque(bad, _pos, bad, "']'");
        }

        Accept(TokenKind.RBracket);
        return new SubscriptExpr(left, index, SpanFrom(start));
    }

    private Expr ParseFieldAccess(Expr left, int start)
    {
        var parenthesised = Previous.Kind == TokenKind.RParen;
        Advance();
        if (At(TokenKind.Star))
        {
            Advance();
            var qualifier = left is ColumnRef column ? new QualifiedName(column.Parts, column.Span) : null;
            return new StarExpr(qualifier, SpanFrom(start));
        }

        var field = ParseIdentifier("a field name");
        if (left is ColumnRef columnRef && !parenthesised)
        {
            return new ColumnRef(columnRef.Parts.Add(field), SpanFrom(start));
        }

        return new FieldAccessExpr(left, field, SpanFrom(start));
    }

    /// <summary>Snowflake/Databricks <c>base:a.b[0]</c>: the segments run until something that is not <c>.name</c> or <c>[..]</c>.</summary>
    private Expr ParseJsonPath(Expr left, int start)
    {
        Advance();
        var segments = ImmutableArray.CreateBuilder<string>();
        segments.Add(MakeIdentifier(Current).Text);
        Advance();
        while (true)
        {
            if (At(TokenKind.Dot) && IsAnyName(Peek()))
            {
                Advance();
                segments.Add(MakeIdentifier(Current).Text);
                Advance();
            }
            else if (At(TokenKind.LBracket))
            {
                var open = Current;
                Advance();
                SkipToSync(stopAtComma: false, stopAtClause: false);
                var close = Current;
                Accept(TokenKind.RBracket);
                segments.Add(_text.Substring(open.Start, close.End - open.Start));
            }
            else
            {
                return new JsonPathExpr(left, segments.ToImmutable(), SpanFrom(start));
            }
        }
    }

    /// <summary>A comma-separated list up to <paramref name="closer"/>; a bad item becomes opaque and keeps its place.</summary>
    private ImmutableArray<Expr> ParseExprList(TokenKind closer)
    {
        var items = ImmutableArray.CreateBuilder<Expr>();
        while (!At(closer) && !AtEnd)
        {
            var before = _pos;
            items.Add(ParseListItem(closer));
            if (!Accept(TokenKind.Comma) && (At(closer) || _pos == before || IsCloser(Current.Kind)))
            {
                break;
            }
        }

        return items.ToImmutable();
    }

    /// <summary>One expression of a list; anything after it up to the next comma or closer makes the item opaque.</summary>
    private Expr ParseListItem(TokenKind closer)
    {
        var start = _pos;
        var expr = ParseExpr();
        if (At(TokenKind.Comma) || At(closer) || IsCloser(Current.Kind))
        {
            return expr;
        }

        var bad = _pos;
        SkipToSync(stopAtComma: true, stopAtClause: false);
        return MakeOpaque(start, _pos, bad, $"',' or '{(closer == TokenKind.RBracket ? "]" : ")")}'");
    }
}
