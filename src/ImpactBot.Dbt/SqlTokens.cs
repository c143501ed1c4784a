namespace ImpactBot.Dbt;

/// <summary>A minimal SQL tokenizer for finding statement targets: words, quoted identifiers, symbols; skips comments and strings.</summary>
internal static class SqlTokens
{
    public enum Kind
    {
        Word,
        QuotedIdentifier,
        Symbol,
    }

    public readonly record struct Token(Kind Kind, string Text, int Start, int Line)
    {
        public bool IsWord(string word) => Kind == Kind.Word && Text.Equals(word, StringComparison.OrdinalIgnoreCase);
    }

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '\n')
            {
                line++;
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && next == '-')
            {
                i = Skip(text, text.IndexOf('\n', i));
            }
            else if (c == '/' && next == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + 2;
                line += text.AsSpan(i, end - i).Count('\n');
                i = end;
            }
            else if (c == '\'')
            {
                var end = i + 1;
                while (end < text.Length && !(text[end] == '\'' && (end + 1 >= text.Length || text[end + 1] != '\'')))
                {
                    end += text[end] == '\'' ? 2 : 1;
                }

                line += text.AsSpan(i, Math.Min(end + 1, text.Length) - i).Count('\n');
                i = end + 1;
            }
            else if (c is '"' or '[' or '`')
            {
                var close = c == '[' ? ']' : c;
                var end = text.IndexOf(close, i + 1);
                end = end < 0 ? text.Length : end;
                tokens.Add(new Token(Kind.QuotedIdentifier, text[(i + 1)..end], i, line));
                line += text.AsSpan(i, end - i).Count('\n');
                i = end + 1;
            }
            else if (char.IsLetter(c) || c is '_' or '#' or '@' or '$')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '#' or '@' or '$'))
                {
                    i++;
                }

                tokens.Add(new Token(Kind.Word, text[start..i], start, line));
            }
            else
            {
                tokens.Add(new Token(Kind.Symbol, c.ToString(), i, line));
                i++;
            }
        }

        return tokens;
    }

    private static int Skip(string text, int index) => index < 0 ? text.Length : index;
}
