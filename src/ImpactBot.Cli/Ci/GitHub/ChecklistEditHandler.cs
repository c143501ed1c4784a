using ImpactBot.Core.Platform;
using ImpactBot.GitHub.Events;

namespace ImpactBot.Cli.Ci.GitHub;

/// <summary>
/// Someone ticked or unticked boxes in the bot's own report: record who acknowledged what and recompute the status on the
/// pull request's head. Nothing is analysed again. Edits of other comments, and the bot's own edits, are ignored.
/// </summary>
internal sealed class ChecklistEditHandler(GitHubActionsJob job)
{
    public async Task<int> HandleAsync(GitHubTrigger trigger, CancellationToken cancellationToken)
    {
        var platform = job.Platform;
        var bot = await platform.GetCurrentUserAsync(cancellationToken).ConfigureAwait(false);
        var author = trigger.CommentAuthor ?? "";
        var editor = trigger.Sender ?? "";
        if (!string.Equals(author, bot, StringComparison.OrdinalIgnoreCase))
        {
            await job.Log.NoticeAsync($"the edited comment is by {author}, not by the bot ({bot}); nothing to do.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        if (editor.Length == 0 || string.Equals(editor, bot, StringComparison.OrdinalIgnoreCase))
        {
            await job.Log.NoticeAsync("the bot edited its own report; nothing to do.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var pull = await platform.GetPullRequestAsync(cancellationToken).ConfigureAwait(false);
        var config = await job.ConfigAtAsync(pull.HeadSha, cancellationToken).ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow;
        var comment = new ReviewComment(trigger.CommentId!.Value, author, trigger.CommentBody ?? "", now, now);
        var status = await new Core.Publishing.ReviewSession(platform, job.SessionOptions(config, pull.HeadSha))
            .AcknowledgeAsync(comment, trigger.PreviousBody, editor, pull.HeadSha, cancellationToken).ConfigureAwait(false);
        await job.Log.InfoAsync($"ImpactBot: {editor} changed the checklist; status {status.State.ToString().ToLowerInvariant()}: {status.Description}").ConfigureAwait(false);
        return job.Settings.FailJob && status.State == StatusState.Failure ? ExitCodes.FailOnMet : ExitCodes.Ok;
    }
}
