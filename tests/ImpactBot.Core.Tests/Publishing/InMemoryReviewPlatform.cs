using ImpactBot.Core.Platform;

namespace ImpactBot.Core.Tests.Publishing;

/// <summary>An in-memory review platform; every call yields first so concurrent publishers interleave.</summary>
internal sealed class InMemoryReviewPlatform(string bot = "impact-bot") : IReviewPlatform
{
    private readonly Lock gate = new();
    private readonly List<ReviewComment> comments = [];
    private readonly DateTimeOffset epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private long nextId = 100;

    public List<string> Calls { get; } = [];

    public List<long> Hidden { get; } = [];

    /// <summary>Every update answers 404, as if another run kept deleting the comment.</summary>
    public bool UpdatesGone { get; set; }

    public IReadOnlyList<ReviewComment> Comments
    {
        get
        {
            lock (gate)
            {
                return [.. comments];
            }
        }
    }

    public ReviewComment Seed(string author, string body)
    {
        lock (gate)
        {
            var at = epoch.AddMinutes(nextId);
            var comment = new ReviewComment(nextId++, author, body, at, at);
            comments.Add(comment);
            return comment;
        }
    }

    public void EditAsHuman(long id, Func<string, string> edit)
    {
        lock (gate)
        {
            var i = comments.FindIndex(c => c.Id == id);
            comments[i] = comments[i] with { Body = edit(comments[i].Body) };
        }
    }

    public async Task<string> GetCurrentUserAsync(CancellationToken cancellationToken)
    {
        await Record("user");
        return bot;
    }

    public async Task<IReadOnlyList<ReviewComment>> ListCommentsAsync(CancellationToken cancellationToken)
    {
        await Record("list");
        return Comments;
    }

    public async Task<ReviewComment> CreateCommentAsync(string body, CancellationToken cancellationToken)
    {
        await Record("create");
        return Seed(bot, body);
    }

    public async Task<ReviewComment> UpdateCommentAsync(long commentId, string body, CancellationToken cancellationToken)
    {
        await Record($"update {commentId}");
        lock (gate)
        {
            var i = comments.FindIndex(c => c.Id == commentId);
            if (i < 0 || UpdatesGone)
            {
                throw new PlatformException("gone", 404);
            }

            comments[i] = comments[i] with { Body = body };
            return comments[i];
        }
    }

    public async Task DeleteCommentAsync(long commentId, CancellationToken cancellationToken)
    {
        await Record($"delete {commentId}");
        lock (gate)
        {
            if (comments.RemoveAll(c => c.Id == commentId) == 0)
            {
                throw new PlatformException("gone", 404);
            }
        }
    }

    public async Task HideCommentAsync(ReviewComment comment, CancellationToken cancellationToken)
    {
        await Record($"hide {comment.Id}");
        Hidden.Add(comment.Id);
    }

    public List<(long CommentId, Reaction Reaction)> Reactions { get; } = [];

    public async Task AddReactionAsync(long commentId, Reaction reaction, CancellationToken cancellationToken)
    {
        await Record($"react {commentId} {reaction}");
        lock (gate)
        {
            Reactions.Add((commentId, reaction));
        }
    }

    /// <summary>Repository access by login; others have none.</summary>
    public Dictionary<string, AccessLevel> Access { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Team handle to its members; a team in <see cref="UnreadableTeams"/> answers Unknown (403).</summary>
    public Dictionary<string, string[]> TeamMembers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> UnreadableTeams { get; } = new(StringComparer.OrdinalIgnoreCase);

    public async Task<AccessLevel> GetAccessLevelAsync(string user, CancellationToken cancellationToken)
    {
        await Record($"access {user}");
        return Access.GetValueOrDefault(user, AccessLevel.None);
    }

    public async Task<TeamMembership> GetTeamMembershipAsync(string teamHandle, string user, CancellationToken cancellationToken)
    {
        await Record($"team {teamHandle} {user}");
        if (UnreadableTeams.Contains(teamHandle))
        {
            return TeamMembership.Unknown;
        }

        return TeamMembers.TryGetValue(teamHandle, out var members) && members.Contains(user, StringComparer.OrdinalIgnoreCase)
            ? TeamMembership.Member
            : TeamMembership.NotMember;
    }

    public List<CommitStatus> Statuses { get; } = [];

    public Task SetStatusAsync(CommitStatus status, CancellationToken cancellationToken)
    {
        Statuses.Add(status);
        return Task.CompletedTask;
    }

    public Task<string?> ReadFileAsync(string path, string commitSha, CancellationToken cancellationToken) => throw new NotSupportedException();

    private async Task Record(string call)
    {
        await Task.Yield();
        lock (gate)
        {
            Calls.Add(call);
        }
    }
}
