using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Syntax.Ast;

namespace ImpactBot.Sql.Lineage.Binding;

/// <summary>Identifier comparison and spelling under a dialect's folding, without allocating a folded copy per comparison.</summary>
internal static class Names
{
    public static bool Same(string a, bool aQuoted, string b, bool bQuoted, IdentifierFolding folding)
    {
        switch (folding)
        {
            case IdentifierFolding.Exact:
                return string.Equals(a, b, StringComparison.Ordinal);
            case IdentifierFolding.CaseInsensitive:
                return string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
            default:
                if (aQuoted == bQuoted)
                {
                    return string.Equals(a, b, aQuoted ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
                }

                var (quoted, bare) = aQuoted ? (a, b) : (b, a);
                if (quoted.Length != bare.Length)
                {
                    return false;
                }

                var upper = folding == IdentifierFolding.Upper;
                for (var i = 0; i < quoted.Length; i++)
                {
                    var c = upper ? char.ToUpperInvariant(bare[i]) : char.ToLowerInvariant(bare[i]);
                    if (c != quoted[i])
                    {
                        return false;
                    }
                }

                return true;
        }
    }

    public static bool Same(Identifier a, Identifier b, IdentifierFolding folding) => Same(a.Text, a.Quoted, b.Text, b.Quoted, folding);

    /// <summary>The comparison key (allocates; used for hashing and fingerprints, not in lookups).</summary>
    public static string Key(string text, bool quoted, IdentifierFolding folding) => folding switch
    {
        IdentifierFolding.Upper => quoted ? text : text.ToUpperInvariant(),
        IdentifierFolding.Lower => quoted ? text : text.ToLowerInvariant(),
        IdentifierFolding.CaseInsensitive => text.ToLowerInvariant(),
        _ => text,
    };

    /// <summary>
    /// The name as written, quoted only where quoting changes its meaning (a quoted name that folding would alter in a
    /// case-folding dialect), so <c>raw."Events"</c> stays distinguishable from <c>raw.events</c>.
    /// </summary>
    public static string Render(string text, bool quoted, IdentifierFolding folding)
    {
        if (!quoted || folding is not (IdentifierFolding.Upper or IdentifierFolding.Lower))
        {
            return text;
        }

        var upper = folding == IdentifierFolding.Upper;
        foreach (var c in text)
        {
            if ((upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)) != c)
            {
                return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            }
        }

        return text;
    }

    public static string Render(Identifier id, IdentifierFolding folding) => Render(id.Text, id.Quoted, folding);

    /// <summary>Reads a name spelled as a schema gives it: <c>"Id"</c>, <c>`id`</c> or <c>[Id]</c> are quoted, anything else is bare.</summary>
    public static (string Text, bool Quoted) ParseSpelling(string spelling)
    {
        if (spelling.Length >= 2)
        {
            var first = spelling[0];
            var last = spelling[^1];
            if ((first == '"' && last == '"') || (first == '`' && last == '`'))
            {
                return (spelling[1..^1].Replace(new string(first, 2), new string(first, 1), StringComparison.Ordinal), true);
            }

            if (first == '[' && last == ']')
            {
                return (spelling[1..^1], true);
            }
        }

        return (spelling, false);
    }

    /// <summary>Splits a dotted name into parts, keeping dots inside quotes.</summary>
    public static List<(string Text, bool Quoted)> SplitDotted(string name)
    {
        var parts = new List<(string, bool)>();
        var start = 0;
        var quote = '\0';
        for (var i = 0; i <= name.Length; i++)
        {
            if (i == name.Length || (quote == '\0' && name[i] == '.'))
            {
                parts.Add(ParseSpelling(name[start..i].Trim()));
                start = i + 1;
                continue;
            }

            var c = name[i];
            if (quote == '\0' && c is '"' or '`' or '[')
            {
                quote = c == '[' ? ']' : c;
            }
            else if (quote != '\0' && c == quote)
            {
                quote = '\0';
            }
        }

        return parts;
    }
}
