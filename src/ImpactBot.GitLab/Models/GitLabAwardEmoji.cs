namespace ImpactBot.GitLab.Models;

/// <summary>An emoji reaction on an awardable (here: a merge request note).</summary>
public sealed record GitLabAwardEmoji
{
    public long Id { get; init; }

    public string Name { get; init; } = "";

    public GitLabUser User { get; init; } = new();

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public long AwardableId { get; init; }

    public string? AwardableType { get; init; }
}
