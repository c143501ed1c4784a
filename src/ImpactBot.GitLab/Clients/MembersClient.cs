using System.Globalization;
using ImpactBot.GitLab.Http;
using ImpactBot.GitLab.Models;

namespace ImpactBot.GitLab.Clients;

/// <summary>GET /projects/:id/members/all/:user_id.</summary>
public sealed class MembersClient
{
    private readonly GitLabConnection connection;

    internal MembersClient(GitLabConnection connection) => this.connection = connection;

    /// <summary>The member with direct or inherited (group) access, or null when the user is not a member (404).</summary>
    public Task<GitLabMember?> GetIncludingInheritedAsync(GitLabProjectId project, long userId, CancellationToken cancellationToken) =>
        connection.GetOrNullAsync(
            string.Create(CultureInfo.InvariantCulture, $"projects/{project.Encoded}/members/all/{userId}"),
            GitLabJsonContext.Default.GitLabMember,
            cancellationToken);
}
