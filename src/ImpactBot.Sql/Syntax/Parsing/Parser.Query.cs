using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;

namespace ImpactBot.Sql.Syntax.Parsing;

// Query expressions: WITH, set operations, VALUES, ORDER BY and LIMIT.
internal sealed partial class Parser
{
    private Query ParseQuery()
    {
        var start = _pos;
        if (!TryEnter())
        {
            SkipToSync(stopAtComma: false, stopAtClause: false);
            return new SelectQuery(SpanFrom(start));
        }

        try
        {
            var savedLambda = _lambdaAllowed;
            _lambdaAllowed = false;
            WithClause? with = At(Keyword.With) ? ParseWith() : null;
            var body = ParseSetOperations(0);
            body = ParseQueryTail(body, start);
            _lambdaAllowed = savedLambda;
            return with is null ? body : body with { With = with, Span = SpanFrom(start) };
        }
        finally
        {
            Leave();
        }
    }

    private WithClause ParseWith()
    {
        var start = _pos;
        Advance();
        var recursive = Accept(Keyword.Recursive);
        var ctes = ImmutableArray.CreateBuilder<CommonTableExpression>();
        while (IsAnyName(Current))
        {
            var cteStart = _pos;
            var name = MakeIdentifier(Current);
            Advance();
            var columns = At(TokenKind.LParen) ? ParseIdentifierList() : [];
            Expect(Keyword.As);
            Accept(Keyword.Not);
            Accept(Keyword.Materialized);
            Query query;
            if (Expect(TokenKind.LParen, "'(' to open the CTE"))
            {
                query = ParseQuery();
                if (!At(TokenKind.RParen))
                {
                    var bad = _pos;
                    SkipToSync(stopAtComma: false, stopAtClause: false);
                    MakeOpaque(bad, _pos, bad, "')' to close the CTE");
                }

                Expect(TokenKind.RParen, "')'");
            }
            else
            {
                query = new SelectQuery(SpanFrom(_pos));
            }

            ctes.Add(new CommonTableExpression(name, columns, query, SpanFrom(cteStart)));
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        return new WithClause(recursive, ctes.ToImmutable(), SpanFrom(start));
    }

    private static int SetPrecedence(Keyword keyword) => keyword == Keyword.Intersect ? 2 : 1;

    private Query ParseSetOperations(int minPrecedence)
    {
        var start = _pos;
        var left = ParseQueryPrimary();
        while (IsSetOperator(Current) && SetPrecedence(Current.Keyword) > minPrecedence)
        {
            var keyword = Current.Keyword;
            var op = keyword switch
            {
                Keyword.Union => SetOperator.Union,
                Keyword.Intersect => SetOperator.Intersect,
                _ => SetOperator.Except,
            };
            Advance();
            var all = Accept(Keyword.All);
            if (!all)
            {
                Accept(Keyword.Distinct);
            }

            var byName = false;
            if (At(Keyword.By) && Peek().Is(Keyword.Name))
            {
                Advance();
                Advance();
                byName = true;
            }
            else if (TextIs(Current, "CORRESPONDING"))
            {
                Advance();
                byName = true;
                if (At(Keyword.By) && Peek().Kind == TokenKind.LParen)
                {
                    Advance();
                    SkipParenthesised();
                }
            }

            var right = ParseSetOperations(SetPrecedence(keyword));
            left = new SetOperationQuery(op, all, byName, left, right, SpanFrom(start));
        }

        return left;
    }

    private Query ParseQueryPrimary()
    {
        var start = _pos;
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.LParen:
                Advance();
                var inner = ParseQuery();
                Expect(TokenKind.RParen, "')'");
                return inner with { Span = SpanFrom(start) };
            case TokenKind.Word when token.Keyword == Keyword.Select:
                return ParseSelect();
            case TokenKind.Word when token.Keyword == Keyword.From:
                return ParseSelect();
            case TokenKind.Word when token.Keyword == Keyword.Values:
                return ParseValues();
            case TokenKind.Word when token.Keyword == Keyword.With:
                return ParseQuery();
            case TokenKind.Word when IsPivotStatementStart(token):
                return ParsePivotStatement();
            default:
                Report("unparsed-span", $"expected a query, found {Describe(token)}", token.Span);
                return new SelectQuery(SpanFrom(start));
        }
    }

    private ValuesQuery ParseValues()
    {
        var start = _pos;
        Advance();
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<Expr>>();
        while (!AtEnd)
        {
            var before = _pos;
            if (Accept(TokenKind.LParen))
            {
                rows.Add(ParseExprList(TokenKind.RParen));
                Expect(TokenKind.RParen, "')'");
            }
            else
            {
                rows.Add([ParseExpr()]);
            }

            if (!Accept(TokenKind.Comma) || _pos == before)
            {
                break;
            }
        }

        return new ValuesQuery(rows.ToImmutable(), SpanFrom(start));
    }

    /// <summary>ORDER BY, LIMIT, OFFSET and FETCH after a query body; they apply to the whole body.</summary>
    private Query ParseQueryTail(Query body, int start)
    {
        var orderBy = body.OrderBy;
        var limit = body.Limit;
        var changed = false;
        if (At(Keyword.Order) && Peek().Is(Keyword.By))
        {
            Advance();
            Advance();
            orderBy = ParseOrderItems();
            changed = true;
        }

        var limitStart = _pos;
        Expr? count = limit?.Count;
        Expr? offset = limit?.Offset;
        while (true)
        {
            if (Accept(Keyword.Limit))
            {
                if (!Accept(Keyword.All))
                {
                    count = ParseExpr();
                    if (Accept(TokenKind.Comma))
                    {
                        offset = count;
                        count = ParseExpr();
                    }
                }
            }
            else if (Accept(Keyword.Offset))
            {
                offset = ParseExpr();
                if (Current.Keyword is Keyword.Row or Keyword.Rows)
                {
                    Advance();
                }
            }
            else if (Accept(Keyword.Fetch))
            {
                Accept(Keyword.First);
                Accept(Keyword.Next);
                if (Current.Keyword is not (Keyword.Row or Keyword.Rows))
                {
                    count = ParseExpr();
                }

                Accept(Keyword.Percent);
                if (Current.Keyword is Keyword.Row or Keyword.Rows)
                {
                    Advance();
                }

                if (!Accept(Keyword.Only) && At(Keyword.With) && Peek().Is(Keyword.Ties))
                {
                    Advance();
                    Advance();
                }
            }
            else
            {
                break;
            }

            limit = new LimitClause(count, offset, SpanFrom(limitStart));
            changed = true;
        }

        return changed ? body with { OrderBy = orderBy, Limit = limit, Span = SpanFrom(start) } : body;
    }
}
