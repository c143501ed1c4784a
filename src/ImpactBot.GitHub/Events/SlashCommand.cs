using System.Text.RegularExpressions;
using ImpactBot.Core.Platform;

namespace ImpactBot.GitHub.Events;

/// <summary><c>/impact</c> or <c>/impact full</c> alone on the first line of a comment (<c>/impact ack</c> is <see cref="Core.Publishing.AckCommand"/>).</summary>
public static partial class SlashCommand
{
    /// <summary>null when the comment is not a command; <c>Full</c> for <c>/impact full</c>.</summary>
    public static (bool Full, string? Error)? Parse(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return null;
        }

        var end = body.IndexOf('\n', StringComparison.Ordinal);
        var first = (end < 0 ? body : body[..end]).Trim();
        var match = Command().Match(first);
        if (!match.Success)
        {
            return null;
        }

        var argument = match.Groups["arg"].Value;
        return argument.Length switch
        {
            0 => (false, null),
            _ when argument.Equals("full", StringComparison.OrdinalIgnoreCase) => (true, null),
            _ => (false, $"unknown /impact argument '{TextPreview.Of(argument)}' (use /impact, /impact full or /impact ack ID|all)"),
        };
    }

    [GeneratedRegex(@"^/impact(?:\s+(?<arg>.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Command();
}
