using System.Text;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Syntax.Lexing;
using ImpactBot.Sql.Text;

namespace ImpactBot.Sql.Syntax;

/// <summary>SQL text as its tokens say it, for comparing fragments that do not parse on their own (a filter clause).</summary>
public static class SqlTokenText
{
    /// <summary>
    /// The tokens separated by one space, unquoted words lower-cased: comments, spacing and the case of keywords and
    /// names do not count; strings, numbers and quoted names do, as the dialect reads them.
    /// </summary>
    public static string Normalize(string sql, DialectFacts dialect)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var tokens = Lexer.Tokenize(sql, dialect, new List<Diagnostic>(), out var count);
        try
        {
            var sb = new StringBuilder(sql.Length);
            for (var i = 0; i < count && tokens[i].Kind != TokenKind.EndOfInput; i++)
            {
                var text = sql.AsSpan(tokens[i].Start, tokens[i].Length);
                sb.Append(i > 0 ? " " : "");
                if (tokens[i].Kind == TokenKind.Word)
                {
                    foreach (var c in text)
                    {
                        sb.Append(char.ToLowerInvariant(c));
                    }
                }
                else
                {
                    sb.Append(text);
                }
            }

            return sb.ToString();
        }
        finally
        {
            Lexer.Release(tokens);
        }
    }

    /// <summary>
    /// Whether every place <paramref name="word"/> occurs in <paramref name="sql"/> leaves its lineage alone: inside a
    /// string or a comment, or in the name of the relation a FROM or JOIN reads. Anywhere else it names a column, an
    /// alias or a function.
    /// </summary>
    public static bool OnlyInStringsOrRelations(string sql, DialectFacts dialect, string word) => OnlyIn(sql, dialect, word, relations: true);

    /// <summary>Whether <paramref name="word"/> occurs in <paramref name="sql"/> only inside strings and comments.</summary>
    public static bool OnlyInStrings(string sql, DialectFacts dialect, string word) => OnlyIn(sql, dialect, word, relations: false);

    private static bool OnlyIn(string sql, DialectFacts dialect, string word, bool relations)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(word);
        var tokens = Lexer.Tokenize(sql, dialect, new List<Diagnostic>(), out var count);
        try
        {
            for (var i = 0; i < count && tokens[i].Kind != TokenKind.EndOfInput; i++)
            {
                if (tokens[i].Kind == TokenKind.String || !sql.AsSpan(tokens[i].Start, tokens[i].Length).Contains(word, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!relations || tokens[i].Kind is not (TokenKind.Word or TokenKind.QuotedIdentifier) || !InRelationName(tokens, i))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            Lexer.Release(tokens);
        }
    }

    /// <summary>Whether the name part at <paramref name="index"/> is in a dotted name right after FROM or JOIN.</summary>
    private static bool InRelationName(Token[] tokens, int index)
    {
        var first = index;
        while (first >= 2 && tokens[first - 1].Kind == TokenKind.Dot && tokens[first - 2].Kind is TokenKind.Word or TokenKind.QuotedIdentifier)
        {
            first -= 2;
        }

        return first >= 1 && (tokens[first - 1].Is(Keyword.From) || tokens[first - 1].Is(Keyword.Join));
    }
}
