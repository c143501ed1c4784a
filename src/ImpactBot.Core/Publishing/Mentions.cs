using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace ImpactBot.Core.Publishing;

/// <summary>
/// Owners are notified once: a rerun rewrites <c>@handle</c> mentions the previous report already made into a code span
/// <c>`@handle`</c>. Both GitHub and GitLab skip code spans when they look for mentions (an HTML-comment split such as
/// <c>@&lt;!-- --&gt;x</c> relies on sanitiser details), and the handle stays readable.
/// </summary>
public static partial class Mentions
{
    /// <summary>Every handle the body mentions, live or already quoted, outside hidden HTML comments.</summary>
    public static ImmutableHashSet<string> Find(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var handles = ImmutableHashSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in Token().Matches(body))
        {
            if (match.Groups["comment"].Success)
            {
                continue;
            }

            var scope = match.Groups["code"].Success ? match.Groups["code"].Value : match.Value;
            foreach (Match mention in Mention().Matches(scope))
            {
                handles.Add(Trim(mention.Groups["handle"].Value));
            }
        }

        return handles.ToImmutable();
    }

    /// <summary>The body with mentions already present in <paramref name="previousBody"/> quoted so they do not notify again.</summary>
    public static string SuppressRepeated(string body, string? previousBody)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrEmpty(previousBody))
        {
            return body;
        }

        var known = Find(previousBody);
        return Token().Replace(body, match =>
        {
            if (!match.Groups["handle"].Success)
            {
                return match.Value;
            }

            var handle = Trim(match.Groups["handle"].Value);
            var tail = match.Groups["handle"].Value[handle.Length..];
            return known.Contains(handle) ? $"`@{handle}`{tail}" : match.Value;
        });
    }

    private static string Trim(string handle) => handle.TrimEnd('.', '-');

    [GeneratedRegex(@"(?<comment><!--.*?-->)|(?<code>```.*?```|`[^`\n]*`)|(?<![\w@/`])@(?<handle>[A-Za-z0-9_][A-Za-z0-9_.\-]*(?:/[A-Za-z0-9_.\-]+)*)", RegexOptions.Singleline)]
    private static partial Regex Token();

    [GeneratedRegex(@"(?<![\w@/])@(?<handle>[A-Za-z0-9_][A-Za-z0-9_.\-]*(?:/[A-Za-z0-9_.\-]+)*)")]
    private static partial Regex Mention();
}
