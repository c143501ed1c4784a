using System.Collections.Immutable;
using ImpactBot.Core.Changes;
using ImpactBot.Core.Impact;

namespace ImpactBot.Core.Report;

/// <summary>One root cause (a changed column, or a changed asset's rows) and the items it reaches, ranked.</summary>
public sealed record ReviewSection(string Cause, AssetChange? Change, string Title, ImmutableArray<ReviewItem> Items)
{
    public Severity Worst => Items.IsEmpty ? Severity.Info : Items.Max(i => i.Severity);

    /// <summary>Every affected asset under this cause, folded ones included.</summary>
    public int Affected => Items.Sum(i => 1 + i.Folded.Length);
}
