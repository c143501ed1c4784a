using ImpactBot.GitLab.Http;
using ImpactBot.GitLab.Models;

namespace ImpactBot.GitLab.Clients;

/// <summary>POST /projects/:id/merge_requests/:iid/pipelines.</summary>
public sealed class PipelinesClient
{
    private readonly GitLabConnection connection;

    internal PipelinesClient(GitLabConnection connection) => this.connection = connection;

    /// <summary>
    /// Starts a new merge request pipeline. A creation cannot be checked afterwards, so it is retried only after a 429
    /// (rejected unprocessed), never after a timeout or 5xx that may have started a pipeline already.
    /// </summary>
    public Task<GitLabPipeline> CreateForMergeRequestAsync(GitLabProjectId project, long mergeRequestIid, CancellationToken cancellationToken) =>
        connection.SendAsync(
            new GitLabRequest(HttpMethod.Post, MergeRequestsClient.Path(project, mergeRequestIid) + "/pipelines", GitLabRetryMode.RateLimitOnly),
            GitLabJsonContext.Default.GitLabPipeline,
            cancellationToken);
}
