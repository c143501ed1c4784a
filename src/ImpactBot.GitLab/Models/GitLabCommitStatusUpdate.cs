namespace ImpactBot.GitLab.Models;

/// <summary>What to publish on a commit. <see cref="Name"/> is the status context; <see cref="PipelineId"/> pins it to a pipeline.</summary>
public sealed record GitLabCommitStatusUpdate(string Sha, GitLabCommitState State, string Name)
{
    public string? Description { get; init; }

    public string? TargetUrl { get; init; }

    public string? Ref { get; init; }

    public long? PipelineId { get; init; }
}
