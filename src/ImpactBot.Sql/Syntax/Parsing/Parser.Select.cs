using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Syntax.Parsing;

// SELECT and its clauses.
internal sealed partial class Parser
{
    private SelectQuery ParseSelect()
    {
        var start = _pos;
        var select = new SelectQuery(default);
        if (At(Keyword.From))
        {
            select = select with { From = ParseFromClause() };
        }

        if (Accept(Keyword.Select))
        {
            select = ParseSelectHead(select);
        }

        select = ParseSelectClauses(select);
        return select with { Span = SpanFrom(start) };
    }

    private SelectQuery ParseSelectHead(SelectQuery select)
    {
        if (At(Keyword.As) && (TextIs(Peek(), "STRUCT") || Peek().Is(Keyword.Value)))
        {
            Advance();
            Advance();
        }

        if (Accept(Keyword.Distinct))
        {
            select = select with { Distinct = true };
            if (At(Keyword.On) && Peek().Kind == TokenKind.LParen)
            {
                Advance();
                Advance();
                select = select with { DistinctOn = ParseExprList(TokenKind.RParen) };
                Expect(TokenKind.RParen, "')'");
            }
        }
        else
        {
            Accept(Keyword.All);
        }

        if (_dialect.SelectTop && At(Keyword.Top))
        {
            Advance();
            var top = ParsePrefix();
            Accept(Keyword.Percent);
            if (At(Keyword.With) && Peek().Is(Keyword.Ties))
            {
                Advance();
                Advance();
            }

            select = select with { Top = top };
        }

        return select with { Items = ParseSelectItems() };
    }

    private SelectQuery ParseSelectClauses(SelectQuery select)
    {
        while (!AtEnd)
        {
            var token = Current;
            var before = _pos;
            switch (token.Keyword)
            {
                case Keyword.From when token.Kind == TokenKind.Word && select.From.IsEmpty:
                    select = select with { From = ParseFromClause() };
                    break;
                case Keyword.Where when token.Kind == TokenKind.Word:
                    Advance();
                    select = select with { Where = ParseClauseExpr("WHERE") };
                    break;
                case Keyword.Group when token.Kind == TokenKind.Word && Peek().Is(Keyword.By):
                    select = select with { GroupBy = ParseGroupBy() };
                    break;
                case Keyword.Having when token.Kind == TokenKind.Word:
                    Advance();
                    select = select with { Having = ParseClauseExpr("HAVING") };
                    break;
                case Keyword.Qualify when token.Kind == TokenKind.Word:
                    Advance();
                    select = select with { Qualify = ParseClauseExpr("QUALIFY") };
                    break;
                case Keyword.Window when token.Kind == TokenKind.Word:
                    select = select with { Windows = select.Windows.AddRange(ParseWindowClause()) };
                    break;
                default:
                    if (AtHierarchyClause())
                    {
                        select = select with { Hierarchy = select.Hierarchy.Add(ParseHierarchyClause()) };
                        break;
                    }

                    if (IsSelectEnd(token))
                    {
                        return select;
                    }

                    SkipUnknownClause();
                    break;
            }

            if (_pos == before)
            {
                return select;
            }
        }

        return select;
    }

    /// <summary>Tokens that end a SELECT: the query tail, a set operator, a closer, or the start of another statement.</summary>
    private bool IsSelectEnd(in Token token) =>
        IsCloser(token.Kind) || IsSetOperator(token) ||
        (token.Kind == TokenKind.Word && token.Keyword is Keyword.Order or Keyword.Limit or Keyword.Offset or Keyword.Fetch or
            Keyword.Select or Keyword.With or Keyword.Create or Keyword.Insert or Keyword.Merge);

    private void SkipUnknownClause()
    {
        var start = _pos;
        SkipToSync(stopAtComma: false, force: true);
        var message = $"unknown clause starting at {Describe(_tokens[start])} was skipped";
        Report("unparsed-span", message, SpanOf(start, _pos));
    }

    /// <summary>A clause's expression; trailing tokens the grammar does not know make the whole clause opaque.</summary>
    private Expr ParseClauseExpr(string clause)
    {
        var start = _pos;
        var expr = ParseExpr();
        if (IsCloser(Current.Kind) || IsClauseKeyword(Current) || IsSelectEnd(Current) || AtHierarchyClause())
        {
            return expr;
        }

        var bad = _pos;
        SkipToSync(stopAtComma: false, force: true);
        return MakeOpaque(start, _pos, bad, $"the end of the {clause} clause");
    }

    private ImmutableArray<SelectItem> ParseSelectItems()
    {
        var items = ImmutableArray.CreateBuilder<SelectItem>();
        while (!AtCloser && (!IsClauseKeyword(Current) || IsKeywordNamedColumn(Current, Peek())) && !At(Keyword.Into))
        {
            var before = _pos;
            items.Add(ParseSelectItem());
            if (!Accept(TokenKind.Comma) || _pos == before)
            {
                break;
            }
        }

        return items.ToImmutable();
    }

    private SelectItem ParseSelectItem()
    {
        var start = _pos;
        if (IsStarItemStart())
        {
            return ParseStarItem(start);
        }

        var expr = ParseExpr();
        var alias = ParseOptionalAlias();
        if (At(TokenKind.Comma) || AtCloser || IsClauseKeyword(Current) || IsSelectEnd(Current) || At(Keyword.Into))
        {
            return new ExprSelectItem(expr, alias, SpanFrom(start));
        }

        var bad = _pos;
        SkipToSync(stopAtComma: true);
        var end = _pos;
        Identifier? recovered = null;
        if (end - start >= 3 && _tokens[end - 2].Is(Keyword.As) && IsAnyName(_tokens[end - 1]))
        {
            recovered = MakeIdentifier(_tokens[end - 1]);
            end -= 2;
        }

        var opaque = MakeOpaque(start, Math.Max(end, bad + 1), bad, "',' or FROM after a select item");
        return new ExprSelectItem(opaque, recovered ?? alias, SpanFrom(start));
    }

    private bool IsStarItemStart()
    {
        if (At(TokenKind.Star))
        {
            return true;
        }

        var i = _pos;
        while (IsAnyName(_tokens[i]) && _tokens[i + 1].Kind == TokenKind.Dot)
        {
            if (_tokens[i + 2].Kind == TokenKind.Star)
            {
                return true;
            }

            i += 2;
        }

        return false;
    }
}
