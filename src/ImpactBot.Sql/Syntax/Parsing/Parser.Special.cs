using System.Collections.Immutable;
using System.Text;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Syntax.Parsing;

// Special expression forms (CASE, CAST, EXTRACT, INTERVAL) and type names.
internal sealed partial class Parser
{
    private static readonly HashSet<string> IntervalUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "YEAR", "YEARS", "QUARTER", "QUARTERS", "MONTH", "MONTHS", "WEEK", "WEEKS", "DAY", "DAYS", "HOUR", "HOURS",
        "MINUTE", "MINUTES", "SECOND", "SECONDS", "MILLISECOND", "MILLISECONDS", "MICROSECOND", "MICROSECONDS",
        "NANOSECOND", "NANOSECONDS",
    };

    private Expr ParseCase(int start)
    {
        Advance();
        Expr? operand = At(Keyword.When) ? null : ParseExpr();
        var whens = ImmutableArray.CreateBuilder<WhenClause>();
        while (At(Keyword.When))
        {
            var whenStart = _pos;
            Advance();
            var condition = ParseExpr();
            Expr result;
            if (Expect(Keyword.Then))
            {
                result = ParseExpr();
            }
            else
            {
                var bad = _pos;
                SkipToSync(stopAtComma: true);
                result = MakeOpaque(bad, _pos, bad, "THEN");
            }

            whens.Add(new WhenClause(condition, result, SpanFrom(whenStart)));
        }

        Expr? elseExpr = Accept(Keyword.Else) ? ParseExpr() : null;
        if (!At(Keyword.End))
        {
            var bad = _pos;
            while (!AtEnd && !At(Keyword.End) && !IsCloser(Current.Kind) && !IsClauseKeyword(Current) && !At(TokenKind.Comma))
            {
                SkipToSync(stopAtComma: true, force: true);
            }

            if (_pos > bad)
            {
                MakeOpaque(bad, _pos, bad, "END");
            }
        }

        Expect(Keyword.End);
        return new CaseExpr(operand, whens.ToImmutable(), elseExpr, SpanFrom(start));
    }

    private Expr ParseCast(int start)
    {
        var style = Current.Keyword == Keyword.Cast ? CastStyle.Cast : CastStyle.TryCast;
        Advance();
        Advance();
        var operand = ParseExpr();
        var type = string.Empty;
        if (Expect(Keyword.As))
        {
            type = ParseTypeName();
        }

        if (!At(TokenKind.RParen))
        {
            SkipToSync(stopAtComma: false, stopAtClause: false);
        }

        Expect(TokenKind.RParen, "')'");
        return new CastExpr(operand, type, style, SpanFrom(start));
    }

    private Expr ParseExtract(int start)
    {
        Advance();
        Advance();
        var fieldToken = Current;
        var field = fieldToken.Kind == TokenKind.String ? Literals.DecodeString(_text, fieldToken, _dialect) : TextOf(fieldToken);
        Advance();
        if (!Accept(Keyword.From))
        {
            Expect(TokenKind.Comma, "FROM");
        }

        var operand = ParseExpr();
        Expect(TokenKind.RParen, "')'");
        return new ExtractExpr(field.ToUpperInvariant(), operand, SpanFrom(start));
    }

    private Expr ParseInterval(int start)
    {
        Advance();
        var valueStart = _pos;
        var value = ParseExpr(PrecMultiplicative);
        if (!AtIntervalUnit && !AtEnd && !AtCloser && Current.Kind is not TokenKind.Comma)
        {
            value = WiderIntervalValue(valueStart) ?? value;
        }

        string? unit = null;
        if (AtIntervalUnit)
        {
            var unitStart = _pos;
            Advance();
            if (At(Keyword.To) && IntervalUnits.Contains(TextOf(Peek())))
            {
                Advance();
                Advance();
            }

            unit = CollapseWhitespace(SpanFrom(unitStart)).ToUpperInvariant();
        }

        return new IntervalExpr(value, unit, SpanFrom(start));
    }

    private bool AtIntervalUnit => Current.Kind == TokenKind.Word && IntervalUnits.Contains(TextOf(Current));

    /// <summary>
    /// BigQuery's and MySQL's <c>INTERVAL expr unit</c> takes any expression (<c>INTERVAL n - 1 DAY</c>, as dbt's
    /// dateadd renders in date_spine): the whole expression when a unit follows it; else null and nothing is read.
    /// </summary>
    private Expr? WiderIntervalValue(int valueStart)
    {
        var resume = _pos;
        var diagnostics = _diagnostics.Count;
        var reported = _reportedTooDeep;
        _pos = valueStart;
        var value = ParseExpr();
        if (AtIntervalUnit && _diagnostics.Count == diagnostics)
        {
            return value;
        }

        _pos = resume;
        _diagnostics.RemoveRange(diagnostics, _diagnostics.Count - diagnostics);
        _reportedTooDeep = reported;
        return null;
    }

    /// <summary>
    /// A type as written, whitespace collapsed: <c>numeric(10, 2)</c>, <c>array&lt;string&gt;</c>, <c>varchar[]</c>,
    /// <c>timestamp with time zone</c>, <c>double precision</c>.
    /// </summary>
    private string ParseTypeName()
    {
        var start = _pos;
        if (!IsAnyName(Current))
        {
            Report("unexpected-token", $"expected a type name, found {Describe(Current)}", Current.Span);
            return string.Empty;
        }

        Advance();
        while (At(TokenKind.Dot) && IsAnyName(Peek()))
        {
            Advance();
            Advance();
        }

        while (IsTypeContinuation())
        {
            Advance();
        }

        if (At(TokenKind.LParen))
        {
            SkipParenthesised();
        }

        // Only container types take <..> parameters: after any other type (x::DATE < '2019-10-18') it is a comparison.
        if (At(TokenKind.Lt) && IsAngleBracketType(Previous))
        {
            SkipAngleBrackets();
        }

        while (true)
        {
            if (At(TokenKind.LBracket) && Peek().Kind is TokenKind.RBracket or TokenKind.Number)
            {
                Advance();
                Accept(TokenKind.Number);
                Expect(TokenKind.RBracket, "']'");
            }
            else if (At(Keyword.Array) && Peek().Kind != TokenKind.LBracket)
            {
                Advance();
            }
            else
            {
                break;
            }
        }

        return CollapseWhitespace(SpanFrom(start));
    }

    private bool IsTypeContinuation()
    {
        var token = Current;
        if (token.Kind != TokenKind.Word)
        {
            return false;
        }

        var previous = Previous;
        return token.Keyword switch
        {
            Keyword.With or Keyword.Without => Peek().Keyword is Keyword.Time or Keyword.Local,
            Keyword.Local => previous.Keyword is Keyword.With or Keyword.Without,
            Keyword.Time => previous.Keyword is Keyword.With or Keyword.Without or Keyword.Local,
            Keyword.Zone => previous.Keyword == Keyword.Time,
            _ => (TextIs(token, "PRECISION") && TextIs(previous, "DOUBLE")) ||
                 (TextIs(token, "VARYING") && (TextIs(previous, "CHARACTER") || TextIs(previous, "CHAR"))) ||
                 (TextIs(token, "UNSIGNED") && previous.Kind == TokenKind.Word),
        };
    }

    private bool IsAngleBracketType(in Token name) =>
        TextIs(name, "ARRAY") || TextIs(name, "STRUCT") || TextIs(name, "MAP") || TextIs(name, "RANGE") || TextIs(name, "UNIONTYPE");

    /// <summary>Skips <c>&lt; .. &gt;</c>, counting <c>&gt;&gt;</c> as two closers.</summary>
    private void SkipAngleBrackets()
    {
        var depth = 0;
        do
        {
            var token = Current;
            if (token.Kind == TokenKind.Lt)
            {
                depth++;
            }
            else if (token.Kind == TokenKind.Gt)
            {
                depth--;
            }
            else if (token.Kind == TokenKind.Operator && SpanText(token) is ">>")
            {
                depth -= 2;
            }
            else if (token.Kind is TokenKind.Semicolon or TokenKind.EndOfInput)
            {
                return;
            }

            Advance();
        }
        while (depth > 0);
    }

    private string CollapseWhitespace(SourceSpan span)
    {
        var text = _text.AsSpan(span.Start, span.Length);
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
