using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Syntax.Parsing;

// Snowflake semantic views: CREATE SEMANTIC VIEW, and the bare body dbt's semantic_view materialization wraps.
internal sealed partial class Parser
{
    private bool IsSemanticViewBody(in Token token) =>
        _dialect.SemanticViews && TextIs(token, "TABLES") && Peek().Kind == TokenKind.LParen;

    /// <summary>At <c>SEMANTIC VIEW</c> after CREATE and its modifiers.</summary>
    private bool AtCreateSemanticView() => _dialect.SemanticViews && TextIs(Current, "SEMANTIC") && Peek().Is(Keyword.View);

    private SemanticViewStatement ParseCreateSemanticView(int start)
    {
        Advance();
        Advance();
        if (At(Keyword.If) && Peek().Is(Keyword.Not))
        {
            Advance();
            Advance();
            Accept(Keyword.Exists);
        }

        var target = ParseTableName();
        return ParseSemanticView(start, target);
    }

    /// <summary>The clauses in any order; unknown ones are skipped with a warning up to the next known clause.</summary>
    private SemanticViewStatement ParseSemanticView(int start, QualifiedName? target)
    {
        var tables = ImmutableArray.CreateBuilder<SemanticTable>();
        var relationships = ImmutableArray.CreateBuilder<SemanticRelationship>();
        var expressions = ImmutableArray.CreateBuilder<SemanticExpression>();
        var sawTables = false;
        while (!AtEnd && !At(TokenKind.Semicolon))
        {
            var token = Current;
            if (TextIs(token, "TABLES") && Peek().Kind == TokenKind.LParen)
            {
                sawTables = true;
                Advance();
                ParseListInParens(() => tables.Add(ParseSemanticTable()));
            }
            else if (TextIs(token, "RELATIONSHIPS") && Peek().Kind == TokenKind.LParen)
            {
                Advance();
                ParseListInParens(() => relationships.Add(ParseSemanticRelationship()));
            }
            else if (SemanticKindOf(token) is { } kind && Peek().Kind == TokenKind.LParen)
            {
                Advance();
                ParseListInParens(() => expressions.Add(ParseSemanticExpression(kind)));
            }
            else if (TextIs(token, "COMMENT") || TextIs(token, "AI_SQL_GENERATION") || TextIs(token, "AI_QUESTION_CATEGORIZATION"))
            {
                Advance();
                Accept(TokenKind.Eq);
                Expect(TokenKind.String, "a string");
            }
            else if (TextIs(token, "COPY") && TextIs(Peek(), "GRANTS"))
            {
                Advance();
                Advance();
            }
            else
            {
                SkipUnknownSemanticClause();
            }
        }

        if (!sawTables)
        {
            Report("unexpected-token", "a semantic view needs a TABLES clause", SpanFrom(start));
        }

        return new SemanticViewStatement(target, tables.ToImmutable(), relationships.ToImmutable(), expressions.ToImmutable(), SpanFrom(start));
    }

    private SemanticKind? SemanticKindOf(in Token token) =>
        TextIs(token, "FACTS") ? SemanticKind.Fact :
        TextIs(token, "DIMENSIONS") ? SemanticKind.Dimension :
        TextIs(token, "METRICS") ? SemanticKind.Metric : null;

    private bool AtSemanticClause()
    {
        var token = Current;
        return (Peek().Kind == TokenKind.LParen && (TextIs(token, "TABLES") || TextIs(token, "RELATIONSHIPS") || SemanticKindOf(token) is not null)) ||
            TextIs(token, "COMMENT") || TextIs(token, "AI_SQL_GENERATION") || TextIs(token, "AI_QUESTION_CATEGORIZATION") ||
            (TextIs(token, "COPY") && TextIs(Peek(), "GRANTS"));
    }

    private void SkipUnknownSemanticClause()
    {
        var bad = _pos;
        do
        {
            if (At(TokenKind.LParen))
            {
                SkipParenthesised();
            }
            else
            {
                Advance();
            }
        }
        while (!AtEnd && !At(TokenKind.Semicolon) && !AtSemanticClause());

        Report("unparsed-span",
            $"expected a semantic view clause (TABLES, RELATIONSHIPS, FACTS, DIMENSIONS, METRICS, COMMENT), found {Describe(_tokens[bad])}; it was skipped",
            SpanOf(bad, _pos));
    }

