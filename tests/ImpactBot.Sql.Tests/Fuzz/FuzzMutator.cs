using System.Text;

namespace ImpactBot.Sql.Tests.Fuzz;

/// <summary>Deterministic mutations of a seed query: truncation, token edits, noise characters, unbalanced brackets, deep nesting.</summary>
internal sealed class FuzzMutator(int seed)
{
    private static readonly string[] Noise =
    [
        "\0", "\uFFFF", "\uFEFF", "\u200B", "\uD800", "\uDC00", "😀", "é", "\t", "\r", "\r\n", "\\", "'", "\"", "`", "[", "]", "(", ")",
        "{{", "}}", "{%", "%}", "{#", "$$", "$1", "::", ":", "--", "/*", "*/", "@", "#", ";", ",", ".", "..", "=>", "->", "|", "~",
        "select", "from", "where", "GO", "end", "case", "over (", "lateral", "qualify", "pivot", "E'", "N'", "0x", "1e999",
    ];

    private readonly Random random = new(seed);

    public string Mutate(string sql)
    {
        var mutated = sql;
        var edits = 1 + random.Next(3);
        for (var i = 0; i < edits; i++)
        {
            mutated = random.Next(8) switch
            {
                0 => mutated[..random.Next(mutated.Length + 1)],
                1 => DropToken(mutated),
                2 => DuplicateToken(mutated),
                3 => ShuffleTokens(mutated),
                4 => Insert(mutated, Noise[random.Next(Noise.Length)]),
                5 => Insert(mutated, RandomText()),
                6 => Insert(mutated, random.Next(2) == 0 ? new string('(', 1 + random.Next(5)) : new string(')', 1 + random.Next(5))),
                _ => Nest(mutated),
            };
        }

        return mutated;
    }

    private string DropToken(string sql)
    {
        var tokens = Tokens(sql);
        if (tokens.Count > 1)
        {
            tokens.RemoveAt(random.Next(tokens.Count));
        }

        return string.Concat(tokens);
    }

    private string DuplicateToken(string sql)
    {
        var tokens = Tokens(sql);
        if (tokens.Count > 0)
        {
            var at = random.Next(tokens.Count);
            tokens.Insert(at, tokens[at]);
        }

        return string.Concat(tokens);
    }

    private string ShuffleTokens(string sql)
    {
        var tokens = Tokens(sql);
        var start = random.Next(Math.Max(1, tokens.Count));
        var end = Math.Min(tokens.Count, start + 2 + random.Next(12));
        for (var i = end - 1; i > start; i--)
        {
            var j = start + random.Next(i - start + 1);
            (tokens[i], tokens[j]) = (tokens[j], tokens[i]);
        }

        return string.Concat(tokens);
    }

    private string Insert(string sql, string text) => sql.Insert(random.Next(sql.Length + 1), text);

    private string RandomText()
    {
        var text = new StringBuilder();
        var length = 1 + random.Next(8);
        for (var i = 0; i < length; i++)
        {
            text.Append((char)random.Next(random.Next(2) == 0 ? 128 : 0xFFFF));
        }

        return text.ToString();
    }

    /// <summary>Wraps a random stretch in parentheses, tens or hundreds of levels deep.</summary>
    private string Nest(string sql)
    {
        var depth = random.Next(2) == 0 ? 1 + random.Next(20) : 100 + random.Next(400);
        var at = random.Next(sql.Length + 1);
        var end = at + random.Next(sql.Length - at + 1);
        var prefix = random.Next(3) == 0 ? "(select " : "(";
        return sql[..at] + string.Concat(Enumerable.Repeat(prefix, depth)) + sql[at..end] + new string(')', depth) + sql[end..];
    }

    /// <summary>Words, single punctuation characters and whitespace runs, so edits move whole tokens.</summary>
    private static List<string> Tokens(string sql)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < sql.Length)
        {
            var start = i;
            if (char.IsLetterOrDigit(sql[i]) || sql[i] == '_')
            {
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '_'))
                {
                    i++;
                }
            }
            else if (char.IsWhiteSpace(sql[i]))
            {
                while (i < sql.Length && char.IsWhiteSpace(sql[i]))
                {
                    i++;
                }
            }
            else
            {
                i++;
            }

            tokens.Add(sql[start..i]);
        }

        return tokens;
    }
}
