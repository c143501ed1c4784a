using ImpactBot.Core.Platform;
using ImpactBot.GitHub.Events;

namespace ImpactBot.Cli.Ci.GitHub;

/// <summary>
/// <c>/impact</c> (or <c>/impact full</c>: without the cached snapshot) in a pull request comment: only users with write access
/// (read from the API) may rerun. Eyes at once, then a rocket when published, or confused plus a reply saying why.
/// </summary>
internal sealed class SlashCommandHandler(GitHubActionsJob job)
{
    public async Task<int> HandleAsync(GitHubTrigger trigger, CancellationToken cancellationToken)
    {
        var commentId = trigger.CommentId!.Value;
        var platform = job.Platform;
        var commenter = trigger.CommentAuthor ?? trigger.Sender ?? "";
        var access = commenter.Length == 0 ? AccessLevel.None : await platform.GetAccessLevelAsync(commenter, cancellationToken).ConfigureAwait(false);
        if (access < AccessLevel.Write)
        {
            await platform.RefuseCommandAsync(commentId, commenter, "`/impact` needs write access to this repository; ask someone with write access to run it.", cancellationToken).ConfigureAwait(false);
            await job.Log.NoticeAsync($"/impact by {commenter} ignored: {access.ToString().ToLowerInvariant()} access, write needed.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        await platform.AddReactionAsync(commentId, Reaction.Eyes, cancellationToken).ConfigureAwait(false);
        int code;
        try
        {
            // GITHUB_SHA is the default branch on issue_comment: the pull request's commits come from the API.
            var pull = await platform.GetPullRequestAsync(cancellationToken).ConfigureAwait(false);
            code = await job.AnalyseAndPublishAsync(pull.BaseSha, pull.HeadSha, useSnapshot: !trigger.Full, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var (_, message) = ExitCodeMap.For(e);
            var run = job.RunUrl is { } url ? $" Details: {url}" : "";
            await platform.RefuseCommandAsync(commentId, commenter, $"ImpactBot could not rerun the analysis: {FirstLine(message)}{run}", cancellationToken).ConfigureAwait(false);
            throw;
        }

        await platform.AddReactionAsync(commentId, Reaction.Rocket, cancellationToken).ConfigureAwait(false);
        return code;
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.StartsWith("error: ", StringComparison.Ordinal) ? line["error: ".Length..] : line;
    }
}
