using ImpactBot.Core.Impact;
using System.Collections.Immutable;

namespace ImpactBot.Core.Publishing;

/// <summary>
/// One checklist line of a report: <c>- [ ] text &lt;!-- impactbot:item=ID severity=S owners=@a,@b was=OLD by=@c via=tick --&gt;</c>.
/// <see cref="Id"/> is the hash of the item's key (root cause, asset), stable across reruns; <see cref="AcknowledgedBy"/> is the
/// account the bot recorded as having acknowledged it (null if unknown or unticked), <see cref="Via"/> how: <c>tick</c> or the
/// <c>/impact ack</c> comment (<c>ic123</c> on GitHub, <c>n456</c> on GitLab; see <see cref="Checklist.Anchor"/>).
/// </summary>
public sealed record ChecklistItem(string Id, bool Ticked, Severity Severity)
{
    public ImmutableArray<string> Owners { get; init; } = [];

    public string? AcknowledgedBy { get; init; }

    public string? Via { get; init; }

    /// <summary>The last acknowledgement of this item that did not count (<c>no=@login:via:why</c>), shown with its reason.</summary>
    public RefusedAck? Refused { get; init; }

    /// <summary>The visible text between the box and the hidden marker.</summary>
    public string Text { get; init; } = "";

    /// <summary>The id this finding had in reports of earlier versions (one item per asset); its tick carries over once.</summary>
    public string? Was { get; init; }

    /// <summary>A short form of <see cref="Id"/> to name the item in a command or a reply.</summary>
    public string ShortId => Id.Length > ShortIdLength ? Id[..ShortIdLength] : Id;

    /// <summary>Acknowledged as the bot recorded it: ticked with a known acknowledger.</summary>
    public bool Recorded => Ticked && AcknowledgedBy is not null;

    public const int ShortIdLength = 7;
}

/// <summary>An acknowledgement that did not count: who, how (<c>tick</c> or a command's anchor) and why.</summary>
public sealed record RefusedAck(string By, string Via, AckRefusal Why);
