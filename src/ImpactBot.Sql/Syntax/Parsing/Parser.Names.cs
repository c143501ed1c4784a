using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;

namespace ImpactBot.Sql.Syntax.Parsing;

// Identifiers, dotted names and aliases.
internal sealed partial class Parser
{
    private Identifier MakeIdentifier(in Token token)
    {
        if (token.Kind is not (TokenKind.QuotedIdentifier or TokenKind.String))
        {
            return new Identifier(TextOf(token), Quoted: false, token.Span);
        }

        var text = token.Kind == TokenKind.String ? Literals.DecodeString(_text, token, _dialect) : Literals.DecodeQuotedIdentifier(_text, token);
        return new Identifier(text, Quoted: true, token.Span);
    }

    /// <summary>A name usable where an identifier is expected without AS: quoted, or an unreserved word.</summary>
    private static bool IsIdentifier(in Token token) =>
        token.Kind == TokenKind.QuotedIdentifier || (token.Kind == TokenKind.Word && !Keywords.IsReserved(token.Keyword));

    /// <summary>Any word or quoted name: after a dot or AS even reserved words are names.</summary>
    private static bool IsAnyName(in Token token) => token.Kind is TokenKind.Word or TokenKind.QuotedIdentifier;

    private Identifier ParseIdentifier(string what = "an identifier")
    {
        var token = Current;
        if (IsAnyName(token))
        {
            Advance();
            return MakeIdentifier(token);
        }

        Report("unexpected-token", $"expected {what}, found {Describe(token)}", token.Span);
        return new Identifier(string.Empty, Quoted: false, token.Span);
    }

    /// <summary><c>a.b.c</c>; parts after the first may be any word.</summary>
    private QualifiedName ParseQualifiedName()
    {
        var start = _pos;
        var parts = ImmutableArray.CreateBuilder<Identifier>();
        parts.Add(ParseIdentifier("a name"));
        while (At(TokenKind.Dot) && IsAnyName(Peek()))
        {
            Advance();
            parts.Add(MakeIdentifier(Current));
            Advance();
        }

        return new QualifiedName(parts.ToImmutable(), SpanFrom(start));
    }

    /// <summary>A table name, with BigQuery's <c>`proj.ds.t`</c> split into parts and <c>my-proj.ds.t</c> joined.</summary>
    private QualifiedName ParseTableName()
    {
        var start = _pos;
        var parts = ImmutableArray.CreateBuilder<Identifier>();
        do
        {
            if (parts.Count > 0)
            {
                Advance();
            }

            AddTableNamePart(parts);
        }
        while (At(TokenKind.Dot) && IsAnyName(Peek()));

        return new QualifiedName(parts.ToImmutable(), SpanFrom(start));
    }

    private void AddTableNamePart(ImmutableArray<Identifier>.Builder parts)
    {
        var token = Current;
        if (token.Kind == TokenKind.QuotedIdentifier && _dialect.QuotedNamesSplitOnDots)
        {
            Advance();
            var whole = MakeIdentifier(token);
            if (whole.Text.Contains('.', StringComparison.Ordinal))
            {
                foreach (var piece in whole.Text.Split('.'))
                {
                    parts.Add(new Identifier(piece, Quoted: true, token.Span));
                }

                return;
            }

            parts.Add(whole);
            return;
        }

        if (token.Kind == TokenKind.Word && _dialect.DashedTableNames && Peek().Kind == TokenKind.Minus && IsAdjacentWordAfterDash())
        {
            var begin = _pos;
            Advance();
            while (At(TokenKind.Minus) && IsAdjacentWordAfterDash())
            {
                Advance();
                Advance();
            }

            var span = SpanFrom(begin);
            parts.Add(new Identifier(_text.Substring(span.Start, span.Length), Quoted: false, span));
            return;
        }

        parts.Add(ParseIdentifier("a table name"));
    }

    private bool IsAdjacentWordAfterDash()
    {
        var dash = At(TokenKind.Minus) ? Current : Peek();
        var after = At(TokenKind.Minus) ? Peek() : Peek(2);
        return (dash.Flags & TokenFlags.SpaceBefore) == 0 && after.Kind is TokenKind.Word or TokenKind.Number &&
               (after.Flags & TokenFlags.SpaceBefore) == 0;
    }

    /// <summary>An implicit alias may not be a reserved word nor MINUS where MINUS is a set operator.</summary>
    private bool CanBeImplicitAlias(in Token token) =>
        token.Kind == TokenKind.QuotedIdentifier ||
        (token.Kind == TokenKind.Word && !Keywords.IsNoImplicitAlias(token.Keyword) &&
         !(token.Keyword == Keyword.Minus && _dialect.MinusIsExcept));

    /// <summary><c>[AS] alias</c> after a select item or an aggregate.</summary>
    private Identifier? ParseOptionalAlias()
    {
        if (Accept(Keyword.As))
        {
            var token = Current;
            if (IsAnyName(token) || token.Kind == TokenKind.String)
            {
                Advance();
                return MakeIdentifier(token);
            }

            Report("unexpected-token", $"expected an alias after AS, found {Describe(token)}", token.Span);
            return null;
        }

        if (CanBeImplicitAlias(Current))
        {
            var token = Current;
            Advance();
            return MakeIdentifier(token);
        }

        return null;
    }

    /// <summary><c>[AS] alias [(col, ..)]</c> after a FROM item.</summary>
    private TableAlias? ParseTableAlias()
    {
        var start = _pos;
        var explicitAs = Accept(Keyword.As);
        var token = Current;
        if (!(explicitAs ? IsAnyName(token) || token.Kind == TokenKind.String : CanBeImplicitAlias(token) && !IsUnknownModifier(token) && !AtHierarchyClause()))
        {
            if (explicitAs)
            {
                Report("unexpected-token", $"expected an alias after AS, found {Describe(token)}", token.Span);
            }

            return null;
        }

        Advance();
        var name = MakeIdentifier(token);
        var columns = At(TokenKind.LParen) && IsAliasColumnList(0) ? ParseIdentifierList() : [];
        return new TableAlias(name, columns, SpanFrom(start));
    }

    /// <summary><c>(a, b, c)</c>.</summary>
    private ImmutableArray<Identifier> ParseIdentifierList()
    {
        var items = ImmutableArray.CreateBuilder<Identifier>();
        ParseListInParens(() =>
        {
            if (ParseQualifiedNameOrEmpty() is { } name)
            {
                items.Add(name);
            }
        });
        return items.ToImmutable();
    }

    /// <summary><c>( entry, .. )</c>: an entry that does not end at <c>,</c> or <c>)</c> is skipped to the next one.</summary>
    private void ParseListInParens(Action entry)
    {
        if (!Expect(TokenKind.LParen, "'('"))
        {
            return;
        }

        while (!At(TokenKind.RParen) && !AtEnd)
        {
            var before = _pos;
            entry();
            if (Accept(TokenKind.Comma))
            {
                continue;
            }

            if (!At(TokenKind.RParen))
            {
                Report("unexpected-token", $"expected ',' or ')', found {Describe(Current)}", Current.Span);
                SkipToSync(stopAtComma: true, stopAtClause: false, force: _pos == before);
                Accept(TokenKind.Comma);
            }

            if (_pos == before)
            {
                break;
            }
        }

        Expect(TokenKind.RParen, "')'");
    }

    /// <summary>The last part of a possibly qualified name (<c>t.col</c> names <c>col</c>), or null when there is no name.</summary>
    private Identifier? ParseQualifiedNameOrEmpty()
    {
        if (!IsAnyName(Current))
        {
            return null;
        }

        return ParseQualifiedName().Last;
    }
}
