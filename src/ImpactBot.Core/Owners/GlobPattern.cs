namespace ImpactBot.Core.Owners;

/// <summary>
/// A gitignore-style path pattern as CODEOWNERS and <c>ignore</c> use it: <c>*</c> and <c>?</c> within a segment,
/// <c>**</c> across segments, a leading or inner <c>/</c> anchors to the root, a pattern without one matches at any
/// depth, and a pattern naming a directory matches everything under it (except <c>dir/*</c>, which is one level only).
/// </summary>
public sealed class GlobPattern
{
    private readonly string[] _segments;
    private readonly bool _matchesContents;

    public GlobPattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Text = pattern;
        var p = pattern.Trim();
        var directoryOnly = p.EndsWith('/');
        p = p.Trim('/');
        var anchored = pattern.TrimStart().StartsWith('/') || p.Contains('/', StringComparison.Ordinal);
        var segments = p.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!anchored && segments.Count > 0 && segments[0] != "**")
        {
            segments.Insert(0, "**");
        }

        _segments = [.. segments];
        _matchesContents = directoryOnly || (segments.Count > 0 && segments[^1] != "*");
        DirectoryOnly = directoryOnly;
    }

    public string Text { get; }

    private bool DirectoryOnly { get; }

    /// <summary>True when the repository-relative <paramref name="path"/> ('/'-separated) matches.</summary>
    public bool IsMatch(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = path.Trim('/').Split('/');
        return _segments.Length > 0 && Match(0, parts, 0);
    }

    private bool Match(int pi, string[] parts, int si)
    {
        if (pi == _segments.Length)
        {
            // The pattern named a directory that holds the path; a directory-only pattern never matches the file itself.
            return si < parts.Length ? _matchesContents : !DirectoryOnly;
        }

        if (_segments[pi] == "**")
        {
            for (var k = si; k <= parts.Length; k++)
            {
                if (Match(pi + 1, parts, k))
                {
                    return true;
                }
            }

            return false;
        }

        return si < parts.Length && MatchSegment(_segments[pi], 0, parts[si], 0) && Match(pi + 1, parts, si + 1);
    }

    private static bool MatchSegment(string pattern, int p, string text, int t)
    {
        while (p < pattern.Length)
        {
            var c = pattern[p];
            if (c == '*')
            {
                for (var k = t; k <= text.Length; k++)
                {
                    if (MatchSegment(pattern, p + 1, text, k))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (t >= text.Length || (c != '?' && c != text[t]))
            {
                return false;
            }

            p++;
            t++;
        }

        return t == text.Length;
    }

    public override string ToString() => Text;
}
