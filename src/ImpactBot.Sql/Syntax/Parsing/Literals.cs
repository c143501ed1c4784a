using System.Text;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Syntax.Lexing;

namespace ImpactBot.Sql.Syntax.Parsing;

/// <summary>Turns the raw text of string and quoted-identifier tokens into their values.</summary>
internal static class Literals
{
    public static string DecodeQuotedIdentifier(string text, in Token token)
    {
        var open = text[token.Start];
        var close = open == '[' ? ']' : open;
        var terminated = (token.Flags & TokenFlags.Unterminated) == 0 && token.Length >= 2;
        var inner = text.AsSpan(token.Start + 1, token.Length - (terminated ? 2 : 1));
        var doubled = new string(close, 2);
        return inner.Contains(doubled, StringComparison.Ordinal)
            ? inner.ToString().Replace(doubled, close.ToString(), StringComparison.Ordinal)
            : inner.ToString();
    }

    public static string DecodeString(string text, in Token token, DialectFacts dialect)
    {
        var raw = text.AsSpan(token.Start, token.Length);
        var terminated = (token.Flags & TokenFlags.Unterminated) == 0;
        if (raw[0] == '$')
        {
            var tagEnd = raw[1..].IndexOf('$') + 2;
            var bodyEnd = terminated ? raw.Length - tagEnd : raw.Length;
            return bodyEnd > tagEnd ? raw[tagEnd..bodyEnd].ToString() : string.Empty;
        }

        var prefix = 0;
        while (prefix < raw.Length && raw[prefix] is not ('\'' or '"'))
        {
            prefix++;
        }

        var rawPrefix = raw[..prefix].Contains('r') || raw[..prefix].Contains('R');
        var escapePrefix = prefix == 1 && raw[0] is 'e' or 'E';
        var backslashes = !rawPrefix && (dialect.BackslashEscapes || escapePrefix);
        if (prefix >= raw.Length)
        {
            return string.Empty;
        }

        var quote = raw[prefix];
        var quoteLength = raw.Length - prefix >= 6 && raw[prefix + 1] == quote && raw[prefix + 2] == quote && dialect.TripleQuotedStrings ? 3 : 1;
        var bodyStart = prefix + quoteLength;
        var bodyLength = raw.Length - bodyStart - (terminated ? quoteLength : 0);
        if (bodyLength <= 0)
        {
            return string.Empty;
        }

        var body = raw.Slice(bodyStart, bodyLength);
        if (body.IndexOf(quote) < 0 && (!backslashes || body.IndexOf('\\') < 0))
        {
            return body.ToString();
        }

        return Unescape(body, quote, backslashes);
    }

    private static string Unescape(ReadOnlySpan<char> body, char quote, bool backslashes)
    {
        var builder = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == quote && i + 1 < body.Length && body[i + 1] == quote)
            {
                builder.Append(quote);
                i++;
            }
            else if (c == '\\' && backslashes && i + 1 < body.Length)
            {
                i++;
                builder.Append(body[i] switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    '0' => '\0',
                    var other => other,
                });
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
