using System.Globalization;
using ImpactBot.GitLab.Http;
using ImpactBot.GitLab.Models;

namespace ImpactBot.GitLab.Clients;

/// <summary>GET /projects/:id/members/all/:user_id and GET /groups/:id/members/all/:user_id.</summary>
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

    /// <summary>
    /// The member of a group (id or full path such as <c>acme/data</c>) with direct or inherited access, or null when the user is
    /// not a member or the group does not exist (404).
    /// </summary>
    public Task<GitLabMember?> GetGroupMemberIncludingInheritedAsync(string group, long userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        return connection.GetOrNullAsync(
            string.Create(CultureInfo.InvariantCulture, $"groups/{Uri.EscapeDataString(group.Trim('/'))}/members/all/{userId}"),
            GitLabJsonContext.Default.GitLabMember,
            cancellationToken);
    }
}
