using System.Collections.Immutable;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Text;
using Dom = Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ImpactBot.Sql.TSql;

/// <summary>
/// Finds the dotted names in a fragment's tokens that are not followed by <c>(</c>. A flat scan, not a tree walk,
/// so it works on fragments too deep or too unusual to map.
/// </summary>
internal static class TSqlReferenceScanner
{
    public static ImmutableArray<ColumnRef> Scan(Dom.TSqlFragment fragment)
    {
        var tokens = fragment.ScriptTokenStream;
        if (tokens is null || fragment.FirstTokenIndex < 0)
        {
            return [];
        }

        var last = Math.Min(fragment.LastTokenIndex, tokens.Count - 1);
        var references = ImmutableArray.CreateBuilder<ColumnRef>();
        var parts = new List<Identifier>();
        var expectPart = true;
        for (var i = fragment.FirstTokenIndex; i <= last + 1; i++)
        {
            var token = i <= last ? tokens[i] : null;
            if (token is not null && TSqlSyntax.IsTrivia(token))
            {
                continue;
            }

            if (token is not null && expectPart && IsName(token))
            {
                parts.Add(Part(token));
                expectPart = false;
                continue;
            }

            if (token is { TokenType: Dom.TSqlTokenType.Dot } && parts.Count > 0 && !expectPart)
            {
                expectPart = true;
                continue;
            }

            if (parts.Count > 0 && token is not { TokenType: Dom.TSqlTokenType.LeftParenthesis })
            {
                var start = parts[0].Span;
                references.Add(new ColumnRef([.. parts], start.Through(parts[^1].Span)));
            }

            parts.Clear();
            expectPart = true;
            if (token is not null && IsName(token))
            {
                parts.Add(Part(token));
                expectPart = false;
            }
        }

        return references.ToImmutable();
    }

    private static bool IsName(Dom.TSqlParserToken token) =>
        token.TokenType is Dom.TSqlTokenType.Identifier or Dom.TSqlTokenType.QuotedIdentifier;

    private static Identifier Part(Dom.TSqlParserToken token)
    {
        var span = new SourceSpan(token.Offset, token.Text.Length, token.Line, token.Column);
        return token.TokenType == Dom.TSqlTokenType.QuotedIdentifier && token.Text.Length >= 2
            ? new Identifier(Unquote(token.Text), true, span)
            : new Identifier(token.Text, false, span);
    }

    private static string Unquote(string text)
    {
        var close = text[0] == '[' ? "]" : text[..1];
        return text[1..^1].Replace(close + close, close, StringComparison.Ordinal);
    }
}
