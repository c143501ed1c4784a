namespace ImpactBot.Core.Analysis;

/// <summary>Minimal gitignore-style globs for the <c>ignore</c> key: <c>*</c> within a segment, <c>**</c> across segments, a trailing <c>/</c> for folders.</summary>
public static class PathGlob
{
    public static bool MatchesAny(IEnumerable<string> patterns, string path)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        return patterns.Any(p => Matches(p, path));
    }

    public static bool Matches(string pattern, string path)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(path);
        var p = pattern.TrimStart('/');
        if (p.EndsWith('/'))
        {
            p += "**";
        }

        return Match(p.AsSpan(), path.AsSpan());
    }

    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        while (!pattern.IsEmpty)
        {
            if (pattern.StartsWith("**"))
            {
                var rest = pattern[2..].TrimStart('/');
                if (rest.IsEmpty)
                {
                    return true;
                }

                for (var i = 0; i <= text.Length; i++)
                {
                    if ((i == 0 || text[i - 1] == '/') && Match(rest, text[i..]))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (pattern[0] == '*')
            {
                for (var i = 0; i <= text.Length && (i == 0 || text[i - 1] != '/'); i++)
                {
                    if (Match(pattern[1..], text[i..]))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (text.IsEmpty || (pattern[0] != '?' && pattern[0] != text[0]) || (pattern[0] == '?' && text[0] == '/'))
            {
                return false;
            }

            pattern = pattern[1..];
            text = text[1..];
        }

        return text.IsEmpty;
    }
}