    private SemanticTable ParseSemanticTable()
    {
        var start = _pos;
        Identifier? alias = null;
        if (IsAnyName(Current) && Peek().Is(Keyword.As))
        {
            alias = ParseIdentifier();
            Advance();
        }

        var table = ParseTableName();
        var primaryKey = ImmutableArray<Identifier>.Empty;
        var unique = ImmutableArray.CreateBuilder<Identifier>();
        while (!At(TokenKind.Comma) && !AtCloser)
        {
            if (TextIs(Current, "PRIMARY") && TextIs(Peek(), "KEY"))
            {
                Advance();
                Advance();
                primaryKey = ParseSemanticColumns();
            }
            else if (TextIs(Current, "UNIQUE"))
            {
                Advance();
                unique.AddRange(ParseSemanticColumns());
            }
            else if (TextIs(Current, "CONSTRAINT"))
            {
                unique.AddRange(ParseRangeConstraint());
            }
            else if (!AcceptSemanticOption())
            {
                Report("unexpected-token", $"expected PRIMARY KEY, UNIQUE, CONSTRAINT, WITH SYNONYMS or COMMENT, found {Describe(Current)}", Current.Span);
                SkipToSync(stopAtComma: true, stopAtClause: false, force: true);
            }
        }

        return new SemanticTable(alias ?? table.Parts[^1], table, primaryKey, unique.ToImmutable(), SpanFrom(start));
    }

    /// <summary><c>CONSTRAINT [name] DISTINCT RANGE BETWEEN start AND end EXCLUSIVE</c>: its two columns key the table.</summary>
    private ImmutableArray<Identifier> ParseRangeConstraint()
    {
        Advance();
        if (!At(Keyword.Distinct))
        {
            ParseIdentifier("a constraint name");
        }

        Expect(Keyword.Distinct);
        Expect(Keyword.Range);
        Expect(Keyword.Between);
        var first = ParseIdentifier("a column");
        Expect(Keyword.And);
        var second = ParseIdentifier("a column");
        AcceptWord("EXCLUSIVE");
        return [first, second];
    }

    /// <summary><c>WITH SYNONYMS [=] (..)</c> or <c>COMMENT = '..'</c>: descriptions, no lineage.</summary>
    private bool AcceptSemanticOption()
    {
        if (At(Keyword.With) && TextIs(Peek(), "SYNONYMS"))
        {
            Advance();
            Advance();
            Accept(TokenKind.Eq);
            SkipParenthesised();
            return true;
        }

        if (TextIs(Current, "COMMENT"))
        {
            Advance();
            Accept(TokenKind.Eq);
            Expect(TokenKind.String, "a string");
            return true;
        }

        return false;
    }

    /// <summary><c>( [ASOF] col, .. )</c>.</summary>
    private ImmutableArray<Identifier> ParseSemanticColumns()
    {
        var columns = ImmutableArray.CreateBuilder<Identifier>();
        ParseListInParens(() =>
        {
            Accept(Keyword.Asof);
            columns.Add(ParseIdentifier("a column"));
        });
        return columns.ToImmutable();
    }

    private SemanticRelationship ParseSemanticRelationship()
    {
        var start = _pos;
        if (IsAnyName(Current) && Peek().Is(Keyword.As))
        {
            Advance();
            Advance();
        }

        var table = ParseIdentifier("a table alias");
        var columns = ParseSemanticColumns();
        if (!TextIs(Current, "REFERENCES"))
        {
            Report("unexpected-token", $"expected REFERENCES, found {Describe(Current)}", Current.Span);
        }

        AcceptWord("REFERENCES");
        var referenced = ParseIdentifier("a table alias");
        var referencedColumns = At(TokenKind.LParen) ? ParseSemanticColumns() : [];
        return new SemanticRelationship(table, columns, referenced, referencedColumns, SpanFrom(start));
    }

    private SemanticExpression ParseSemanticExpression(SemanticKind kind)
    {
        var start = _pos;
        var isPrivate = TextIs(Current, "PRIVATE");
        if (isPrivate || TextIs(Current, "PUBLIC"))
        {
            Advance();
        }

        var table = ParseIdentifier("a table alias");
        Expect(TokenKind.Dot, "'.'");
        var name = ParseIdentifier("a name");
        if (TextIs(Current, "NON") && TextIs(Peek(), "ADDITIVE"))
        {
            Advance();
            Advance();
            Expect(Keyword.By);
            SkipParenthesised();
        }

        Expect(Keyword.As);
        var expr = ParseExpr();
        while (!At(TokenKind.Comma) && !AtCloser)
        {
            if (At(Keyword.With) && TextIs(Peek(), "CORTEX"))
            {
                SkipWordsUntil("SERVICE");
                AcceptWord("SERVICE");
                ParseQualifiedName();
                if (Accept(Keyword.Using))
                {
                    ParseIdentifier("a column");
                }
            }
            else if (!AcceptSemanticOption())
            {
                Report("unexpected-token", $"expected WITH SYNONYMS or COMMENT, found {Describe(Current)}", Current.Span);
                SkipToSync(stopAtComma: true, stopAtClause: false, force: true);
            }
        }

        return new SemanticExpression(kind, isPrivate, table, name, expr, SpanFrom(start));
    }
}
