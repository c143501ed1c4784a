namespace ImpactBot.Dbt.Jinja;

/// <summary>Splits template text into text and tag segments, dropping comments and applying whitespace control.</summary>
internal static class TemplateLexer
{
    /// <summary>The segments; an unclosed tag makes the rest of the template text and is reported via <paramref name="error"/>.</summary>
    public static List<TemplateSegment> Split(string source, out JinjaSyntaxException? error)
    {
        error = null;
        var segments = new List<TemplateSegment>();
        var pos = 0;
        var trimNext = false;
        while (pos < source.Length)
        {
            var open = FindOpen(source, pos);
            if (open < 0)
            {
                AddText(segments, source, pos, source.Length, trimNext, trimEnd: false);
                break;
            }

            var kind = source[open + 1];
            var trimBefore = open + 2 < source.Length && source[open + 2] == '-';
            var contentStart = open + 2 + (open + 2 < source.Length && source[open + 2] is '-' or '+' ? 1 : 0);
            var close = FindClose(source, contentStart, kind switch { '{' => "}}", '%' => "%}", _ => "#}" }, skipStrings: kind != '#');
            if (close < 0)
            {
                error = new JinjaSyntaxException(kind == '#' ? "unclosed comment" : "unclosed tag", open);
                AddText(segments, source, pos, source.Length, trimNext, trimEnd: false);
                break;
            }

            AddText(segments, source, pos, open, trimNext, trimBefore);
            var trimAfter = source[close - 1] == '-' && close - 1 >= contentStart;
            var contentEnd = trimAfter ? close - 1 : close;
            trimNext = trimAfter;
            pos = close + 2;
            if (kind == '#')
            {
                continue;
            }

            if (kind == '%' && source.AsSpan(contentStart, contentEnd - contentStart).Trim().SequenceEqual("raw"))
            {
                var endRaw = FindEndRaw(source, pos, out var afterEndRaw);
                if (endRaw < 0)
                {
                    error = new JinjaSyntaxException("'{% raw %}' is never closed by '{% endraw %}'; the rest of the file is read as text", open);
                }

                var rawEnd = endRaw < 0 ? source.Length : endRaw;
                segments.Add(new(SegmentKind.Text, source[pos..rawEnd], pos, rawEnd, pos, rawEnd));
                pos = endRaw < 0 ? source.Length : afterEndRaw;
                trimNext = false;
                continue;
            }

            segments.Add(new(kind == '{' ? SegmentKind.Output : SegmentKind.Statement, "", contentStart, contentEnd, open, close + 2));
        }

        return segments;
    }

    private static void AddText(List<TemplateSegment> segments, string source, int start, int end, bool trimStart, bool trimEnd)
    {
        while (trimStart && start < end && char.IsWhiteSpace(source[start]))
        {
            start++;
        }

        while (trimEnd && end > start && char.IsWhiteSpace(source[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            segments.Add(new(SegmentKind.Text, source[start..end], start, end, start, end));
        }
    }

    private static int FindOpen(string source, int from)
    {
        for (var i = source.IndexOf('{', from); i >= 0 && i + 1 < source.Length; i = source.IndexOf('{', i + 1))
        {
            if (source[i + 1] is '{' or '%' or '#')
            {
                return i;
            }
        }

        return -1;
    }

    private static int FindClose(string source, int from, string close, bool skipStrings)
    {
        var i = from;
        while (i < source.Length - 1)
        {
            var c = source[i];
            if (skipStrings && c is '\'' or '"')
            {
                // A backslash escapes the next character, so '\\\\' ends at its second quote.
                var end = i + 1;
                while (end < source.Length && source[end] != c)
                {
                    end += source[end] == '\\' ? 2 : 1;
                }

                if (end >= source.Length)
                {
                    return -1;
                }

                i = end + 1;
                continue;
            }

            if (c == close[0] && source[i + 1] == close[1])
            {
                return i;
            }

            i++;
        }

        return -1;
    }

    private static int FindEndRaw(string source, int from, out int after)
    {
        after = -1;
        for (var open = FindOpen(source, from); open >= 0; open = FindOpen(source, open + 2))
        {
            if (source[open + 1] != '%')
            {
                continue;
            }

            var close = source.IndexOf("%}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                return -1;
            }

            if (source.AsSpan(open + 2, close - open - 2).Trim("-+ \t\r\n").SequenceEqual("endraw"))
            {
                after = close + 2;
                return open;
            }
        }

        return -1;
    }
}
