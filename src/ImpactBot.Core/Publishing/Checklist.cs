using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace ImpactBot.Core.Publishing;

/// <summary>
/// Reads and rewrites the checklist lines of a report (see <see cref="ReportMarker.ItemMarker"/>). GitHub and GitLab both
/// toggle <c>[ ]</c>/<c>[x]</c> in the comment body when someone clicks a box, so the body is the store of acknowledgements.
/// Who acknowledged (<c>by</c>, <c>via</c>) and who tried without counting (<c>no</c>) are written only by the bot, from the
/// account of the event; they are never taken from a body a person edited.
/// </summary>
public static partial class Checklist
{
    public const string ViaTick = "tick";

    /// <summary>How a GitHub issue comment is named in <c>via=</c>: <c>ic</c> and its id (the page anchor is <c>#issuecomment-ID</c>).</summary>
    public static string ViaGitHubComment(long id) => "ic" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How a GitLab note is named in <c>via=</c>: <c>n</c> and its id (the page anchor is <c>#note_ID</c>).</summary>
    public static string ViaGitLabNote(long id) => "n" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The anchor of a command comment on the request's page, or null for a tick or an unknown form.</summary>
    public static string? Anchor(string? via) => via switch
    {
        ['i', 'c', .. var id] when id.Length > 0 && id.All(char.IsAsciiDigit) => "#issuecomment-" + id,
        ['n', .. var id] when id.Length > 0 && id.All(char.IsAsciiDigit) => "#note_" + id,
        _ => null,
    };

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
    /// Ticks in <paramref name="newBody"/> take the state (and the recorded acknowledgement) that the same item id has in
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
            return old is null ? match.Value : Rewrite(match, old.Ticked, old.Ticked ? old : old with { AcknowledgedBy = null, Via = null });
        });
    }

    /// <summary>
    /// The items a person's edit ticked: ticked in <paramref name="body"/> but not acknowledged (ticked with a recorded
    /// acknowledger) in <paramref name="previousBody"/>. GitLab sends no previous body: pass the current one, and ticks without
    /// a recorded acknowledger are the new ones.
    /// </summary>
    public static ImmutableArray<ChecklistItem> NewTicks(string body, string? previousBody)
    {
        ArgumentNullException.ThrowIfNull(body);
        var before = Parse(previousBody ?? "").ToDictionary(i => i.Id, StringComparer.Ordinal);
        return [.. Parse(body).Where(i => i.Ticked && before.GetValueOrDefault(i.Id) is not { Recorded: true })];
    }

    /// <summary>
    /// After a person's edit (the box states of <paramref name="body"/>): each item's recorded acknowledgement comes from
    /// <paramref name="previousBody"/>, never from the edited body, so rewriting a hidden <c>by=</c> changes nothing. New ticks
    /// record <paramref name="editor"/>; a new tick in <paramref name="refused"/> is unticked and recorded as not counted;
    /// unticked items forget their acknowledger.
    /// </summary>
    public static string ApplyEdit(string body, string? previousBody, string editor, IReadOnlyDictionary<string, AckRefusal> refused)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrEmpty(editor);
        ArgumentNullException.ThrowIfNull(refused);
        var before = Parse(previousBody ?? "").ToDictionary(i => i.Id, StringComparer.Ordinal);
        var login = editor.TrimStart('@');
        return ItemLine().Replace(body, match =>
        {
            var item = ToItem(match);
            var old = before.GetValueOrDefault(item.Id);
            var state = new ChecklistItem(item.Id, item.Ticked, item.Severity) { Refused = old?.Refused };
            if (!item.Ticked)
            {
                return Rewrite(match, ticked: false, state);
            }

            if (old is { Recorded: true })
            {
                return Rewrite(match, ticked: true, old);
            }

            return refused.TryGetValue(item.Id, out var why)
                ? Rewrite(match, ticked: false, state with { Refused = new RefusedAck(login, ViaTick, why) })
                : Rewrite(match, ticked: true, state with { AcknowledgedBy = login, Via = ViaTick, Refused = null });
        });
    }

    /// <summary>
    /// An <c>/impact ack</c> by <paramref name="actor"/> (comment anchor <paramref name="via"/>): items whose decision is null are
    /// ticked and recorded as acknowledged by the actor; the others keep their state and record the refusal.
    /// </summary>
    public static string ApplyCommand(string body, string actor, string via, IReadOnlyDictionary<string, AckRefusal?> decisions)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        ArgumentException.ThrowIfNullOrEmpty(via);
        ArgumentNullException.ThrowIfNull(decisions);
        var login = actor.TrimStart('@');
        return ItemLine().Replace(body, match =>
        {
            var item = ToItem(match);
            if (!decisions.TryGetValue(item.Id, out var why))
            {
                return match.Value;
            }

            return why is { } refusal
                ? Rewrite(match, item.Ticked, item with { Refused = new RefusedAck(login, via, refusal) })
                : Rewrite(match, ticked: true, item with { AcknowledgedBy = login, Via = via, Refused = null });
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
            Via = attributes.GetValueOrDefault("via"),
            Refused = ParseRefused(attributes.GetValueOrDefault("no")),
            Was = attributes.GetValueOrDefault("was"),
            Text = match.Groups["text"].Value.TrimEnd(),
        };
    }

    private static RefusedAck? ParseRefused(string? text) =>
        text?.Split(':') is [var by, var via, var why] && by.Length > 1 && via.Length > 0 && RefusalNames.TryParse(why, out var refusal)
            ? new RefusedAck(by.TrimStart('@'), via, refusal)
            : null;

    /// <summary>The line with its box set and its acknowledgement attributes replaced by those of <paramref name="state"/>.</summary>
    private static string Rewrite(Match match, bool ticked, ChecklistItem state)
    {
        var attrs = AckAttribute().Replace(match.Groups["attrs"].Value, "").TrimEnd();
        if (ticked && state.AcknowledgedBy is { } by && ReportMarker.IsToken(by))
        {
            attrs += " by=@" + by.TrimStart('@');
            if (state.Via is { } via && ReportMarker.IsToken(via))
            {
                attrs += " via=" + via;
            }
        }

        if (state.Refused is { } refused && ReportMarker.IsToken(refused.By) && ReportMarker.IsToken(refused.Via) && !refused.Via.Contains(':', StringComparison.Ordinal))
        {
            attrs += $" no=@{refused.By.TrimStart('@')}:{refused.Via}:{RefusalNames.Name(refused.Why)}";
        }

        return $"{match.Groups["lead"].Value}{(ticked ? 'x' : ' ')}{match.Groups["mid"].Value}<!-- impactbot:item={match.Groups["id"].Value}{attrs} -->";
    }

    [GeneratedRegex(@"^(?<lead>[ \t]*[-*+][ \t]+\[)(?<tick>[ xX])(?<mid>\][ \t]+(?<text>[^\r\n]*?))<!-- impactbot:item=(?<id>[^\s>]+)(?<attrs>[^>\r\n]*?)[ \t]*-->[ \t]*(?=\r?$)", RegexOptions.Multiline)]
    private static partial Regex ItemLine();

    [GeneratedRegex(@"[ \t]+(?:by|via|no)=\S+")]
    private static partial Regex AckAttribute();
}
