using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;

namespace ImpactBot.Sql.Syntax.Parsing;

// Snowflake's multi-table INSERT ALL / INSERT FIRST.
internal sealed partial class Parser
{
    /// <summary>At ALL or FIRST, after <c>INSERT [OVERWRITE]</c>.</summary>
    private Statement ParseMultiInsert(int start)
    {
        var first = Current.Keyword == Keyword.First;
        Advance();
        var branches = ImmutableArray.CreateBuilder<InsertBranch>();
        while (!AtEnd)
        {
            var branchStart = _pos;
            Expr? when = null;
            var isElse = false;
            if (Accept(Keyword.When))
            {
                when = ParseExpr();
                Expect(Keyword.Then);
            }
            else if (Accept(Keyword.Else))
            {
                isElse = true;
            }
            else if (!At(Keyword.Into) || branches.Count > 0)
            {
                break;
            }

            var intos = ImmutableArray.CreateBuilder<InsertInto>();
            while (At(Keyword.Into))
            {
                intos.Add(ParseInsertInto());
            }

            if (intos.Count == 0)
            {
                Report("unexpected-token", $"expected INTO, found {Describe(Current)}", Current.Span);
            }

            branches.Add(new InsertBranch(when, isElse, intos.ToImmutable(), SpanFrom(branchStart)));
            if (isElse || _pos == branchStart)
            {
                break;
            }
        }

        if (!(IsQueryStartAfterParens() || Current.Keyword is Keyword.Select or Keyword.With or Keyword.From))
        {
            // Reported on the last token read, so the diagnostic stays inside the statement's span.
            var at = _pos > start ? Previous : Current;
            Report("unexpected-token", $"expected the query that feeds the INSERT after {Describe(at)}, found {Describe(Current)}", at.Span);
            SkipToStatementEnd();
            return new MultiInsertStatement(first, branches.ToImmutable(), new SelectQuery(SpanFrom(_pos)), SpanFrom(start));
        }

        var query = ParseQuery();
        return new MultiInsertStatement(first, branches.ToImmutable(), query, SpanFrom(start));
    }

    private InsertInto ParseInsertInto()
    {
        var start = _pos;
        Advance();
        var target = ParseTableName();
        var columns = At(TokenKind.LParen) && !IsQueryStartAfterParens() ? ParseIdentifierList() : [];
        var values = ImmutableArray<Expr>.Empty;
        if (At(Keyword.Values) && Peek().Kind == TokenKind.LParen)
        {
            Advance();
            Advance();
            values = ParseInsertValues();
            Expect(TokenKind.RParen, "')'");
        }

        return new InsertInto(target, columns, values, SpanFrom(start));
    }

    /// <summary>Source columns, NULL or DEFAULT (which reads nothing, like NULL).</summary>
    private ImmutableArray<Expr> ParseInsertValues()
    {
        var values = ImmutableArray.CreateBuilder<Expr>();
        while (!At(TokenKind.RParen) && !AtEnd)
        {
            var before = _pos;
            if (At(Keyword.Default))
            {
                values.Add(new Literal(LiteralKind.Null, "DEFAULT", Current.Span));
                Advance();
            }
            else
            {
                values.Add(ParseListItem(TokenKind.RParen));
            }

            if (!Accept(TokenKind.Comma) || _pos == before)
            {
                break;
            }
        }

        return values.ToImmutable();
    }
}
