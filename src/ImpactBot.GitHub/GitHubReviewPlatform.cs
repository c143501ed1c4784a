using System.Collections.Concurrent;
using ImpactBot.Core.Platform;
using ImpactBot.Core.Publishing;
using ImpactBot.GitHub.Errors;
using Microsoft.Extensions.Logging;
using Octokit;

namespace ImpactBot.GitHub;

/// <summary>
/// <see cref="IReviewPlatform"/> for one GitHub pull request. Comments are issue comments; every call goes through the
/// connection's resilience pipeline and fails with a <see cref="GitHubException"/> subtype.
/// </summary>
public sealed partial class GitHubReviewPlatform : IReviewPlatform
{
    private readonly GitHubConnection connection;
    private readonly ConcurrentDictionary<long, string> nodeIds = new();
    private string? currentUser;

    // True while the identity is a guess (GET /user refused and no report of ours found): the first comment created tells.
    private bool guessedUser;

    public GitHubReviewPlatform(GitHubConnection connection, string owner, string repository, int number)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        this.connection = connection;
        Owner = owner;
        Repository = repository;
        Number = number;
    }

    public string Owner { get; }

    public string Repository { get; }

    public int Number { get; }

    private GitHubClient Client => connection.Client;

    public async Task<string> GetCurrentUserAsync(CancellationToken cancellationToken)
    {
        if (currentUser is not null)
        {
            return currentUser;
        }

        if (connection.Options.BotLogin is { Length: > 0 } configured)
        {
            return currentUser = configured;
        }

        try
        {
            var user = await connection.RunAsync(GitHubOperation.CurrentUser, _ => Client.User.Current(), cancellationToken).ConfigureAwait(false);
            currentUser = user.Login;
        }
        catch (GitHubAuthorizationException e) when (e.StatusCode == 403)
        {
            // Installation tokens (GitHub Apps, the Actions GITHUB_TOKEN) may not read /user. Their comments carry the app's
            // bot login ("my-app[bot]"): the newest report by a bot account is ours; with none yet, the first comment tells.
            var comments = await ListCommentsAsync(cancellationToken).ConfigureAwait(false);
            currentUser = comments.LastOrDefault(c => c.AuthorIsBot && ReportMarker.IsReport(c.Body))?.Author;
            guessedUser = currentUser is null;
            currentUser ??= connection.Options.FallbackBotLogin;
        }

        return currentUser;
    }

    public async Task<IReadOnlyList<ReviewComment>> ListCommentsAsync(CancellationToken cancellationToken)
    {
        var comments = await connection.RunAsync(
            GitHubOperation.ListComments,
            _ => Client.Issue.Comment.GetAllForIssue(Owner, Repository, Number, new ApiOptions { PageSize = 100 }),
            cancellationToken).ConfigureAwait(false);
        return [.. comments.Select(ToReviewComment).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)];
    }

    /// <summary>
    /// Creates the comment. A retry first looks for the bot's comment with exactly this body, because a failed attempt may
    /// have been applied by GitHub all the same; finding it counts as success, so a retry never posts a duplicate.
    /// </summary>
    public async Task<ReviewComment> CreateCommentAsync(string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var bot = await GetCurrentUserAsync(cancellationToken).ConfigureAwait(false);
        var startedAt = connection.Time.GetUtcNow().AddMinutes(-1);
        return await connection.RunAsync(
            GitHubOperation.CreateComment,
            async attempt =>
            {
                if (attempt > 0)
                {
                    var existing = (await Client.Issue.Comment.GetAllForIssue(Owner, Repository, Number, new ApiOptions { PageSize = 100 }).ConfigureAwait(false))
                        .Select(ToReviewComment)
                        .LastOrDefault(c => c.CreatedAt >= startedAt && c.Body == body && string.Equals(c.Author, bot, StringComparison.OrdinalIgnoreCase));
                    if (existing is not null)
                    {
                        return existing;
                    }
                }

                var created = ToReviewComment(await Client.Issue.Comment.Create(Owner, Repository, Number, body).ConfigureAwait(false));
                if (guessedUser && created.Author.Length > 0)
                {
                    currentUser = created.Author;
                    guessedUser = false;
                }

                return created;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<ReviewComment> UpdateCommentAsync(long commentId, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var updated = await connection.RunAsync(
            GitHubOperation.UpdateComment,
            _ => Client.Issue.Comment.Update(Owner, Repository, commentId, body),
            cancellationToken).ConfigureAwait(false);
        return ToReviewComment(updated);
    }

    public Task DeleteCommentAsync(long commentId, CancellationToken cancellationToken) =>
        connection.RunAsync(GitHubOperation.DeleteComment, _ => Client.Issue.Comment.Delete(Owner, Repository, commentId), cancellationToken);

    /// <summary>Minimizes the comment as outdated through GraphQL; a failure is logged, never thrown.</summary>
    public async Task HideCommentAsync(ReviewComment comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(comment);
        try
        {
            if (!nodeIds.TryGetValue(comment.Id, out var nodeId))
            {
                var fetched = await connection.RunAsync(GitHubOperation.HideComment, _ => Client.Issue.Comment.Get(Owner, Repository, comment.Id), cancellationToken).ConfigureAwait(false);
                nodeId = fetched.NodeId;
            }

            var hidden = await connection.RunAsync(GitHubOperation.HideComment, _ => connection.GraphQl.MinimizeAsync(nodeId, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (!hidden)
            {
                LogHideFailed(connection.Logger, comment.Id, "GitHub did not report the comment as minimized", null);
            }
        }
        catch (GitHubException e)
        {
            LogHideFailed(connection.Logger, comment.Id, e.Message, e);
        }
    }

    public Task AddReactionAsync(long commentId, Core.Platform.Reaction reaction, CancellationToken cancellationToken)
    {
        var type = reaction switch
        {
            Core.Platform.Reaction.Eyes => ReactionType.Eyes,
            Core.Platform.Reaction.Rocket => ReactionType.Rocket,
            Core.Platform.Reaction.Confused => ReactionType.Confused,
            _ => throw new ArgumentOutOfRangeException(nameof(reaction), reaction, null),
        };
        return connection.RunAsync(
            GitHubOperation.AddReaction,
            _ => Client.Reaction.IssueComment.Create(Owner, Repository, commentId, new NewReaction(type)),
            cancellationToken);
    }

    /// <summary>
    /// <c>GET /repos/{owner}/{repo}/collaborators/{user}/permission</c>: <c>role_name</c> (admin, maintain, write, triage, read)
    /// when present, since <c>permission</c> folds maintain into write and triage into read. Unknown users have no access.
    /// </summary>
    public async Task<AccessLevel> GetAccessLevelAsync(string user, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        var uri = new Uri($"repos/{Uri.EscapeDataString(Owner)}/{Uri.EscapeDataString(Repository)}/collaborators/{Uri.EscapeDataString(user)}/permission", UriKind.Relative);
        try
        {
            var response = await connection.RunAsync(
                GitHubOperation.ReadPermission,
                _ => new ApiConnection(Client.Connection).Get<PermissionResponse>(uri),
                cancellationToken).ConfigureAwait(false);
            return ParseAccessLevel(response.RoleName) ?? ParseAccessLevel(response.Permission) ?? AccessLevel.None;
        }
        catch (GitHubNotFoundException)
        {
            return AccessLevel.None;
        }
    }

    /// <summary>
    /// <c>GET /orgs/{org}/teams/{team_slug}/memberships/{username}</c> for an <c>@org/team</c> handle: an active membership is a
    /// member, a pending one or 404 is not, 403 (the Actions token, a token without members: read) cannot tell. Other handles
    /// are logins, not teams.
    /// </summary>
    public async Task<TeamMembership> GetTeamMembershipAsync(string teamHandle, string user, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamHandle);
        ArgumentException.ThrowIfNullOrEmpty(user);
        if (teamHandle.TrimStart('@').Split('/') is not [{ Length: > 0 } org, { Length: > 0 } slug])
        {
            return TeamMembership.NotMember;
        }

        var uri = new Uri($"orgs/{Uri.EscapeDataString(org)}/teams/{Uri.EscapeDataString(slug)}/memberships/{Uri.EscapeDataString(user.TrimStart('@'))}", UriKind.Relative);
        try
        {
            var membership = await connection.RunAsync(
                GitHubOperation.ReadTeamMembership,
                _ => new ApiConnection(Client.Connection).Get<TeamMembershipResponse>(uri),
                cancellationToken).ConfigureAwait(false);
            return string.Equals(membership.State, "active", StringComparison.OrdinalIgnoreCase) ? TeamMembership.Member : TeamMembership.NotMember;
        }
        catch (GitHubNotFoundException)
        {
            return TeamMembership.NotMember;
        }
        catch (GitHubAuthorizationException e) when (e.StatusCode == 403)
        {
            return TeamMembership.Unknown;
        }
    }

    internal static AccessLevel? ParseAccessLevel(string? name) => name?.ToLowerInvariant() switch
    {
        "admin" => AccessLevel.Admin,
        "maintain" => AccessLevel.Maintain,
        "write" or "push" => AccessLevel.Write,
        "triage" => AccessLevel.Triage,
        "read" or "pull" => AccessLevel.Read,
        "none" => AccessLevel.None,
        _ => null,
    };

    private ReviewComment ToReviewComment(IssueComment comment)
    {
        if (!string.IsNullOrEmpty(comment.NodeId))
        {
            nodeIds[comment.Id] = comment.NodeId;
        }

        return new ReviewComment(comment.Id, comment.User?.Login ?? "", comment.Body ?? "", comment.CreatedAt, comment.UpdatedAt ?? comment.CreatedAt)
        {
            AuthorIsBot = comment.User?.Type == AccountType.Bot,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hide the outdated comment {CommentId}: {Reason}")]
    private static partial void LogHideFailed(ILogger logger, long commentId, string reason, Exception? exception);

    /// <summary>The team membership answer (<c>role</c>, <c>state</c>, <c>url</c>).</summary>
    internal sealed class TeamMembershipResponse
    {
        public string? Role { get; set; }

        public string? State { get; set; }
    }

    /// <summary>The permission answer; Octokit's own model has no role_name.</summary>
    internal sealed class PermissionResponse
    {
        public string? Permission { get; set; }

        public string? RoleName { get; set; }
    }
}
