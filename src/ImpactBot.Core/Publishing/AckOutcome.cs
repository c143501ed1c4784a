using System.Collections.Immutable;
using System.Text;
using ImpactBot.Core.Platform;

namespace ImpactBot.Core.Publishing;

/// <summary>What an <c>/impact ack</c> did: the items it acknowledged, those it could not (with why), ids it did not find.</summary>
public sealed record AckOutcome(
    ImmutableArray<ChecklistItem> Counted,
    ImmutableArray<(ChecklistItem Item, AckRefusal Why)> Refused,
    ImmutableArray<string> Unknown,
    StatusDecision? Status)
{
    /// <summary>No report comment to acknowledge in.</summary>
    public static AckOutcome NoReport { get; } = new([], [], [], null);

    /// <summary>Everything named was acknowledged (or already was): the bot only reacts.</summary>
    public bool Complete => Status is not null && Refused.IsEmpty && Unknown.IsEmpty;

    /// <summary>
    /// The audit trail on the command itself: 🚀 when something was acknowledged (or everything named already was), 😕
    /// otherwise; a reply to the author when not everything counted.
    /// </summary>
    public async Task RespondAsync(IReviewPlatform platform, long commandCommentId, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var done = Status is not null && (Complete || !Counted.IsEmpty);
        await platform.AddReactionAsync(commandCommentId, done ? Reaction.Rocket : Reaction.Confused, cancellationToken).ConfigureAwait(false);
        if (Reply(actor) is { } reply)
        {
            await platform.CreateCommentAsync(reply, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The reply to the command's author when not everything counted; null when a reaction says it all.</summary>
    public string? Reply(string actor)
    {
        if (Status is null)
        {
            return $"@{actor} there is no ImpactBot report on this request yet to acknowledge in; run `/impact` first.";
        }

        if (Complete)
        {
            return null;
        }

        var text = new StringBuilder($"@{actor} `/impact ack`:");
        if (!Counted.IsEmpty)
        {
            text.Append(" acknowledged ").AppendJoin(", ", Counted.Select(i => $"`{i.ShortId}`")).Append('.');
        }

        foreach (var group in Refused.GroupBy(r => RefusalNames.Reason(r.Why, r.Item.Owners)).Take(5))
        {
            text.Append(' ').AppendJoin(", ", group.Take(10).Select(r => $"`{r.Item.ShortId}`")).Append(group.Count() > 10 ? ", …" : "")
                .Append(" did not count: ").Append(group.Key).Append('.');
        }

        if (!Unknown.IsEmpty)
        {
            text.Append(" No single item has the id ").AppendJoin(", ", Unknown.Select(u => $"`{u}`")).Append(" (use the ids shown on the items).");
        }

        return text.ToString();
    }
}
