using ImpactBot.Core.Impact;
using System.Collections.Immutable;

namespace ImpactBot.Core.Publishing;

/// <summary>
/// One checklist line of a report: <c>- [ ] text &lt;!-- impactbot:item=ID severity=S owners=@a,@b was=OLD by=@c --&gt;</c>.
/// <see cref="Id"/> is the hash of the item's key (root cause, asset), stable across reruns; <see cref="AcknowledgedBy"/> is the
/// login recorded as having ticked the box (null if unknown or unticked).
/// </summary>
public sealed record ChecklistItem(string Id, bool Ticked, Severity Severity)
{
    public ImmutableArray<string> Owners { get; init; } = [];

    public string? AcknowledgedBy { get; init; }

    /// <summary>The visible text between the box and the hidden marker.</summary>
    public string Text { get; init; } = "";

    /// <summary>The id this finding had in reports of earlier versions (one item per asset); its tick carries over once.</summary>
    public string? Was { get; init; }

    /// <summary>A short form of <see cref="Id"/> to name the item in a command or a reply.</summary>
    public string ShortId => Id.Length > ShortIdLength ? Id[..ShortIdLength] : Id;

    public const int ShortIdLength = 7;
}
