using ImpactBot.Core.Platform;
using ImpactBot.Core.Publishing;
using ImpactBot.GitHub.Events;

namespace ImpactBot.Cli.Ci.GitHub;

/// <summary>
/// <c>/impact ack ID…</c> or <c>/impact ack all</c> in a pull request comment: acknowledges the named items as the comment's
/// author under the repository's <c>acknowledge</c> policy (read at the head through the API), records it in the report and
/// recomputes the check. Nothing is analysed; no checkout is needed.
/// </summary>
internal sealed class AckCommandHandler(GitHubActionsJob job)
{
    public async Task<int> HandleAsync(GitHubTrigger trigger, CancellationToken cancellationToken)
    {
        var commentId = trigger.CommentId!.Value;
        var platform = job.Platform;
        var actor = trigger.CommentAuthor ?? trigger.Sender ?? "";
        if (trigger.Ack is not { } command || actor.Length == 0)
        {
            var problem = trigger.AckError ?? "the command's author is unknown";
            await platform.RefuseCommandAsync(commentId, actor, problem + ".", cancellationToken).ConfigureAwait(false);
            await job.Log.NoticeAsync($"/impact ack by {actor} not read: {problem}.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var pull = await platform.GetPullRequestAsync(cancellationToken).ConfigureAwait(false);
        var config = await job.ConfigAtAsync(pull.HeadSha, cancellationToken).ConfigureAwait(false);
        var session = new Core.Publishing.ReviewSession(platform, job.SessionOptions(config, pull.HeadSha));
        var outcome = await session.AcknowledgeByCommandAsync(command, actor, Checklist.ViaGitHubComment(commentId), pull.HeadSha, cancellationToken).ConfigureAwait(false);
        await outcome.RespondAsync(platform, commentId, actor, cancellationToken).ConfigureAwait(false);
        await job.Log.InfoAsync($"ImpactBot: /impact ack by {actor}: {outcome.Counted.Length} acknowledged, {outcome.Refused.Length} did not count, {outcome.Unknown.Length} unknown; status {outcome.Status?.State.ToString().ToLowerInvariant() ?? "unchanged"}: {outcome.Status?.Description ?? "no report"}").ConfigureAwait(false);
        return job.Settings.FailJob && outcome.Status?.State == StatusState.Failure ? ExitCodes.FailOnMet : ExitCodes.Ok;
    }
}
