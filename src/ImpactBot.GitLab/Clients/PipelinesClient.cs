using System.Globalization;
using ImpactBot.GitLab.Http;
using ImpactBot.GitLab.Models;

namespace ImpactBot.GitLab.Clients;

/// <summary>POST /projects/:id/merge_requests/:iid/pipelines and POST /projects/:id/pipeline.</summary>
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

    /// <summary>
    /// Starts a branch pipeline on <paramref name="reference"/> with CI/CD variables (GitLab 11.0+). It is not a merge request
    /// pipeline: CI_MERGE_REQUEST_* are unset and CI_PIPELINE_SOURCE is "api", so the variables must say which merge request.
    /// </summary>
    public Task<GitLabPipeline> CreateWithVariablesAsync(GitLabProjectId project, string reference, IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var body = new PipelineBody(reference, [.. variables.Select(v => new PipelineVariable(v.Key, v.Value))]);
        return connection.SendAsync(
            GitLabRequest.Json(HttpMethod.Post, string.Create(CultureInfo.InvariantCulture, $"projects/{project.Encoded}/pipeline"), body, GitLabJsonContext.Default.PipelineBody, GitLabRetryMode.RateLimitOnly),
            GitLabJsonContext.Default.GitLabPipeline,
            cancellationToken);
    }
}
