using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;

namespace ImpactBot.Sql.Syntax.Parsing;

// INSERT and MERGE.
internal sealed partial class Parser
{
    private Statement ParseInsert(int start)
    {
        Advance();
        Accept(Keyword.Overwrite);
        if (Current.Keyword is Keyword.All or Keyword.First && Peek().Keyword is Keyword.Into or Keyword.When)
        {
            return ParseMultiInsert(start);
        }

        Accept(Keyword.Into);
        Accept(Keyword.Table);
        var target = ParseTableName();
        if (At(Keyword.Partition) && Peek().Kind == TokenKind.LParen)
        {
            Advance();
            SkipParenthesised();
        }

        var columns = At(TokenKind.LParen) && !IsQueryStartAfterParens() ? ParseIdentifierList() : [];
        if (At(Keyword.By) && Peek().Is(Keyword.Name))
        {
            Advance();
            Advance();
        }

        if (!(IsQueryStartAfterParens() || Current.Keyword is Keyword.Select or Keyword.With or Keyword.Values or Keyword.From || IsPivotStatementStart(Current)))
        {
            _pos = start;
            return ParseOpaqueStatement(start);
        }

        var query = ParseQuery();
        return new InsertStatement(target, columns, query, SpanFrom(start));
    }

    private Statement ParseMerge(int start)
    {
        Advance();
        Accept(Keyword.Into);
        var target = ParseTableName();
        Identifier? targetAlias = null;
        if (Accept(Keyword.As) || (CanBeImplicitAlias(Current) && !At(Keyword.Using)))
        {
            targetAlias = ParseIdentifier("the target alias");
        }

        if (!Expect(Keyword.Using))
        {
            _pos = start;
            return ParseOpaqueStatement(start);
        }

        var source = ParseTablePrimary();
        Expect(Keyword.On);
        var on = ParseExpr();
        var assignments = ImmutableArray.CreateBuilder<MergeAssignment>();
        var conditions = ImmutableArray.CreateBuilder<Expr>();
        while (At(Keyword.When))
        {
            var before = _pos;
            Advance();
            Accept(Keyword.Not);
            Expect(Keyword.Matched);
            if (At(Keyword.By) && Peek().Keyword is Keyword.Target or Keyword.Source)
            {
                Advance();
                Advance();
            }

            if (Accept(Keyword.And))
            {
                conditions.Add(ParseExpr());
            }

            Expect(Keyword.Then);
            ParseMergeAction(assignments);
            if (_pos == before)
            {
                break;
            }
        }

        return new MergeStatement(target, targetAlias, source, on, assignments.ToImmutable(), SpanFrom(start))
        {
            WhenConditions = conditions.ToImmutable(),
        };
    }

    private void ParseMergeAction(ImmutableArray<MergeAssignment>.Builder assignments)
    {
        if (Accept(Keyword.Update))
        {
            Expect(Keyword.Set);
            if (At(TokenKind.Star))
            {
                assignments.Add(StarAssignment());
                return;
            }

            while (IsAnyName(Current))
            {
                var start = _pos;
                var column = ParseQualifiedName().Last;
                Expect(TokenKind.Eq, "'='");
                var value = ParseExpr();
                assignments.Add(new MergeAssignment(column, value, SpanFrom(start)));
                if (!Accept(TokenKind.Comma))
                {
                    break;
                }
            }
        }
        else if (Accept(Keyword.Insert))
        {
            if (At(TokenKind.Star) || TextIs(Current, "ROW"))
            {
                assignments.Add(StarAssignment());
                return;
            }

            var columns = At(TokenKind.LParen) ? ParseIdentifierList() : [];
            if (Expect(Keyword.Values) && Expect(TokenKind.LParen, "'('"))
            {
                var values = ParseExprList(TokenKind.RParen);
                Expect(TokenKind.RParen, "')'");
                if (values.Length != columns.Length && !columns.IsEmpty)
                {
                    Report("merge-insert-arity", $"MERGE INSERT lists {columns.Length} columns but {values.Length} values", Previous.Span);
                }

                for (var i = 0; i < Math.Min(columns.Length, values.Length); i++)
                {
                    assignments.Add(new MergeAssignment(columns[i], values[i], columns[i].Span.Through(values[i].Span)));
                }
            }
        }
        else if (!Accept(Keyword.Delete))
        {
            var bad = _pos;
            while (!AtEnd && !At(Keyword.When) && !At(TokenKind.Semicolon))
            {
                var before = _pos;
                SkipToSync(stopAtComma: false, stopAtClause: false, force: true);
                if (_pos == before)
                {
                    Advance();
                }
            }

            if (_pos > bad)
            {
                MakeOpaque(bad, _pos, bad, "UPDATE, INSERT or DELETE");
            }
        }
    }

    /// <summary><c>UPDATE SET *</c> / <c>INSERT *</c>: every source column by name.</summary>
    private MergeAssignment StarAssignment()
    {
        var token = Current;
        Advance();
        return new MergeAssignment(new Identifier("*", Quoted: false, token.Span), new StarExpr(null, token.Span), token.Span);
    }
}
