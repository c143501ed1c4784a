using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Syntax.Parsing;

// Statements around a query: CREATE .. AS, INSERT, MERGE, semantic views, and everything else as opaque.
internal sealed partial class Parser
{
    public ImmutableArray<Statement> ParseStatements()
    {
        var statements = ImmutableArray.CreateBuilder<Statement>();
        while (!AtEnd)
        {
            if (Accept(TokenKind.Semicolon))
            {
                continue;
            }

            if (At(TokenKind.Template) && (IsStatementStart(Peek()) || Peek().Kind is TokenKind.Semicolon or TokenKind.EndOfInput))
            {
                Report("template-statement", $"template {Describe(Current)} before the statement was skipped", Current.Span, DiagnosticSeverity.Info);
                Advance();
                continue;
            }

            var before = _pos;
            var statement = ParseStatement();
            statements.Add(statement);
            if (AtEnd || Accept(TokenKind.Semicolon))
            {
                continue;
            }

            if (_pos > before && IsStatementStart(Current))
            {
                Report("unexpected-token", $"expected ';' before {Describe(Current)}", Current.Span);
                continue;
            }

            var bad = _pos;
            SkipToStatementEnd();
            if (_pos == bad)
            {
                Advance();
            }

            Report("unparsed-span", $"expected ';' or the end of the statement, found {Describe(_tokens[bad])}", SpanOf(bad, _pos));
        }

        return statements.ToImmutable();
    }

    private static bool IsStatementStart(in Token token) =>
        token.Kind == TokenKind.LParen ||
        (token.Kind == TokenKind.Word && token.Keyword is Keyword.Select or Keyword.With or Keyword.Create or Keyword.Insert or Keyword.Merge or Keyword.Values);

    private void SkipToStatementEnd()
    {
        var depth = 0;
        while (!AtEnd && !(depth == 0 && At(TokenKind.Semicolon)))
        {
            if (At(TokenKind.LParen))
            {
                depth++;
            }
            else if (At(TokenKind.RParen) && depth > 0)
            {
                depth--;
            }

            Advance();
        }
    }

    private Statement ParseStatement()
    {
        var start = _pos;
        var token = Current;
        if (token.Is(Keyword.With) && ParseWithThenStatement(start) is { } withStatement)
        {
            return withStatement;
        }

        if (token.Kind == TokenKind.LParen || token.Keyword is Keyword.Select or Keyword.With or Keyword.Values ||
            (token.Is(Keyword.From) && Peek().Kind != TokenKind.Semicolon) || IsPivotStatementStart(token))
        {
            var query = ParseQuery();
            return new QueryStatement(query, SpanFrom(start));
        }

        if (IsSemanticViewBody(token))
        {
            return ParseSemanticView(start, null);
        }

        return token.Keyword switch
        {
            Keyword.Create when token.Kind == TokenKind.Word => ParseCreate(start),
            Keyword.Insert when token.Kind == TokenKind.Word => ParseInsert(start),
            Keyword.Merge when token.Kind == TokenKind.Word => ParseMerge(start),
            _ => ParseOpaqueStatement(start),
        };
    }

    /// <summary><c>WITH .. INSERT ..</c> (Postgres): the CTEs belong to the inserted query. Null when a query follows the WITH.</summary>
    private Statement? ParseWithThenStatement(int start)
    {
        var diagnostics = _diagnostics.Count;
        var with = ParseWith();
        if (At(Keyword.Merge))
        {
            var merge = ParseMerge(_pos);
            return merge is MergeStatement m ? m with { With = with, Span = SpanFrom(start) } : merge;
        }

        if (!At(Keyword.Insert))
        {
            _pos = start;
            _diagnostics.RemoveRange(diagnostics, _diagnostics.Count - diagnostics);
            return null;
        }

        return ParseInsert(_pos) switch
        {
            InsertStatement insert => insert with { Query = insert.Query with { With = with }, Span = SpanFrom(start) },
            MultiInsertStatement multi => multi with { Query = multi.Query with { With = with }, Span = SpanFrom(start) },
            var statement => statement,
        };
    }

