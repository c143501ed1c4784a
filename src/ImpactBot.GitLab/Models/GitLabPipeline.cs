namespace ImpactBot.GitLab.Models;

/// <summary>A pipeline as returned when one is created for a merge request, or as a merge request's head_pipeline.</summary>
public sealed record GitLabPipeline
{
    public long Id { get; init; }

    public long? Iid { get; init; }

    public long ProjectId { get; init; }

    public string Sha { get; init; } = "";

    public string Ref { get; init; } = "";

    public string Status { get; init; } = "";

    public string? Source { get; init; }

    public string? WebUrl { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }
}
