using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImpactBot.Testing.GitLab;

/// <summary>Response shapes as GitLab's API documentation shows them (snake_case, every documented field).</summary>
public static class FakeGitLabJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}

public sealed record FakeUser(long Id, string Username, string Name)
{
    public string State { get; init; } = "active";

    public bool Locked { get; init; }

    public string AvatarUrl => $"https://secure.gravatar.com/avatar/{Id}?s=80&d=identicon";

    public string WebUrl => $"https://gitlab.example.com/{Username}";
}

public sealed record FakeNote(long Id, string Body, FakeUser Author, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool System, long NoteableId, long NoteableIid, long ProjectId)
{
    public string? Type => null;

    public string? Attachment => null;

    public string NoteableType => "MergeRequest";

    public bool Resolvable => false;

    public bool Confidential => false;

    public bool Internal => false;

    public object CommandsChanges => new { };
}

public sealed record FakeAwardEmoji(long Id, string Name, FakeUser User, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long AwardableId)
{
    public string AwardableType => "Note";
}

public sealed record FakeCommitStatus(long Id, string Sha, string? Ref, string Status, string Name, string? TargetUrl, string? Description, DateTimeOffset CreatedAt, FakeUser Author)
{
    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public bool AllowFailure => false;

    public double? Coverage => null;

    /// <summary>Not in GitLab's answer; kept so tests can see which pipeline the status was pinned to.</summary>
    [JsonIgnore]
    public long? PipelineId { get; init; }
}

public sealed record FakePipeline(long Id, long Iid, long ProjectId, string Sha, string Ref, string Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>merge_request_event for the merge request pipeline API, api for POST /projects/:id/pipeline.</summary>
    public string Source { get; init; } = "merge_request_event";

    /// <summary>The CI/CD variables the pipeline was created with (not part of GitLab's answer).</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    public string WebUrl => $"https://gitlab.example.com/group/sub/project/-/pipelines/{Id}";
}

public sealed record FakeMember(long Id, string Username, string Name, int AccessLevel)
{
    public string State => "active";

    public string? ExpiresAt => null;

    public string WebUrl => $"https://gitlab.example.com/{Username}";
}
