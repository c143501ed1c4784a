namespace ImpactBot.GitLab.Models;

/// <summary>A merge request note (comment). System notes ("added 1 commit") have <see cref="System"/> set.</summary>
public sealed record GitLabNote
{
    public long Id { get; init; }

    public string? Type { get; init; }

    public string Body { get; init; } = "";

    public GitLabUser Author { get; init; } = new();

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public bool System { get; init; }

    public long? NoteableId { get; init; }

    public string? NoteableType { get; init; }

    public long? NoteableIid { get; init; }

    public bool Resolvable { get; init; }

    public bool? Internal { get; init; }
}
