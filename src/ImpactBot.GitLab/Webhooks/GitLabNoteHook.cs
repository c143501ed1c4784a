using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace ImpactBot.GitLab.Webhooks;

/// <summary>
/// The "Note Hook" webhook payload (X-Gitlab-Event: Note Hook): a comment was created or edited. Only the fields the bot
/// reads are modelled. Timestamps stay text: GitLab writes them as "2015-05-17 18:21:36 UTC", not ISO 8601.
/// </summary>
public sealed record GitLabNoteHook
{
    public const string EventHeader = "X-Gitlab-Event";
    public const string EventName = "Note Hook";

    public string ObjectKind { get; init; } = "";

    public string? EventType { get; init; }

    public GitLabHookUser User { get; init; } = new();

    public long ProjectId { get; init; }

    public GitLabHookProject Project { get; init; } = new();

    public GitLabHookNote ObjectAttributes { get; init; } = new();

    /// <summary>Present when the note is on a merge request.</summary>
    public GitLabHookMergeRequest? MergeRequest { get; init; }

    /// <summary>True for a human's (non-system) comment on a merge request.</summary>
    public bool IsMergeRequestComment =>
        ObjectKind == "note" && ObjectAttributes.NoteableType == "MergeRequest" && !ObjectAttributes.System && MergeRequest is not null;

    /// <summary>Reads a payload; false (no exception) when it is not JSON or not a note event.</summary>
    public static bool TryParse(string json, [NotNullWhen(true)] out GitLabNoteHook? hook) => TryParse(json, out hook, out _);

    /// <summary>Reads a payload; false with <paramref name="problem"/> (no payload text in it) when it is not a well-formed note event.</summary>
    public static bool TryParse(string json, [NotNullWhen(true)] out GitLabNoteHook? hook, out string? problem)
    {
        hook = null;
        try
        {
            hook = JsonSerializer.Deserialize(json, GitLabWebhookJsonContext.Default.GitLabNoteHook);
        }
        catch (JsonException e)
        {
            // The path and position, never the offending text.
            problem = $"not a valid Note Hook payload (at {e.Path ?? "$"}, line {e.LineNumber ?? 0}, byte {e.BytePositionInLine ?? 0})";
            return false;
        }

        problem = hook switch
        {
            null => "the payload is null",
            { ObjectKind: not "note" } => "object_kind is not 'note'",
            _ => null,
        };
        if (problem is not null)
        {
            hook = null;
        }

        return hook is not null;
    }
}

public sealed record GitLabHookUser
{
    public long Id { get; init; }

    public string Username { get; init; } = "";

    public string? Name { get; init; }
}

public sealed record GitLabHookProject
{
    public long Id { get; init; }

    public string? Name { get; init; }

    public string PathWithNamespace { get; init; } = "";

    public string? WebUrl { get; init; }

    public string? DefaultBranch { get; init; }
}

/// <summary>object_attributes: the note itself. <see cref="Action"/> is "create" or "update" (GitLab 16.11+; absent before).</summary>
public sealed record GitLabHookNote
{
    public long Id { get; init; }

    public string Note { get; init; } = "";

    public string NoteableType { get; init; } = "";

    public long AuthorId { get; init; }

    public long ProjectId { get; init; }

    public long? NoteableId { get; init; }

    public bool System { get; init; }

    public string? Action { get; init; }

    public string? Url { get; init; }

    public string? CreatedAt { get; init; }

    public string? UpdatedAt { get; init; }
}

public sealed record GitLabHookMergeRequest
{
    public long Id { get; init; }

    public long Iid { get; init; }

    public string? Title { get; init; }

    public string? State { get; init; }

    public string SourceBranch { get; init; } = "";

    public string TargetBranch { get; init; } = "";

    public long SourceProjectId { get; init; }

    public long TargetProjectId { get; init; }

    public GitLabHookCommit? LastCommit { get; init; }
}

public sealed record GitLabHookCommit
{
    public string Id { get; init; } = "";

    public string? Message { get; init; }

    public string? Url { get; init; }
}
