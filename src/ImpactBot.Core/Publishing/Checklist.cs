using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace ImpactBot.Core.Publishing;

/// <summary>
/// Reads and rewrites the checklist lines of a report (see <see cref="ReportMarker.ItemMarker"/>). GitHub and GitLab both
/// toggle <c>[ ]</c>/<c>[x]</c> in the comment body when someone clicks a box, so the body is the store of acknowledgements.
/// </summary>
public static partial class Checklist
{
    public static ImmutableArray<ChecklistItem> Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var items = ImmutableArray.CreateBuilder<ChecklistItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in ItemLine().Matches(body))
        {
            var item = ToItem(match);
            if (seen.Add(item.Id))
            {
                items.Add(item);
            }
        }

        return items.ToImmutable();
    }

    /// <summary>
    /// Ticks in <paramref name="newBody"/> take the state (and the recorded acknowledger) that the same item id has in
    /// <paramref name="liveBody"/>; items that no longer exist are dropped with their ticks, new items keep their state. An
    /// item not in the live body takes the tick recorded under its earlier id (<c>was=</c>): after an upgrade that changed
    /// the item keys, what was acknowledged stays acknowledged.
    /// </summary>
    public static string CarryTicks(string newBody, string liveBody)
    {
        ArgumentNullException.ThrowIfNull(newBody);
        var live = Parse(liveBody).ToDictionary(i => i.Id, StringComparer.Ordinal);
        return ItemLine().Replace(newBody, match =>
        {
            var item = ToItem(match);
            var old = live.GetValueOrDefault(item.Id) ?? (item.Was is { } was ? live.GetValueOrDefault(was) : null);
            return old is null ? match.Value : Rewrite(match, old.Ticked, old.Ticked ? old.AcknowledgedBy : null);
        });
    }

    /// <summary>
    /// After a human edit (GitHub <c>issue_comment.edited</c>): items ticked now but not in <paramref name="previousBody"/>
    /// record <paramref name="editor"/> as their acknowledger; unticked items forget theirs.
    /// </summary>
    public static string RecordAcknowledgements(string body, string? previousBody, string editor)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrEmpty(editor);
        var before = Parse(previousBody ?? "").ToDictionary(i => i.Id, i => i.Ticked, StringComparer.Ordinal);
        return ItemLine().Replace(body, match =>
        {
            var item = ToItem(match);
            if (!item.Ticked)
            {
                return item.AcknowledgedBy is null ? match.Value : Rewrite(match, ticked: false, acknowledgedBy: null);
            }

            var newlyTicked = !before.GetValueOrDefault(item.Id);
            return newlyTicked || item.AcknowledgedBy is null ? Rewrite(match, ticked: true, editor) : match.Value;
        });
    }

    private static ChecklistItem ToItem(Match match)
    {
        var attributes = ReportMarker.ParseAttributes(match.Groups["attrs"].Value);
        var owners = attributes.TryGetValue("owners", out var list)
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries).ToImmutableArray()
            : [];
        return new ChecklistItem(match.Groups["id"].Value, match.Groups["tick"].Value != " ", ReportMarker.ParseSeverity(attributes.GetValueOrDefault("severity")))
        {
            Owners = owners,
            AcknowledgedBy = attributes.GetValueOrDefault("by")?.TrimStart('@'),
            Was = attributes.GetValueOrDefault("was"),
            Text = match.Groups["text"].Value.TrimEnd(),
        };
    }

    private static string Rewrite(Match match, bool ticked, string? acknowledgedBy)
    {
        var attrs = ByAttribute().Replace(match.Groups["attrs"].Value, "").TrimEnd();
        if (acknowledgedBy is not null)
        {
            attrs += " by=@" + acknowledgedBy.TrimStart('@');
        }

        return $"{match.Groups["lead"].Value}{(ticked ? 'x' : ' ')}{match.Groups["mid"].Value}<!-- impactbot:item={match.Groups["id"].Value}{attrs} -->";
    }

    [GeneratedRegex(@"^(?<lead>[ \t]*[-*+][ \t]+\[)(?<tick>[ xX])(?<mid>\][ \t]+(?<text>[^\r\n]*?))<!-- impactbot:item=(?<id>[^\s>]+)(?<attrs>[^>\r\n]*?)[ \t]*-->[ \t]*(?=\r?$)", RegexOptions.Multiline)]
    private static partial Regex ItemLine();

    [GeneratedRegex(@"[ \t]+by=\S+")]
    private static partial Regex ByAttribute();
}
