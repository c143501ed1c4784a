using System.Collections.Immutable;
using System.Text;
using ImpactBot.Sql.Syntax.Ast;
using ImpactBot.Sql.Text;
using Dom = Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ImpactBot.Sql.TSql;

/// <summary>Spans, names and source text of ScriptDom fragments, shared by the mappers.</summary>
internal static class TSqlSyntax
{
    public static SourceSpan Span(Dom.TSqlFragment fragment) =>
        fragment.StartOffset < 0
            ? SourceSpan.None
            : new SourceSpan(fragment.StartOffset, Math.Max(0, fragment.FragmentLength), fragment.StartLine, fragment.StartColumn);

    public static Identifier Name(Dom.Identifier identifier) =>
        new(identifier.Value ?? "", identifier.QuoteType != Dom.QuoteType.NotQuoted, Span(identifier));

    /// <summary>A name that ScriptDom keeps as a literal: <c>'alias' = expr</c> or <c>expr AS 'alias'</c>. It is delimited, so it counts as quoted.</summary>
    public static Identifier? Alias(Dom.IdentifierOrValueExpression? alias) => alias switch
    {
        null => null,
        { Identifier: { } identifier } => Name(identifier),
        { ValueExpression: Dom.StringLiteral literal } => new Identifier(literal.Value, true, Span(literal)),
        _ => new Identifier(alias.Value, true, Span(alias)),
    };

    public static ImmutableArray<Identifier> Names(IEnumerable<Dom.Identifier?> identifiers) =>
        [.. identifiers.OfType<Dom.Identifier>().Select(Name)];

    /// <summary>A dotted name; the empty parts of <c>db..table</c> are left out.</summary>
    public static QualifiedName Qualified(Dom.MultiPartIdentifier name) => new(Names(name.Identifiers), Span(name));

    public static QualifiedName Qualified(string text, SourceSpan span) => new([new Identifier(text, false, span)], span);

    /// <summary>The last part of each column of a column list (<c>INSERT t (a, b)</c>, <c>MERGE .. INSERT (a, b)</c>).</summary>
    public static ImmutableArray<Identifier> ColumnNames(IEnumerable<Dom.ColumnReferenceExpression> columns) =>
        [.. columns.Select(c => c.MultiPartIdentifier?.Identifiers is { Count: > 0 } parts
            ? Name(parts[^1])
            : new Identifier(SourceText(c), false, Span(c)))];

    /// <summary>The fragment's tokens as written, comments dropped and whitespace collapsed to single spaces.</summary>
    public static string SourceText(Dom.TSqlFragment fragment) => SourceText(fragment, fragment.LastTokenIndex);

    /// <summary>The fragment's text up to <paramref name="lastToken"/>, for fragments whose own end ScriptDom reports short.</summary>
    public static string SourceText(Dom.TSqlFragment fragment, int lastToken)
    {
        var tokens = fragment.ScriptTokenStream;
        if (tokens is null || fragment.FirstTokenIndex < 0)
        {
            return "";
        }

        var text = new StringBuilder();
        var pendingSpace = false;
        for (var i = fragment.FirstTokenIndex; i <= lastToken && i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (IsTrivia(token))
            {
                pendingSpace = text.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                text.Append(' ');
                pendingSpace = false;
            }

            text.Append(token.Text);
        }

        return text.ToString();
    }

    /// <summary>The first <paramref name="count"/> words of a fragment, without reading the rest of it.</summary>
    public static IEnumerable<string> FirstWords(Dom.TSqlFragment fragment, int count)
    {
        var tokens = fragment.ScriptTokenStream;
        if (tokens is null || fragment.FirstTokenIndex < 0)
        {
            yield break;
        }

        for (var i = fragment.FirstTokenIndex; i <= fragment.LastTokenIndex && i < tokens.Count && count > 0; i++)
        {
            if (!IsTrivia(tokens[i]))
            {
                count--;
                yield return tokens[i].Text;
            }
        }
    }

    public static bool IsTrivia(Dom.TSqlParserToken token) =>
        token.TokenType is Dom.TSqlTokenType.WhiteSpace or Dom.TSqlTokenType.SingleLineComment or Dom.TSqlTokenType.MultilineComment;
}
