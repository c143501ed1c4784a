using System.Text;
using System.Text.RegularExpressions;

namespace ImpactBot.Core.Publishing;

/// <summary>
/// The visible audit trail of a report: one line per acknowledgement the bot recorded (who, by a tick or by <c>/impact ack</c>
/// with a link to that comment) and per acknowledgement that did not count, with why. It is written from the items' hidden
/// markers every time the bot writes the body, so it always says what the markers say; handles are code spans (no mention).
/// </summary>
public static partial class AcknowledgementLog
{
    public const string Start = "<!-- impactbot:acks -->";
    public const string End = "<!-- impactbot:acks-end -->";

    /// <summary>Lines shown at most; the rest is a count (the markers keep every one).</summary>
    public const int MaxLines = 15;

    /// <summary>Characters the renderer keeps free for the block (header and <see cref="MaxLines"/> lines).</summary>
    public const int Reserve = 100 + (MaxLines * 180);

    /// <summary>The body with its block rewritten from its items (removed when nothing was acknowledged or refused).</summary>
    public static string Write(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var without = Block().Replace(body, "");
        var lines = Checklist.Parse(without).SelectMany(Lines).ToList();
        if (lines.Count == 0)
        {
            return without;
        }

        var block = new StringBuilder(Start).Append("\n**Acknowledgements**\n");
        foreach (var line in lines.Take(MaxLines))
        {
            block.Append(line).Append('\n');
        }

        if (lines.Count > MaxLines)
        {
            block.Append("- … and ").Append(lines.Count - MaxLines).Append(" more, recorded in the items' hidden markers\n");
        }

        block.Append(End).Append('\n');
        var at = without.IndexOf("<!-- impactbot:items ", StringComparison.Ordinal);
        return at < 0
            ? without.TrimEnd('\n') + "\n\n" + block
            : string.Concat(without.AsSpan(0, at), block.ToString(), "\n", without.AsSpan(at));
    }

    private static IEnumerable<string> Lines(ChecklistItem item)
    {
        if (item.Recorded)
        {
            yield return $"- ✅ `{item.ShortId}` `@{item.AcknowledgedBy}` {How(item.Via)}";
        }

        if (item.Refused is { } refused)
        {
            yield return $"- ⛔ `{item.ShortId}` `@{refused.By}` {How(refused.Via)} — did not count: {RefusalNames.Reason(refused.Why, item.Owners)}";
        }
    }

    private static string How(string? via) => Checklist.Anchor(via) is { } anchor ? $"[/impact ack]({anchor})" : via is null or Checklist.ViaTick ? "ticked" : "/impact ack";

    [GeneratedRegex(@"\n?<!-- impactbot:acks -->.*?<!-- impactbot:acks-end -->\n?", RegexOptions.Singleline)]
    private static partial Regex Block();
}
