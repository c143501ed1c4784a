using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Syntax.Lexing;

namespace ImpactBot.Sql.Syntax.Parsing;

// `*` and `t.*` select items with EXCLUDE / EXCEPT / REPLACE / RENAME / ILIKE.
internal sealed partial class Parser
{
    private StarSelectItem ParseStarItem(int start)
    {
        QualifiedName? qualifier = null;
        if (!At(TokenKind.Star))
        {
            var parts = ImmutableArray.CreateBuilder<Identifier>();
            while (!At(TokenKind.Star))
            {
                parts.Add(MakeIdentifier(Current));
                Advance();
                Advance();
            }

            qualifier = new QualifiedName(parts.ToImmutable(), SpanOf(start, _pos - 1));
        }

        Advance();
        return ParseStarModifiers(new StarSelectItem(qualifier, default), start);
    }

    /// <summary>EXCLUDE / EXCEPT / REPLACE / RENAME / ILIKE after a star.</summary>
    private StarSelectItem ParseStarModifiers(StarSelectItem item, int start)
    {
        while (true)
        {
            var token = Current;
            if (token.Is(Keyword.Exclude))
            {
                Advance();
                item = item with { Exclude = item.Exclude.AddRange(ParseStarNames()) };
            }
            else if (token.Is(Keyword.Except) && Peek().Kind == TokenKind.LParen && !IsQueryStartAfterParens(1))
            {
                Advance();
                item = item with { Exclude = item.Exclude.AddRange(ParseStarNames()) };
            }
            else if (token.Is(Keyword.Replace) && Peek().Kind == TokenKind.LParen)
            {
                Advance();
                item = item with { Replace = item.Replace.AddRange(ParseStarReplacements()) };
            }
            else if (token.Is(Keyword.Rename))
            {
                Advance();
                item = item with { Rename = item.Rename.AddRange(ParseStarRenames()) };
            }
            else if (token.Keyword is Keyword.Ilike or Keyword.Like && token.Kind == TokenKind.Word && Peek().Kind == TokenKind.String)
            {
                Advance();
                item = item with { ILikePattern = Literals.DecodeString(_text, Current, _dialect) };
                Advance();
            }
            else
            {
                return item with { Span = SpanFrom(start) };
            }
        }
    }

    /// <summary><c>(a, t.b)</c> or a single name.</summary>
    private ImmutableArray<QualifiedName> ParseStarNames()
    {
        if (!Accept(TokenKind.LParen))
        {
            return IsAnyName(Current) ? [ParseQualifiedName()] : [];
        }

        var names = ImmutableArray.CreateBuilder<QualifiedName>();
        while (IsAnyName(Current))
        {
            names.Add(ParseQualifiedName());
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        CloseStarList();
        return names.ToImmutable();
    }

    private ImmutableArray<StarReplacement> ParseStarReplacements()
    {
        Advance();
        var items = ImmutableArray.CreateBuilder<StarReplacement>();
        while (!IsCloser(Current.Kind))
        {
            var start = _pos;
            var expr = ParseExpr();
            Expect(Keyword.As);
            var column = ParseIdentifier("the replaced column");
            items.Add(new StarReplacement(expr, column, SpanFrom(start)));
            if (!Accept(TokenKind.Comma) || _pos == start)
            {
                break;
            }
        }

        CloseStarList();
        return items.ToImmutable();
    }

    private ImmutableArray<StarRename> ParseStarRenames()
    {
        var parenthesised = Accept(TokenKind.LParen);
        var items = ImmutableArray.CreateBuilder<StarRename>();
        while (IsAnyName(Current))
        {
            var start = _pos;
            var column = ParseQualifiedName();
            Expect(Keyword.As);
            var newName = ParseIdentifier("the new column name");
            items.Add(new StarRename(column, newName, SpanFrom(start)));
            if (!parenthesised || !Accept(TokenKind.Comma))
            {
                break;
            }
        }

        if (parenthesised)
        {
            CloseStarList();
        }

        return items.ToImmutable();
    }

    private void CloseStarList()
    {
        if (!At(TokenKind.RParen))
        {
            var bad = _pos;
            SkipToSync(stopAtComma: false, stopAtClause: false);
            MakeOpaque(bad, _pos, bad, "')' to close the star modifier");
        }

        Accept(TokenKind.RParen);
    }
}
