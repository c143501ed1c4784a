using ImpactBot.Core.Impact;
using System.Collections.Immutable;

namespace ImpactBot.Core.Publishing;

/// <summary>
/// One checklist line of a report: <c>- [ ] text &lt;!-- impactbot:item=ID severity=S owners=@a,@b by=@c --&gt;</c>.
/// <see cref="AcknowledgedBy"/> is the login recorded as having ticked the box (null if unknown or unticked).
/// </summary>
public sealed record ChecklistItem(string Id, bool Ticked, Severity Severity)
{
    public ImmutableArray<string> Owners { get; init; } = [];

    public string? AcknowledgedBy { get; init; }

    /// <summary>The visible text between the box and the hidden marker.</summary>
    public string Text { get; init; } = "";
}
