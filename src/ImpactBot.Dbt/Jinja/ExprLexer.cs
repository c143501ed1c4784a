using System.Text;

namespace ImpactBot.Dbt.Jinja;

/// <summary>Splits the inside of a <c>{{ }}</c> or <c>{% %}</c> tag into tokens.</summary>
internal static class ExprLexer
{
    private static readonly string[] Operators =
        ["**", "//", "==", "!=", "<=", ">=", "(", ")", "[", "]", "{", "}", ",", ":", ".", "|", "~", "+", "-", "*", "/", "%", "<", ">", "="];

    /// <summary>Tokens of <paramref name="source"/>[start..end], ending with an End token.</summary>
    public static List<ExprToken> Tokenize(string source, int start, int end)
    {
        var tokens = new List<ExprToken>();
        var i = start;
        while (i < end)
        {
            var c = source[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var s = i;
                while (i < end && (char.IsLetterOrDigit(source[i]) || source[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new(ExprTokenKind.Name, source[s..i], s));
            }
            else if (c == '0' && i + 2 < end && char.ToLowerInvariant(source[i + 1]) is 'x' or 'o' or 'b' && Uri.IsHexDigit(source[i + 2]))
            {
                // Jinja's 0x / 0o / 0b integers (an address written as 0xa020...), as the decimal number Python makes of them.
                var s = i;
                var radix = char.ToLowerInvariant(source[i + 1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
                var value = System.Numerics.BigInteger.Zero;
                for (i += 2; i < end && (source[i] == '_' || Uri.IsHexDigit(source[i])); i++)
                {
                    if (source[i] != '_')
                    {
                        value = (value * radix) + Uri.FromHex(source[i]);
                    }
                }

                tokens.Add(new(ExprTokenKind.Integer, value.ToString(System.Globalization.CultureInfo.InvariantCulture), s));
            }
            else if (char.IsDigit(c))
            {
                var s = i;
                var isFloat = false;
                while (i < end && (char.IsDigit(source[i]) || source[i] == '_'
                    || (source[i] == '.' && !isFloat && i + 1 < end && char.IsDigit(source[i + 1]))))
                {
                    isFloat |= source[i] == '.';
                    i++;
                }

                tokens.Add(new(isFloat ? ExprTokenKind.Float : ExprTokenKind.Integer, source[s..i].Replace("_", "", StringComparison.Ordinal), s));
            }
            else if (c is '\'' or '"')
            {
                var s = i;
                i = ReadString(source, i, end, out var text);
                tokens.Add(new(ExprTokenKind.String, text, s));
            }
            else
            {
                var op = Array.Find(Operators, o => string.CompareOrdinal(source, i, o, 0, o.Length) == 0 && i + o.Length <= end)
                    ?? throw new JinjaSyntaxException($"unexpected character '{c}'", i);
                tokens.Add(new(ExprTokenKind.Operator, op, i));
                i += op.Length;
            }
        }

        tokens.Add(new(ExprTokenKind.End, "", end));
        return tokens;
    }

    private static int ReadString(string source, int i, int end, out string text)
    {
        var quote = source[i++];
        var sb = new StringBuilder();
        while (i < end && source[i] != quote)
        {
            if (source[i] == '\\' && i + 1 < end)
            {
                i++;
                sb.Append(source[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other });
            }
            else
            {
                sb.Append(source[i]);
            }

            i++;
        }

        if (i >= end)
        {
            throw new JinjaSyntaxException("unterminated string", i);
        }

        text = sb.ToString();
        return i + 1;
    }
}
