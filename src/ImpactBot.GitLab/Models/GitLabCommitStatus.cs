namespace ImpactBot.GitLab.Models;

/// <summary>A commit status (an external job in the commit's pipeline) as GitLab returns it.</summary>
public sealed record GitLabCommitStatus
{
    public long Id { get; init; }

    public string Sha { get; init; } = "";

    public string? Ref { get; init; }

    public string Status { get; init; } = "";

    public string Name { get; init; } = "";

    public string? TargetUrl { get; init; }

    public string? Description { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public bool AllowFailure { get; init; }

    public GitLabUser? Author { get; init; }
}
