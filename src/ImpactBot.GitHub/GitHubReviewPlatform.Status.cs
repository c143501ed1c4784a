using ImpactBot.Core.Platform;
using ImpactBot.GitHub.Errors;
using Microsoft.Extensions.Logging;
using Octokit;
using CommitStatus = ImpactBot.Core.Platform.CommitStatus;

namespace ImpactBot.GitHub;

public sealed partial class GitHubReviewPlatform
{
    /// <summary>GitHub accepts at most 50 annotations per check-run request; more go in follow-up updates.</summary>
    internal const int AnnotationsPerRequest = 50;

    private const int MaxSummaryLength = 65_535;
    private const int MaxDescriptionLength = 140;
    private bool checkRunsRefused;

    /// <summary>
    /// A completed check run named <see cref="CommitStatus.Context"/> where the token may create one; after a 403 (the
    /// token lacks <c>checks: write</c>, or is not an app token) a commit status with the same context instead.
    /// <see cref="StatusState.Error"/> fails the check (a broken analysis must not pass a required check silently).
    /// </summary>
    public async Task SetStatusAsync(CommitStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (!checkRunsRefused)
        {
            try
            {
                await CreateCheckRunAsync(status, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (GitHubAuthorizationException e) when (e.StatusCode == 403)
            {
                checkRunsRefused = true;
                LogCheckRunsRefused(connection.Logger, e.Message, null);
            }
        }

        var commitStatus = new NewCommitStatus
        {
            State = status.State switch
            {
                StatusState.Pending => CommitState.Pending,
                StatusState.Success => CommitState.Success,
                StatusState.Failure => CommitState.Failure,
                _ => CommitState.Error,
            },
            Context = status.Context,
            Description = Shorten(status.Description, MaxDescriptionLength),
            TargetUrl = status.TargetUrl,
        };
        await connection.RunAsync(
            GitHubOperation.CreateStatus,
            _ => Client.Repository.Status.Create(Owner, Repository, status.Sha, commitStatus),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task CreateCheckRunAsync(CommitStatus status, CancellationToken cancellationToken)
    {
        var batches = status.Annotations.Chunk(AnnotationsPerRequest).ToList();
        var title = Shorten(status.Description, MaxDescriptionLength);
        var summary = Shorten(status.Summary ?? status.Description, MaxSummaryLength);
        NewCheckRunOutput Output(int batch) => new(title, summary)
        {
            Annotations = batch < batches.Count ? [.. batches[batch].Select(ToAnnotation)] : null,
        };

        var run = new NewCheckRun(status.Context, status.Sha)
        {
            DetailsUrl = status.TargetUrl,
            Output = Output(0),
        };
        if (status.State == StatusState.Pending)
        {
            run.Status = CheckStatus.InProgress;
        }
        else
        {
            run.Status = CheckStatus.Completed;
            run.Conclusion = status.State == StatusState.Success ? CheckConclusion.Success : CheckConclusion.Failure;
            run.CompletedAt = connection.Time.GetUtcNow();
        }

        var created = await connection.RunAsync(GitHubOperation.CreateCheckRun, _ => Client.Check.Run.Create(Owner, Repository, run), cancellationToken).ConfigureAwait(false);
        for (var batch = 1; batch < batches.Count; batch++)
        {
            var update = new CheckRunUpdate { Output = Output(batch) };
            await connection.RunAsync(GitHubOperation.CreateCheckRun, _ => Client.Check.Run.Update(Owner, Repository, created.Id, update), cancellationToken).ConfigureAwait(false);
        }
    }

    private static NewCheckRunAnnotation ToAnnotation(StatusAnnotation annotation) =>
        new(annotation.Path, Math.Max(1, annotation.Line), Math.Max(1, annotation.Line), CheckAnnotationLevel.Warning, annotation.Message)
        {
            Title = annotation.Title,
        };

    private static string Shorten(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    [LoggerMessage(Level = LogLevel.Information, Message = "Check runs refused, using a commit status instead: {Reason}")]
    private static partial void LogCheckRunsRefused(ILogger logger, string reason, Exception? exception);
}
