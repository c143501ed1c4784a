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
}
