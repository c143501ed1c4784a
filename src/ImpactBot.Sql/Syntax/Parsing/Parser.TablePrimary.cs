using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Syntax.Parsing;

// One FROM item before joins: tables, derived tables, table functions, their modifiers, aliases and pivots.
internal sealed partial class Parser
{
    private FromItem ParseTablePrimary()
    {
        var start = _pos;
        var lateral = Accept(Keyword.Lateral);
        var item = ParseTableCore(start, lateral);
        var matchRecognize = SkipTableModifiers();
        if (item is TableFunction { Kind: not TableFunctionKind.Explode } && At(Keyword.With) && Peek().Is(Keyword.Ordinality))
        {
            Advance();
            Advance();
            item = ((TableFunction)item) with { WithOrdinality = true };
        }

        var alias = ParseTableAlias();
        if (alias is not null)
        {
            item = item with { Alias = alias };
        }

        if (item is TableFunction function && At(Keyword.With) && Peek().Is(Keyword.Offset))
        {
            Advance();
            Advance();
            Identifier? offsetAlias = null;
            if (Accept(Keyword.As) || IsIdentifier(Current))
            {
                offsetAlias = ParseIdentifier("an offset alias");
            }

            item = function with { WithOrdinality = true, OrdinalityAlias = offsetAlias };
        }

        matchRecognize = SkipTableModifiers() ?? matchRecognize;
        if (matchRecognize is not null)
        {
            item = item with { MatchRecognize = matchRecognize };
        }

        var pivots = ImmutableArray.CreateBuilder<PivotClause>();
        while (IsPivotStart(Current))
        {
            pivots.Add(ParsePivot());
        }

        if (pivots.Count > 0)
        {
            item = item with { Pivots = pivots.ToImmutable() };
        }

        return item with { Span = SpanFrom(start) };
    }

    private FromItem ParseTableCore(int start, bool lateral)
    {
        var token = Current;
        if (token.Kind == TokenKind.LParen)
        {
            return ParseParenthesisedFromItem(start, lateral);
        }

        if (token.Is(Keyword.Values))
        {
            return new DerivedTable(ParseValues(), lateral, SpanFrom(start));
        }

        if (token.Is(Keyword.Table) && Peek().Kind == TokenKind.LParen)
        {
            Advance();
            Advance();
            var innerStart = _pos;
            var innerName = ParseQualifiedName();
            var call = At(TokenKind.LParen) ? ParseFunctionCall(innerName, innerStart) : new FunctionCall(innerName, [], innerName.Span);
            Expect(TokenKind.RParen, "')'");
            return new TableFunction(TableFunctionKindOf(innerName), innerName, call.Arguments, lateral, SpanFrom(start))
            {
                Outer = HasTrueNamedArgument(call.Arguments, "outer"),
            };
        }

        if (token.Kind is TokenKind.Template or TokenKind.Parameter)
        {
            Advance();
            while (Current.Kind is TokenKind.Dot or TokenKind.Slash or TokenKind.Word && (Current.Flags & TokenFlags.SpaceBefore) == 0 &&
                   token.Kind == TokenKind.Parameter)
            {
                Advance();
            }

            token = token with { Length = Previous.End - token.Start };
            var kind = token.Kind == TokenKind.Template ? "template" : "parameter";
            Report($"{kind}-table", $"{kind} {Describe(token)} used as a table", token.Span, DiagnosticSeverity.Info);
            var id = new Identifier(TextOf(token), Quoted: false, token.Span);
            return new TableRef(new QualifiedName([id], token.Span), token.Span);
        }

        if (!IsAnyName(token) || (token.Kind == TokenKind.Word && Keywords.IsReserved(token.Keyword) && !lateral))
        {
            Report("unparsed-span", $"expected a table, found {Describe(token)}", token.Span);
            return new TableRef(new QualifiedName([new Identifier(string.Empty, Quoted: false, token.Span)], token.Span), SpanFrom(start));
        }

        var name = ParseTableName();
        if (At(TokenKind.LParen))
        {
            var call = ParseFunctionCall(name, start);
            return new TableFunction(TableFunctionKindOf(name), name, call.Arguments, lateral, SpanFrom(start))
            {
                Outer = HasTrueNamedArgument(call.Arguments, "outer"),
            };
        }

        return new TableRef(name, SpanFrom(start));
    }

