using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;

namespace ImpactBot.Sql.Syntax.Parsing;

// MATCH_RECOGNIZE (Trino, Snowflake; SQL:2016 row pattern recognition) after a FROM item.
internal sealed partial class Parser
{
    /// <summary>
    /// <c>MATCH_RECOGNIZE ( [PARTITION BY ..] [ORDER BY ..] [MEASURES expr [AS] name, ..] [ONE ROW | ALL ROWS PER MATCH ..]
    /// [AFTER MATCH SKIP ..] [INITIAL | SEEK] PATTERN (..) [SUBSET name = (..), ..] DEFINE var AS cond, .. )</c>.
    /// A clause it cannot read is kept as text only (not understood), so its columns stay a wildcard over the input.
    /// </summary>
    private MatchRecognizeClause ParseMatchRecognize()
    {
        var start = _pos;
        var diagnostics = _diagnostics.Count;
        var clause = TryParseMatchRecognize(start);
        if (clause is not null)
        {
            return clause;
        }

        _pos = start;
        _diagnostics.RemoveRange(diagnostics, _diagnostics.Count - diagnostics);
        Advance();
        SkipParenthesised();
        return new MatchRecognizeClause(TokensText(start, _pos), SpanOf(start, _pos));
    }

    private MatchRecognizeClause? TryParseMatchRecognize(int start)
    {
        var diagnostics = _diagnostics.Count;
        Advance();
        Advance();
        var partitionBy = ImmutableArray<Expr>.Empty;
        var orderBy = ImmutableArray<OrderItem>.Empty;
        var measures = ImmutableArray.CreateBuilder<MatchMeasure>();
        var variables = ImmutableArray.CreateBuilder<Identifier>();
        var definitions = ImmutableArray.CreateBuilder<MatchDefinition>();
        var allRows = false;
        while (!At(TokenKind.RParen))
        {
            var before = _pos;
            if (At(Keyword.Partition) && Peek().Is(Keyword.By))
            {
                Advance();
                Advance();
                var keys = ImmutableArray.CreateBuilder<Expr>();
                do
                {
                    keys.Add(ParseExpr());
                }
                while (Accept(TokenKind.Comma));
                partitionBy = keys.ToImmutable();
            }
            else if (At(Keyword.Order) && Peek().Is(Keyword.By))
            {
                Advance();
                Advance();
                orderBy = ParseOrderItems();
            }
            else if (TextIs(Current, "MEASURES"))
            {
                Advance();
                do
                {
                    measures.Add(ParseMatchMeasure());
                }
                while (Accept(TokenKind.Comma));
            }
            else if ((TextIs(Current, "ONE") || At(Keyword.All)) && Peek().Keyword is Keyword.Row or Keyword.Rows && TextIs(Peek(2), "PER"))
            {
                allRows = At(Keyword.All);
                Advance();
                Advance();
                Advance();
                AcceptWord("MATCH");
                SkipWordsUntil("AFTER", "PATTERN", "INITIAL", "SEEK");
            }
            else if (TextIs(Current, "AFTER"))
            {
                SkipWordsUntil("PATTERN", "INITIAL", "SEEK");
            }
            else if (TextIs(Current, "INITIAL") || TextIs(Current, "SEEK"))
            {
                Advance();
            }
            else if (TextIs(Current, "PATTERN") && Peek().Kind == TokenKind.LParen)
            {
                Advance();
                var open = _pos;
                SkipParenthesised();
                AddPatternVariables(open, _pos, variables);
            }
            else if (TextIs(Current, "SUBSET"))
            {
                Advance();
                do
                {
                    variables.Add(ParseIdentifier("a subset name"));
                    Expect(TokenKind.Eq, "'='");
                    SkipParenthesised();
                }
                while (Accept(TokenKind.Comma));
            }
            else if (TextIs(Current, "DEFINE"))
            {
                Advance();
                do
                {
                    var definitionStart = _pos;
                    var variable = ParseIdentifier("a pattern variable");
                    Expect(Keyword.As);
                    definitions.Add(new MatchDefinition(variable, ParseExpr(), SpanFrom(definitionStart)));
                }
                while (Accept(TokenKind.Comma));
            }

            if (_pos == before || _diagnostics.Count > diagnostics || AtEnd)
            {
                return null;
            }
        }

        Advance();
        return new MatchRecognizeClause(TokensText(start, _pos), SpanOf(start, _pos))
        {
            Understood = true,
            PartitionBy = partitionBy,
            OrderBy = orderBy,
            Measures = measures.ToImmutable(),
            AllRowsPerMatch = allRows,
            Variables = variables.ToImmutable(),
            Definitions = definitions.ToImmutable(),
        };
    }

    /// <summary><c>[RUNNING | FINAL] expr [AS] name</c>.</summary>
    private MatchMeasure ParseMatchMeasure()
    {
        var start = _pos;
        if ((TextIs(Current, "RUNNING") || TextIs(Current, "FINAL")) && Peek().Kind == TokenKind.Word && Peek(2).Kind == TokenKind.LParen)
        {
            Advance();
        }

        var expr = ParseExpr();
        Accept(Keyword.As);
        return new MatchMeasure(expr, ParseIdentifier("a measure name"), SpanFrom(start));
    }

    /// <summary>The row pattern's variables: its words, except PERMUTE and the quantifier-free syntax around them.</summary>
    private void AddPatternVariables(int start, int end, ImmutableArray<Identifier>.Builder variables)
    {
        for (var i = start; i < end; i++)
        {
            var token = _tokens[i];
            if (IsIdentifier(token) && !(TextIs(token, "PERMUTE") && _tokens[i + 1].Kind == TokenKind.LParen))
            {
                variables.Add(MakeIdentifier(token));
            }
        }
    }

    private void AcceptWord(string word)
    {
        if (TextIs(Current, word))
        {
            Advance();
        }
    }

    /// <summary>Skips the words of a fixed phrase (rows-per-match options, AFTER MATCH SKIP ..) up to the next clause.</summary>
    private void SkipWordsUntil(params string[] next)
    {
        while (Current.Kind == TokenKind.Word && !next.Any(w => TextIs(Current, w)))
        {
            Advance();
        }
    }
}
