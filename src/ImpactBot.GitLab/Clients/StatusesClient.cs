using ImpactBot.GitLab.Errors;
using ImpactBot.GitLab.Http;
using ImpactBot.GitLab.Models;

namespace ImpactBot.GitLab.Clients;

/// <summary>POST /projects/:id/statuses/:sha.</summary>
public sealed class StatusesClient
{
    private const int MaxDescriptionLength = 255;

    private readonly GitLabConnection connection;

    internal StatusesClient(GitLabConnection connection) => this.connection = connection;

    /// <summary>
    /// Sets the commit status named <see cref="GitLabCommitStatusUpdate.Name"/>. Returns null when GitLab already had
    /// it in the requested state.
    /// </summary>
    /// <remarks>
    /// GitLab runs statuses through a state machine and refuses a repeat with 400 (newer versions may answer 409)
    /// "Cannot transition status via :run from :running". A refusal whose "from" state is the state asked for means a
    /// retried or repeated request already took effect: success. Any other conflict (a concurrent update of the same
    /// status) is retried once, then raised as <see cref="GitLabConflictException"/>.
    /// </remarks>
    public async Task<GitLabCommitStatus?> SetAsync(GitLabProjectId project, GitLabCommitStatusUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var state = StateName(update.State);
        var request = GitLabRequest.Json(
            HttpMethod.Post,
            $"projects/{project.Encoded}/statuses/{Uri.EscapeDataString(update.Sha)}",
            new CommitStatusBody(state, update.Name)
            {
                Ref = update.Ref,
                TargetUrl = update.TargetUrl,
                Description = Shorten(update.Description),
                PipelineId = update.PipelineId,
            },
            GitLabJsonContext.Default.CommitStatusBody);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await connection.SendAsync(request, GitLabJsonContext.Default.GitLabCommitStatus, cancellationToken).ConfigureAwait(false);
            }
            catch (GitLabConflictException ex) when (string.Equals(GitLabErrorMap.TransitionFrom(ex.GitLabMessage), state, StringComparison.Ordinal))
            {
                return null;
            }
            catch (GitLabConflictException) when (attempt == 1)
            {
            }
        }
    }

    internal static string StateName(GitLabCommitState state) => state switch
    {
        GitLabCommitState.Pending => "pending",
        GitLabCommitState.Running => "running",
        GitLabCommitState.Success => "success",
        GitLabCommitState.Failed => "failed",
        GitLabCommitState.Canceled => "canceled",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown commit state."),
    };

    private static string? Shorten(string? description) =>
        description is { Length: > MaxDescriptionLength } ? description[..(MaxDescriptionLength - 1)] + "…" : description;
}
