using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;

namespace ImpactBot.Sql.Syntax.Parsing;

// Calls and their arguments, aggregates' trailers (FILTER, WITHIN GROUP, OVER) and lambdas.
internal sealed partial class Parser
{
    /// <summary>Lambdas are read only as call arguments, where <c>x -&gt;</c> cannot be a JSON operator.</summary>
    private bool _lambdaAllowed;

    private FunctionCall ParseFunctionCall(QualifiedName name, int start)
    {
        Advance();
        var distinct = Accept(Keyword.Distinct);
        if (!distinct)
        {
            Accept(Keyword.All);
        }

        var single = name.Parts.Length == 1 ? name.Parts[0].Text : string.Empty;
        var args = ImmutableArray.CreateBuilder<Expr>();
        var orderBy = ImmutableArray<OrderItem>.Empty;
        string? nullTreatment = null;
        if (single.Equals("TRIM", StringComparison.OrdinalIgnoreCase) && Current.Keyword is Keyword.Both or Keyword.Leading or Keyword.Trailing)
        {
            Advance();
        }

        var saved = _lambdaAllowed;
        _lambdaAllowed = true;
        while (!IsCloser(Current.Kind))
        {
            var before = _pos;
            if (At(Keyword.Order) && Peek().Is(Keyword.By))
            {
                Advance();
                Advance();
                orderBy = ParseOrderItems();
                continue;
            }

            if (Current.Keyword is Keyword.Ignore or Keyword.Respect && Peek().Is(Keyword.Nulls))
            {
                nullTreatment = Current.Keyword == Keyword.Ignore ? "IGNORE NULLS" : "RESPECT NULLS";
                Advance();
                Advance();
                continue;
            }

            if (At(Keyword.Limit))
            {
                Advance();
                ParseExpr();
                continue;
            }

            var positionFirst = args.Count == 0 && single.Equals("POSITION", StringComparison.OrdinalIgnoreCase);
            args.Add(ParseArgument(positionFirst));
            if (IsSqlJsonFunction(single))
            {
                ParseSqlJsonClauses(args);
            }

            if (Accept(TokenKind.Comma) ||
                (Current.Keyword is Keyword.From or Keyword.For or Keyword.In or Keyword.Using && Current.Kind == TokenKind.Word && Advance(true)) ||
                TextIs(Current, "PLACING") && Advance(true))
            {
                continue;
            }

            if (IsCloser(Current.Kind) || (_pos > before && IsArgumentTrailer()))
            {
                continue;
            }

            var bad = _pos;
            SkipToSync(stopAtComma: true, stopAtClause: false, force: true);
            args[^1] = MakeOpaque(before, _pos, bad, "',' or ')'");
            Accept(TokenKind.Comma);
            if (_pos == before)
            {
                break;
            }
        }

        _lambdaAllowed = saved;
        if (!Expect(TokenKind.RParen, "')'"))
        {
            return new FunctionCall(name, args.ToImmutable(), SpanFrom(start)) { Distinct = distinct, ArgumentOrderBy = orderBy };
        }

        return ParseCallTrailers(new FunctionCall(name, args.ToImmutable(), SpanFrom(start))
        {
            Distinct = distinct,
            ArgumentOrderBy = orderBy,
            NullTreatment = nullTreatment,
        }, start);
    }

    private bool IsArgumentTrailer() =>
        (At(Keyword.Order) && Peek().Is(Keyword.By)) ||
        (Current.Keyword is Keyword.Ignore or Keyword.Respect && Peek().Is(Keyword.Nulls)) ||
        At(Keyword.Limit);

    private bool Advance(bool result)
    {
        Advance();
        return result;
    }

    private Expr ParseArgument(bool beforeIn)
    {
        var start = _pos;
        var token = Current;
        if (IsAnyName(token) && Peek().Kind is TokenKind.FatArrow or TokenKind.ColonEquals)
        {
            Advance();
            Advance();
            var value = ParseExpr();
            return new NamedArgument(MakeIdentifier(token), value, SpanFrom(start));
        }

        var expr = ParseExpr(beforeIn ? PrecComparison : 0);
        if (At(Keyword.As) && IsAnyName(Peek()) && Peek(2).Kind is TokenKind.Comma or TokenKind.RParen)
        {
            Advance();
            var name = MakeIdentifier(Current);
            Advance();
            return new NamedArgument(name, expr, SpanFrom(start));
        }

        return expr;
    }

    /// <summary>WITHIN GROUP, FILTER, IGNORE/RESPECT NULLS and OVER after a call's closing parenthesis.</summary>
    private FunctionCall ParseCallTrailers(FunctionCall call, int start)
    {
        while (true)
        {
            if (At(Keyword.Within) && Peek().Is(Keyword.Group) && Peek(2).Kind == TokenKind.LParen)
            {
                Advance();
                Advance();
                Advance();
                Expect(Keyword.Order);
                Expect(Keyword.By);
                var within = ParseOrderItems();
                Expect(TokenKind.RParen, "')'");
                call = call with { WithinGroup = within, Span = SpanFrom(start) };
            }
            else if (At(Keyword.Filter) && Peek().Kind == TokenKind.LParen)
            {
                Advance();
                Advance();
                Accept(Keyword.Where);
                var filter = ParseExpr();
                Expect(TokenKind.RParen, "')'");
                call = call with { Filter = filter, Span = SpanFrom(start) };
            }
            else if (Current.Keyword is Keyword.Ignore or Keyword.Respect && Peek().Is(Keyword.Nulls))
            {
                var treatment = Current.Keyword == Keyword.Ignore ? "IGNORE NULLS" : "RESPECT NULLS";
                Advance();
                Advance();
                call = call with { NullTreatment = treatment, Span = SpanFrom(start) };
            }
            else if (At(Keyword.Over))
            {
                Advance();
                var over = ParseOver();
                return call with { Over = over, Span = SpanFrom(start) };
            }
            else
            {
                return call;
            }
        }
    }

    private bool IsLambdaParameterList()
    {
        var i = _pos + 1;
        while (i < _last && IsAnyName(_tokens[i]) && _tokens[i + 1].Kind is TokenKind.Comma or TokenKind.RParen)
        {
            if (_tokens[i + 1].Kind == TokenKind.RParen)
            {
                return _tokens[i + 2].Kind == TokenKind.Arrow;
            }

            i += 2;
        }

        return false;
    }

    /// <summary><c>x -&gt; body</c> or <c>(a, b) -&gt; body</c>.</summary>
    private Expr ParseLambda(int start)
    {
        var parameters = ImmutableArray.CreateBuilder<Identifier>();
        if (Accept(TokenKind.LParen))
        {
            while (IsAnyName(Current))
            {
                parameters.Add(MakeIdentifier(Current));
                Advance();
                if (!Accept(TokenKind.Comma))
                {
                    break;
                }
            }

            Expect(TokenKind.RParen, "')'");
        }
        else
        {
            parameters.Add(MakeIdentifier(Current));
            Advance();
        }

        Expect(TokenKind.Arrow, "'->'");
        var saved = _lambdaAllowed;
        _lambdaAllowed = false;
        var body = ParseExpr();
        _lambdaAllowed = saved;
        return new LambdaExpr(parameters.ToImmutable(), body, SpanFrom(start));
    }
}
