namespace ImpactBot.Core.Platform;

/// <summary>How the bot turns down a slash command, the same on every platform and path (Actions job or serve).</summary>
public static class CommandReplies
{
    /// <summary>A confused reaction on the command, and a reply that tells its author why.</summary>
    public static async Task RefuseCommandAsync(this IReviewPlatform platform, long commandId, string user, string reason, CancellationToken cancellationToken)
    {
        await platform.AddReactionAsync(commandId, Reaction.Confused, cancellationToken).ConfigureAwait(false);
        await platform.CreateCommentAsync($"@{user} {reason}", cancellationToken).ConfigureAwait(false);
    }
}
