using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;
using ImpactBot.Sql.Text;

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
    private const int PrecPower = 8;
    private const int PrecUnary = 9;
    private const int PrecPostfix = 10;

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
        Report("too-deep", $"an operator chain longer than {MaxChain} is not analysed", Current.Span, DiagnosticSeverity.Error);
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
                    "^" when _dialect.CaretIsPower => PrecPower,
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
