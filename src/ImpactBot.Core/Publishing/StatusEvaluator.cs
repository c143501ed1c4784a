using ImpactBot.Core.Config;
using ImpactBot.Core.Impact;
using System.Collections.Immutable;
using ImpactBot.Core.Platform;

namespace ImpactBot.Core.Publishing;

/// <summary>Turns the checklist of a report into the required status: failing while a blocking item is not acknowledged.</summary>
public static class StatusEvaluator
{
    /// <summary>GitHub's limit for a commit status description.</summary>
    public const int MaxDescriptionLength = 140;

    /// <summary>The status of a report body: its checklist, and the items it declares but no longer shows.</summary>
    public static StatusDecision Evaluate(string body, StatusPolicy policy, Func<ChecklistItem, bool>? counts = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return WithDeclaredInputErrors(Evaluate(Checklist.Parse(body), policy, counts, ReportMarker.ParseItemsLine(body)), body);
    }

    /// <summary>A body that declares input errors fails whatever is ticked: ticks acknowledge impacts, not unreadable input.</summary>
    public static StatusDecision WithDeclaredInputErrors(StatusDecision status, string body)
    {
        ArgumentNullException.ThrowIfNull(status);
        var errors = ReportMarker.ParseInputErrors(body);
        return errors == 0
            ? status
            : status with { State = StatusState.Failure, Description = $"{errors} input error{(errors == 1 ? "" : "s")}: see the report's problems; fix the input and push" };
    }

    /// <param name="counts">
    /// Whether a ticked item's recorded acknowledgement counts (decided by <see cref="AcknowledgementRules"/>); used unless the
    /// policy is anyone-with-write. Without it, only an acknowledger named among the item's owners counts.
    /// </param>
    /// <param name="declared">
    /// How many items of each severity the report was rendered with (its items line). Items it declares but the body no
    /// longer holds (the body was cut) block as unacknowledged: a lost item never stops gating the merge.
    /// </param>
    public static StatusDecision Evaluate(IEnumerable<ChecklistItem> items, StatusPolicy policy, Func<ChecklistItem, bool>? counts = null, IReadOnlyDictionary<Severity, int>? declared = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(policy);
        items = [.. items, .. Missing([.. items], declared)];
        var relevant = items.Where(i => Blocks(i.Severity, policy.FailOn)).ToList();
        var unconfirmed = relevant.Where(i => i.Ticked && !IsConfirmed(i, policy, counts)).ToImmutableArray();
        var blocking = relevant.Where(i => !i.Ticked).Concat(unconfirmed).ToImmutableArray();
        var state = blocking.IsEmpty ? StatusState.Success : StatusState.Failure;
        return new StatusDecision(state, Limit(Describe(policy.FailOn, relevant.Count, blocking, unconfirmed.Length)), blocking, unconfirmed);
    }

    public static bool Blocks(Severity severity, FailOn failOn) => failOn switch
    {
        FailOn.Breaking => severity == Severity.Breaking,
        FailOn.Values => severity >= Severity.Values,
        FailOn.Any => true,
        _ => false,
    };

    /// <summary>Stand-ins for declared items the body lost, one per missing item, never ticked.</summary>
    private static IEnumerable<ChecklistItem> Missing(List<ChecklistItem> shown, IReadOnlyDictionary<Severity, int>? declared)
    {
        if (declared is null)
        {
            return [];
        }

        return declared.SelectMany(d => Enumerable.Range(0, Math.Max(0, d.Value - shown.Count(i => i.Severity == d.Key)))
            .Select(n => new ChecklistItem($"missing-{d.Key.ToName()}-{n + 1}", false, d.Key) { Text = "an item missing from the comment" }));
    }

    private static bool IsConfirmed(ChecklistItem item, StatusPolicy policy, Func<ChecklistItem, bool>? counts)
    {
        if (policy.Acknowledge == AcknowledgePolicy.AnyoneWithWrite)
        {
            return true;
        }

        return item.AcknowledgedBy is { } by
            && (counts?.Invoke(item) ?? item.Owners.Any(o => string.Equals(o.TrimStart('@'), by, StringComparison.OrdinalIgnoreCase)));
    }

    private static string Describe(FailOn failOn, int relevant, ImmutableArray<ChecklistItem> blocking, int unconfirmed)
    {
        var kind = failOn switch
        {
            FailOn.Breaking => "breaking ",
            FailOn.Values => "breaking or value ",
            _ => "",
        };
        if (failOn == FailOn.Never)
        {
            return "Report only (fail-on: never)";
        }

        if (blocking.IsEmpty)
        {
            return relevant == 0 ? $"No {kind}impacts" : $"All {relevant} {kind}{Noun(relevant)} acknowledged";
        }

        var counts = blocking
            .GroupBy(i => i.Severity)
            .OrderByDescending(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key.ToName()}")
            .ToList();
        var listed = counts.Count == 1 ? counts[0] : string.Join(", ", counts[..^1]) + " and " + counts[^1];
        var text = $"{listed} {Noun(blocking.Length)} awaiting acknowledgement";
        return unconfirmed == 0 ? text : $"{text} ({unconfirmed} ticked by someone who may not acknowledge)";
    }

    private static string Noun(int count) => count == 1 ? "impact" : "impacts";

    private static string Limit(string text) =>
        text.Length <= MaxDescriptionLength ? text : string.Concat(text.AsSpan(0, MaxDescriptionLength - 1), "…");
}
