using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Syntax.Parsing;

// Prefix positions of the Pratt parser: literals, names, calls, parentheses and the special forms.
internal sealed partial class Parser
{
    /// <summary>Words that read as a call without parentheses (<c>current_date</c>), so they are not taken for columns.</summary>
    private static readonly FrozenSet<string> NiladicFunctions = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "CURRENT_ROLE", "CURRENT_SCHEMA",
        "CURRENT_CATALOG", "CURRENT_DATABASE", "LOCALTIME", "LOCALTIMESTAMP", "SESSION_USER", "SYSDATE", "SYSTIMESTAMP");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NiladicLookup =
        NiladicFunctions.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Type words that make <c>word 'text'</c> a typed literal.</summary>
    private static readonly FrozenSet<string> TypedLiteralWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "DATE", "TIME", "TIMESTAMP", "DATETIME", "TIMESTAMPTZ", "TIMESTAMP_NTZ", "TIMESTAMP_LTZ", "TIMESTAMP_TZ",
        "JSON", "NUMERIC", "DECIMAL", "BIGNUMERIC", "UUID", "INET");

    private Expr ParsePrefix()
    {
        var token = Current;
        var start = _pos;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new Literal(LiteralKind.Number, TextOf(token), token.Span);
            case TokenKind.String:
                Advance();
                return new Literal(LiteralKind.String, Literals.DecodeString(_text, token, _dialect), token.Span);
            case TokenKind.Word:
                return ParseWordPrefix(start);
            case TokenKind.QuotedIdentifier:
                return ParseNameExpr(start);
            case TokenKind.LParen:
                return ParseParenthesised(start);
            case TokenKind.LBracket:
                Advance();
                var elements = ParseExprList(TokenKind.RBracket);
                Expect(TokenKind.RBracket, "']'");
                return new ArrayExpr(elements, SpanFrom(start));
            case TokenKind.LBrace:
                return ParseStructLiteral(start);
            case TokenKind.Star when Peek().Kind == TokenKind.Comma || IsCloser(Peek().Kind):
                Advance();
                return new StarExpr(null, token.Span);
            case TokenKind.Minus or TokenKind.Plus:
                Advance();
                return new UnaryExpr(token.Kind == TokenKind.Minus ? "-" : "+", ParseExpr(PrecUnary), SpanFrom(start));
            case TokenKind.Operator when SpanText(token) is "~":
                Advance();
                return new UnaryExpr("~", ParseExpr(PrecUnary), SpanFrom(start));
            case TokenKind.Parameter or TokenKind.Template:
                Advance();
                return new Parameter(TextOf(token), token.Span);
            case TokenKind.Positional:
                Advance();
                return _dialect.PositionalColumnRefs && int.TryParse(SpanText(token)[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                    ? new PositionalColumn(n, token.Span)
                    : new Parameter(TextOf(token), token.Span);
            case TokenKind.Colon when IsAnyName(Peek()) && (Peek().Flags & TokenFlags.SpaceBefore) == 0:
                Advance();
                Advance();
                return new Parameter(_text.Substring(token.Start, Previous.End - token.Start), SpanFrom(start));
            default:
                return ParseMissingExpr();
        }
    }

    /// <summary>No expression can start here: skip to the next sync point and keep the skipped span.</summary>
    private OpaqueExpr ParseMissingExpr()
    {
        var start = _pos;
        SkipToSync(stopAtComma: true, stopAtClause: true, force: false, stopAtAs: true);
        if (_pos == start && !IsCloser(Current.Kind) && !At(TokenKind.Comma) && !IsClauseKeyword(Current))
        {
            Advance();
        }

        return MakeOpaque(start, _pos, start, "an expression");
    }

    private Expr ParseWordPrefix(int start)
    {
        var token = Current;
        var next = Peek();
        if (AtHierarchyOperator(token, next))
        {
            return ParseHierarchyOperator(start);
        }
        switch (token.Keyword)
        {
            case Keyword.Null:
                Advance();
                return new Literal(LiteralKind.Null, "NULL", token.Span);
            case Keyword.True or Keyword.False:
                Advance();
                return new Literal(LiteralKind.Boolean, token.Keyword == Keyword.True ? "TRUE" : "FALSE", token.Span);
            case Keyword.Case:
                return ParseCase(start);
            case Keyword.Cast or Keyword.TryCast or Keyword.SafeCast when next.Kind == TokenKind.LParen:
                return ParseCast(start);
            case Keyword.Extract when next.Kind == TokenKind.LParen:
                return ParseExtract(start);
            case Keyword.Interval when next.Kind is not (TokenKind.Comma or TokenKind.RParen or TokenKind.Dot):
                return ParseInterval(start);
            case Keyword.Exists when next.Kind == TokenKind.LParen:
                return ParseExists(start, not: false);
            case Keyword.Not when next.Is(Keyword.Exists) && Peek(2).Kind == TokenKind.LParen:
                Advance();
                return ParseExists(start, not: true);
            case Keyword.Not:
                Advance();
                return new UnaryExpr("NOT", ParseExpr(PrecNot), SpanFrom(start));
            case Keyword.Array when next.Kind is TokenKind.LBracket or TokenKind.Lt || (next.Kind == TokenKind.LParen && IsQueryStartAfterParens(1)):
                return ParseArrayConstructor(start);
            case Keyword.Table when next.Kind == TokenKind.LParen && IsQueryStartAfterParens(1):
                // A table argument of a table function (Trino: input => TABLE(select ...)) reads as its subquery.
                Advance();
                return ParseParenthesised(_pos);
            case Keyword.Struct when next.Kind == TokenKind.Lt:
                Advance();
                SkipAngleBrackets();
                var structName = new QualifiedName([MakeIdentifier(token)], token.Span);
                return At(TokenKind.LParen) ? ParseFunctionCall(structName, start) : new FunctionCall(structName, [], SpanFrom(start));
        }

        if (next.Kind == TokenKind.String && (TypedLiteralWords.Contains(TextOf(token)) ||
                (_dialect.GenericTypedLiterals && !Keywords.IsReserved(token.Keyword))))
        {
            Advance();
            Advance();
            return new Literal(LiteralKind.Typed, _text.Substring(token.Start, next.End - token.Start), SpanFrom(start));
        }

        if (next.Kind == TokenKind.Arrow && _lambdaAllowed && _dialect.ArrowLambdas && Peek(2).Kind != TokenKind.String)
        {
            return ParseLambda(start);
        }

        if (Keywords.IsReserved(token.Keyword) && !(next.Kind == TokenKind.LParen && IsCallableKeyword(token.Keyword)) && !IsKeywordNamedColumn(token, next))
        {
            return ParseMissingExpr();
        }

        if (next.Kind != TokenKind.LParen && next.Kind != TokenKind.Dot && NiladicLookup.Contains(SpanText(token)))
        {
            Advance();
            return new FunctionCall(new QualifiedName([MakeIdentifier(token)], token.Span), [], token.Span);
        }

        return ParseNameExpr(start);
    }

    /// <summary>
    /// END or LIMIT where an expression starts, followed by what ends or continues an operand: a column so named
    /// (Snowflake reserves neither: <c>end::date</c>, <c>select a, limit, b</c>); neither keyword can start an expression.
    /// </summary>
    private static bool IsKeywordNamedColumn(in Token token, in Token next) =>
        token.Keyword is Keyword.End or Keyword.Limit &&
        (next.Kind is TokenKind.Comma or TokenKind.RParen or TokenKind.DoubleColon or TokenKind.Dot or TokenKind.Eq or TokenKind.NotEq
            or TokenKind.Lt or TokenKind.Le or TokenKind.Gt or TokenKind.Ge || next.Is(Keyword.As) || next.Is(Keyword.From));

    private static bool IsCallableKeyword(Keyword keyword) =>
        keyword is Keyword.Left or Keyword.Right or Keyword.Any or Keyword.Some or Keyword.All or Keyword.Like or
            Keyword.Ilike or Keyword.Rlike or Keyword.Regexp or Keyword.Glob or Keyword.Exists or Keyword.Array;

    /// <summary><c>a.b.c</c>, <c>a.b.*</c> or <c>a.b(args)</c>.</summary>
    private Expr ParseNameExpr(int start)
    {
        var count = 1;
        while (Peek(2 * count - 1).Kind == TokenKind.Dot && IsAnyName(Peek(2 * count)))
        {
            count++;
        }

        var parts = ImmutableArray.CreateBuilder<Identifier>(count);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                Advance();
            }

            AddNamePart(parts, Current);
            Advance();
        }

        if (At(TokenKind.Dot) && Peek().Kind == TokenKind.Star)
        {
            Advance();
            Advance();
            return new StarExpr(new QualifiedName(parts.ToImmutable(), SpanOf(start, _pos - 2)), SpanFrom(start));
        }

        if (At(TokenKind.LParen))
        {
            return ParseFunctionCall(new QualifiedName(parts.ToImmutable(), SpanFrom(start)), start);
        }

        return new ColumnRef(parts.ToImmutable(), SpanFrom(start));
    }

    /// <summary>
    /// One part of a dotted name; in BigQuery a quoted part holding dots (<c>`proj.ds.t`.col</c>, <c>`t.col`</c>) is
    /// several parts, as in table names (its names never contain dots).
    /// </summary>
    private void AddNamePart(ImmutableArray<Identifier>.Builder parts, Token token)
    {
        var identifier = MakeIdentifier(token);
        if (token.Kind == TokenKind.QuotedIdentifier && _dialect.QuotedNamesSplitOnDots && identifier.Text.Contains('.', StringComparison.Ordinal))
        {
            foreach (var piece in identifier.Text.Split('.'))
            {
                parts.Add(new Identifier(piece, Quoted: true, token.Span));
            }

            return;
        }

        parts.Add(identifier);
    }

    /// <summary><c>( .. )</c>: a subquery, a tuple, a lambda's parameter list or a grouped expression.</summary>
    private Expr ParseParenthesised(int start)
    {
        if (IsQueryStartAfterParens() && TryParseSubqueryExpr(start) is { } subquery)
        {
            return subquery;
        }

        if (_lambdaAllowed && _dialect.ArrowLambdas && IsLambdaParameterList())
        {
            return ParseLambda(start);
        }

        Advance();
        if (Accept(TokenKind.RParen))
        {
            return new TupleExpr([], SpanFrom(start));
        }

        var first = ParseListItem(TokenKind.RParen);
        if (!At(TokenKind.Comma))
        {
            Expect(TokenKind.RParen, "')'");
            return first;
        }

        Advance();
        var rest = ParseExprList(TokenKind.RParen);
        Expect(TokenKind.RParen, "')'");
        return new TupleExpr(rest.Insert(0, first), SpanFrom(start));
    }

    /// <summary>
    /// Bounded backtracking: <c>((select 1) + 2)</c> starts like a query, so a query that does not end at its
    /// closing parenthesis, or that needed recovery, is undone and the text re-read as an expression.
    /// </summary>
    private SubqueryExpr? TryParseSubqueryExpr(int start)
    {
        var diagnostics = _diagnostics.Count;
        var reported = _reportedTooDeep;
        Advance();
        var query = ParseQuery();
        if (!IsParenthesisedOperand(start) || (At(TokenKind.RParen) && _diagnostics.Count == diagnostics))
        {
            Expect(TokenKind.RParen, "')'");
            return new SubqueryExpr(query, SpanFrom(start));
        }

        _pos = start;
        _diagnostics.RemoveRange(diagnostics, _diagnostics.Count - diagnostics);
        _reportedTooDeep = reported;
        return null;
    }

    /// <summary>True when the token after <paramref name="start"/> is itself a <c>(</c>: only then is the expression reading worth trying.</summary>
    private bool IsParenthesisedOperand(int start) => _tokens[start + 1].Kind == TokenKind.LParen;

    /// <summary>Whether a query starts after the current run of <c>(</c> (skipping <paramref name="offset"/> tokens first).</summary>
    private bool IsQueryStartAfterParens(int offset = 0)
    {
        var i = _pos + offset;
        while (i < _last && _tokens[i].Kind == TokenKind.LParen)
        {
            i++;
        }

        return i > _pos + offset && _tokens[i].Kind == TokenKind.Word &&
               (_tokens[i].Keyword is Keyword.Select or Keyword.With or Keyword.Values or Keyword.From || IsPivotStatementStart(_tokens[i]));
    }
}
