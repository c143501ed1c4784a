using System.Globalization;
using ImpactBot.GitLab.Http;
using ImpactBot.GitLab.Models;

namespace ImpactBot.GitLab.Clients;

/// <summary>GET /projects/:id/merge_requests/:iid.</summary>
public sealed class MergeRequestsClient
{
    private readonly GitLabConnection connection;

    internal MergeRequestsClient(GitLabConnection connection) => this.connection = connection;

    public Task<GitLabMergeRequest> GetAsync(GitLabProjectId project, long mergeRequestIid, CancellationToken cancellationToken) =>
        connection.GetAsync(Path(project, mergeRequestIid), GitLabJsonContext.Default.GitLabMergeRequest, cancellationToken);

    internal static string Path(GitLabProjectId project, long mergeRequestIid) =>
        string.Create(CultureInfo.InvariantCulture, $"projects/{project.Encoded}/merge_requests/{mergeRequestIid}");
}