    private OpaqueStatement ParseOpaqueStatement(int start)
    {
        var keyword = _tokens[start].Kind == TokenKind.Word ? TextOf(_tokens[start]).ToUpperInvariant() : string.Empty;
        SkipToStatementEnd();
        if (_pos == start)
        {
            Advance();
        }

        var span = SpanFrom(start);
        var what = keyword.Length > 0 ? keyword : Describe(_tokens[start]);
        Report("unsupported-statement", $"statement {what} is not analysed", span, DiagnosticSeverity.Info);
        return new OpaqueStatement(keyword, span);
    }

    private Statement ParseCreate(int start)
    {
        Advance();
        var materialized = false;
        while (Current.Kind == TokenKind.Word && Current.Keyword is not (Keyword.Table or Keyword.View))
        {
            if (Current.Keyword == Keyword.Materialized)
            {
                materialized = true;
            }
            else if (AtCreateSemanticView())
            {
                return ParseCreateSemanticView(start);
            }
            else if (!IsCreateModifier(Current))
            {
                _pos = start;
                return ParseOpaqueStatement(start);
            }

            Advance();
        }

        if (Current.Keyword is not (Keyword.Table or Keyword.View))
        {
            _pos = start;
            return ParseOpaqueStatement(start);
        }

        var objectKind = Current.Keyword == Keyword.View ? (materialized ? "MATERIALIZED VIEW" : "VIEW") : "TABLE";
        Advance();
        if (At(Keyword.If) && Peek().Is(Keyword.Not))
        {
            Advance();
            Advance();
            Accept(Keyword.Exists);
        }

        var target = ParseTableName();
        var columns = At(TokenKind.LParen) && !IsQueryStartAfterParens() ? ParseColumnDefinitions() : [];
        if (!SkipToAsQuery())
        {
            _pos = start;
            return ParseOpaqueStatement(start);
        }

        var query = ParseQuery();
        return new CreateAsStatement(objectKind, target, columns, query, SpanFrom(start));
    }

    private bool IsCreateModifier(in Token token) =>
        token.Keyword is Keyword.Or or Keyword.Replace or Keyword.Global or Keyword.Local or Keyword.Temp or Keyword.Temporary or
            Keyword.Transient or Keyword.Volatile or Keyword.Secure or Keyword.Recursive ||
        TextIs(token, "UNLOGGED") || TextIs(token, "DYNAMIC") || TextIs(token, "ICEBERG") || TextIs(token, "LIVE") ||
        TextIs(token, "STREAMING") || TextIs(token, "MULTISET") || TextIs(token, "EXTERNAL");

    /// <summary>Skips table options up to the top-level <c>AS</c> that starts the query; false when there is none.</summary>
    private bool SkipToAsQuery()
    {
        var depth = 0;
        while (!AtEnd && !(depth == 0 && At(TokenKind.Semicolon)))
        {
            if (depth == 0 && At(Keyword.As) && (Peek().Keyword is Keyword.Select or Keyword.With or Keyword.Values || Peek().Kind == TokenKind.LParen ||
                IsPivotStatementStart(Peek())))
            {
                Advance();
                return true;
            }

            if (depth == 0 && Current.Keyword is Keyword.Select or Keyword.With && Current.Kind == TokenKind.Word)
            {
                return true;
            }

            if (At(TokenKind.LParen))
            {
                depth++;
            }
            else if (At(TokenKind.RParen) && depth > 0)
            {
                depth--;
            }

            Advance();
        }

        return false;
    }

    /// <summary>The names of a column list: <c>(a, b)</c> or <c>(a int not null, b varchar(10), primary key (a))</c>.</summary>
    private ImmutableArray<Identifier> ParseColumnDefinitions()
    {
        Advance();
        var columns = ImmutableArray.CreateBuilder<Identifier>();
        while (!IsCloser(Current.Kind))
        {
            var before = _pos;
            var token = Current;
            var constraint = token.Kind == TokenKind.Word &&
                (TextIs(token, "CONSTRAINT") || TextIs(token, "PRIMARY") || TextIs(token, "FOREIGN") || TextIs(token, "UNIQUE") || TextIs(token, "CHECK"));
            if (IsAnyName(token) && !constraint)
            {
                columns.Add(MakeIdentifier(token));
            }

            SkipToSync(stopAtComma: true, stopAtClause: false, force: true);
            if (!Accept(TokenKind.Comma) || _pos == before)
            {
                break;
            }
        }

        Expect(TokenKind.RParen, "')'");
        return columns.ToImmutable();
    }
}
