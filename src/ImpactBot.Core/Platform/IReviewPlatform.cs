namespace ImpactBot.Core.Platform;

/// <summary>
/// The one port GitHub and GitLab implement (Atlantis/Renovate style). An instance is bound to one repository and one
/// pull/merge request. Adapters map HTTP failures to <see cref="PlatformException"/> subtypes and own their retries.
/// </summary>
public interface IReviewPlatform
{
    /// <summary>The login of the identity behind the token (the bot); its comments are the ones the bot may edit.</summary>
    Task<string> GetCurrentUserAsync(CancellationToken cancellationToken);

    /// <summary>Every comment (GitHub issue comment / GitLab MR note) on the request, oldest first, all pages.</summary>
    Task<IReadOnlyList<ReviewComment>> ListCommentsAsync(CancellationToken cancellationToken);

    Task<ReviewComment> CreateCommentAsync(string body, CancellationToken cancellationToken);

    Task<ReviewComment> UpdateCommentAsync(long commentId, string body, CancellationToken cancellationToken);

    Task DeleteCommentAsync(long commentId, CancellationToken cancellationToken);

    /// <summary>Collapses an outdated comment (GitHub minimizeComment); platforms without it leave the comment as it is.</summary>
    Task HideCommentAsync(ReviewComment comment, CancellationToken cancellationToken);

    Task AddReactionAsync(long commentId, Reaction reaction, CancellationToken cancellationToken);

    /// <summary>The user's access to the repository/project, read from the API (never from author_association).</summary>
    Task<AccessLevel> GetAccessLevelAsync(string user, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <paramref name="user"/> is an active member of the team or group an owner handle names (<c>@acme/crm</c>, GitLab
    /// <c>@group/subgroup</c>). Handles the platform does not read as teams are <see cref="TeamMembership.NotMember"/>.
    /// </summary>
    Task<TeamMembership> GetTeamMembershipAsync(string teamHandle, string user, CancellationToken cancellationToken);

    /// <summary>Publishes the status: a check run where allowed (GitHub), else a commit status.</summary>
    Task SetStatusAsync(CommitStatus status, CancellationToken cancellationToken);

    /// <summary>The text (UTF-8) of a repository file at a commit, null when the file is absent there.</summary>
    Task<string?> ReadFileAsync(string path, string commitSha, CancellationToken cancellationToken);
}
