using ImpactBot.Core.Platform;
using ImpactBot.GitLab.Models;

namespace ImpactBot.GitLab;

/// <summary>
/// <see cref="IReviewPlatform"/> for one GitLab merge request: comments are MR notes (system notes skipped), reactions
/// are award emoji, the status is a commit status (pinned to <paramref name="pipelineId"/> when known, e.g.
/// CI_PIPELINE_ID), access is the member's access_level including inherited group membership.
/// </summary>
public sealed partial class GitLabReviewPlatform(GitLabClient client, GitLabProjectId project, long mergeRequestIid, long? pipelineId = null)
    : IReviewPlatform
{
    private readonly Dictionary<string, GitLabUser?> users = new(StringComparer.OrdinalIgnoreCase);
    private GitLabUser? self;

    public GitLabProjectId Project => project;

    public long MergeRequestIid => mergeRequestIid;

    public long? PipelineId => pipelineId;

    public async Task<string> GetCurrentUserAsync(CancellationToken cancellationToken)
    {
        self ??= await client.Users.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        return self.Username;
    }

    public async Task<IReadOnlyList<ReviewComment>> ListCommentsAsync(CancellationToken cancellationToken)
    {
        var notes = await client.Notes.ListAsync(project, mergeRequestIid, cancellationToken).ConfigureAwait(false);
        return [.. notes.Where(n => !n.System).Select(ToComment)];
    }

    public async Task<ReviewComment> CreateCommentAsync(string body, CancellationToken cancellationToken) =>
        ToComment(await client.Notes.CreateAsync(project, mergeRequestIid, body, cancellationToken).ConfigureAwait(false));

    public async Task<ReviewComment> UpdateCommentAsync(long commentId, string body, CancellationToken cancellationToken) =>
        ToComment(await client.Notes.UpdateAsync(project, mergeRequestIid, commentId, body, cancellationToken).ConfigureAwait(false));

    public Task DeleteCommentAsync(long commentId, CancellationToken cancellationToken) =>
        client.Notes.DeleteAsync(project, mergeRequestIid, commentId, cancellationToken);

    /// <summary>GitLab has no way to minimize a note; the note stays as it is.</summary>
    public Task HideCommentAsync(ReviewComment comment, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AddReactionAsync(long commentId, Reaction reaction, CancellationToken cancellationToken) =>
        client.AwardEmoji.AddToNoteAsync(project, mergeRequestIid, commentId, EmojiName(reaction), cancellationToken);

    public async Task<AccessLevel> GetAccessLevelAsync(string user, CancellationToken cancellationToken)
    {
        var found = await FindUserAsync(user, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return AccessLevel.None;
        }

        var member = await client.Members.GetIncludingInheritedAsync(project, found.Id, cancellationToken).ConfigureAwait(false);
        return member is null ? AccessLevel.None : ToAccessLevel(member.AccessLevel);
    }

    /// <summary>
    /// <c>GET /groups/:id/members/all/:user_id</c> for the group an owner handle names (<c>@group</c> or <c>@group/subgroup</c>):
    /// an active member, direct or inherited, is a member; 404 (not a member, or no such group: a user's handle) is not; 403 (a
    /// token that may not see the group) cannot tell.
    /// </summary>
    public async Task<TeamMembership> GetTeamMembershipAsync(string teamHandle, string user, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamHandle);
        var group = teamHandle.TrimStart('@');
        if (group.Length == 0 || await FindUserAsync(user, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return TeamMembership.NotMember;
        }

        try
        {
            var member = await client.Members.GetGroupMemberIncludingInheritedAsync(group, found.Id, cancellationToken).ConfigureAwait(false);
            return member is not null && member.State is null or "active" ? TeamMembership.Member : TeamMembership.NotMember;
        }
        catch (Errors.GitLabAuthorizationException e) when (e.Kind == PlatformErrorKind.Forbidden)
        {
            return TeamMembership.Unknown;
        }
    }

    public Task SetStatusAsync(CommitStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var update = new GitLabCommitStatusUpdate(status.Sha, ToState(status.State), status.Context)
        {
            Description = status.Description,
            TargetUrl = status.TargetUrl,
            PipelineId = pipelineId,
        };
        return client.Statuses.SetAsync(project, update, cancellationToken);
    }

    public Task<string?> ReadFileAsync(string path, string commitSha, CancellationToken cancellationToken) =>
        client.RepositoryFiles.GetRawAsync(project, path, commitSha, cancellationToken);

    /// <summary>Starts a new merge request pipeline (used by `impactbot serve` after an /impact note).</summary>
    public Task<GitLabPipeline> TriggerMergeRequestPipelineAsync(CancellationToken cancellationToken) =>
        client.Pipelines.CreateForMergeRequestAsync(project, mergeRequestIid, cancellationToken);

    /// <summary>
    /// Starts a pipeline on the merge request's source branch that analyses it without the cached snapshot (`/impact full`):
    /// the merge request pipeline API takes no variables, so this is a branch pipeline told which merge request it is for.
    /// </summary>
    public Task<GitLabPipeline> TriggerFullAnalysisPipelineAsync(string sourceBranch, CancellationToken cancellationToken) =>
        client.Pipelines.CreateWithVariablesAsync(
            project,
            sourceBranch,
            new Dictionary<string, string>
            {
                [FullAnalysisVariables.MergeRequestIid] = mergeRequestIid.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [FullAnalysisVariables.Full] = "true",
            },
            cancellationToken);

    private async Task<GitLabUser?> FindUserAsync(string user, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        var name = user.TrimStart('@');
        if (!users.TryGetValue(name, out var found))
        {
            found = await client.Users.FindByUsernameAsync(name, cancellationToken).ConfigureAwait(false);
            users[name] = found;
        }

        return found;
    }

    internal static AccessLevel ToAccessLevel(GitLabAccessLevel level) => level switch
    {
        >= GitLabAccessLevel.Owner => AccessLevel.Admin,
        >= GitLabAccessLevel.Maintainer => AccessLevel.Maintain,
        >= GitLabAccessLevel.Developer => AccessLevel.Write,
        >= GitLabAccessLevel.Reporter => AccessLevel.Triage,
        >= GitLabAccessLevel.Guest => AccessLevel.Read,
        _ => AccessLevel.None,
    };

    internal static GitLabCommitState ToState(StatusState state) => state switch
    {
        StatusState.Pending => GitLabCommitState.Pending,
        StatusState.Success => GitLabCommitState.Success,
        StatusState.Failure or StatusState.Error => GitLabCommitState.Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown status state."),
    };

    internal static string EmojiName(Reaction reaction) => reaction switch
    {
        Reaction.Eyes => "eyes",
        Reaction.Rocket => "rocket",
        Reaction.Confused => "confused",
        _ => throw new ArgumentOutOfRangeException(nameof(reaction), reaction, "Unknown reaction."),
    };

    private static ReviewComment ToComment(GitLabNote note) =>
        new(note.Id, note.Author.Username, note.Body, note.CreatedAt, note.UpdatedAt) { AuthorIsBot = IsBotUsername(note.Author.Username) };

    /// <summary>Project and group access tokens act as users named project_ID_bot_… / group_ID_bot_… (GitLab's documented naming).</summary>
    internal static bool IsBotUsername(string username) => BotUsername().IsMatch(username);

    [System.Text.RegularExpressions.GeneratedRegex(@"^(project|group)_\d+_bot(_\w+)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex BotUsername();
}