    private static bool HasTrueNamedArgument(ImmutableArray<Expr> args, string name)
    {
        foreach (var arg in args)
        {
            if (arg is NamedArgument { Value: Literal { Kind: LiteralKind.Boolean, Text: "TRUE" } } named &&
                named.Name.Text.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>(query)</c> or a parenthesised join. Bounded backtracking: try the query reading when a query keyword follows the
    /// parentheses, and fall back to a FROM item when it does not close cleanly (<c>((select ..) x join y on ..)</c>).
    /// </summary>
    private FromItem ParseParenthesisedFromItem(int start, bool lateral)
    {
        if (IsQueryStartAfterParens())
        {
            var diagnostics = _diagnostics.Count;
            Advance();
            var query = ParseQuery();
            if (At(TokenKind.RParen) && (_diagnostics.Count == diagnostics || !IsParenthesisedOperand(start)))
            {
                Advance();
                return new DerivedTable(query, lateral, SpanFrom(start));
            }

            if (!IsParenthesisedOperand(start))
            {
                Expect(TokenKind.RParen, "')'");
                return new DerivedTable(query, lateral, SpanFrom(start));
            }

            _pos = start;
            _diagnostics.RemoveRange(diagnostics, _diagnostics.Count - diagnostics);
        }

        Advance();
        var inner = ParseFromItem();
        Expect(TokenKind.RParen, "')'");
        return inner;
    }

    /// <summary>
    /// Skips SAMPLE, TABLESAMPLE, AT/BEFORE/CHANGES (..), FOR SYSTEM_TIME AS OF .., table hints and MATCH_RECOGNIZE, which
    /// is returned because it replaces the columns.
    /// </summary>
    private MatchRecognizeClause? SkipTableModifiers()
    {
        MatchRecognizeClause? matchRecognize = null;
        while (true)
        {
            var start = _pos;
            var token = Current;
            var next = Peek();
            if (TextIs(token, "MATCH_RECOGNIZE") && next.Kind == TokenKind.LParen)
            {
                matchRecognize = ParseMatchRecognize();
                continue;
            }

            if (token.Keyword is Keyword.Sample or Keyword.Tablesample && token.Kind == TokenKind.Word)
            {
                Advance();
                while (Current.Kind == TokenKind.Word && !Keywords.IsNoImplicitAlias(Current.Keyword) && Peek().Kind == TokenKind.LParen)
                {
                    Advance();
                }

                SkipParenthesised();
                if ((TextIs(Current, "REPEATABLE") || TextIs(Current, "SEED")) && Peek().Kind == TokenKind.LParen)
                {
                    Advance();
                    SkipParenthesised();
                }
            }
            else if (token.Keyword is Keyword.At or Keyword.Before or Keyword.Changes && token.Kind == TokenKind.Word && next.Kind == TokenKind.LParen)
            {
                Advance();
                SkipParenthesised();
            }
            else if (token.Is(Keyword.For) && next.Keyword is Keyword.SystemTime or Keyword.SystemVersion or Keyword.Timestamp or Keyword.Version)
            {
                SkipAsOf();
            }
            else if (token.Keyword is Keyword.Timestamp or Keyword.Version && next.Is(Keyword.As) && Peek(2).Is(Keyword.Of))
            {
                SkipAsOf();
            }
            else if ((token.Is(Keyword.With) && next.Kind == TokenKind.LParen) || IsUnknownModifier(token))
            {
                Advance();
                SkipParenthesised();
            }
            else
            {
                return matchRecognize;
            }

            Report("skipped-table-modifier", $"table modifier {Describe(token)} was skipped", SpanOf(start, _pos), DiagnosticSeverity.Info);
        }
    }

    /// <summary>A word and a parenthesised group that is not an alias column list: MATCH_RECOGNIZE, MATCH_CONDITION, IDENTIFIER ..</summary>
    private bool IsUnknownModifier(in Token token) =>
        CanBeImplicitAlias(token) && token.Kind == TokenKind.Word && Peek().Kind == TokenKind.LParen && !IsAliasColumnList(1);

    /// <summary>Whether the <c>(</c> at <paramref name="offset"/> opens <c>(name, ..)</c>.</summary>
    private bool IsAliasColumnList(int offset) =>
        IsAnyName(Peek(offset + 1)) && Peek(offset + 2).Kind is TokenKind.Comma or TokenKind.RParen;

    /// <summary>The tokens of [start, end) joined by single spaces: the text with layout and comments gone.</summary>
    private string TokensText(int start, int end)
    {
        var text = new System.Text.StringBuilder();
        for (var i = start; i < end; i++)
        {
            text.Append(i > start ? " " : "").Append(SpanText(_tokens[i]));
        }

        return text.ToString();
    }

    private void SkipAsOf()
    {
        while (Current.Kind == TokenKind.Word && !Current.Is(Keyword.Of))
        {
            Advance();
        }

        Expect(Keyword.Of);
        ParseExpr(PrecComparison);
    }
}
