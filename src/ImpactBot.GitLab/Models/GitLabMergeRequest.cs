namespace ImpactBot.GitLab.Models;

/// <summary>The merge request fields the bot reads: branches, head sha, the diff refs of the latest version and the head pipeline.</summary>
public sealed record GitLabMergeRequest
{
    public long Id { get; init; }

    public long Iid { get; init; }

    public long ProjectId { get; init; }

    public string Title { get; init; } = "";

    public string State { get; init; } = "";

    public string SourceBranch { get; init; } = "";

    public string TargetBranch { get; init; } = "";

    public long SourceProjectId { get; init; }

    public long TargetProjectId { get; init; }

    public string Sha { get; init; } = "";

    public GitLabDiffRefs? DiffRefs { get; init; }

    public bool Draft { get; init; }

    public string? WebUrl { get; init; }

    public GitLabUser? Author { get; init; }

    /// <summary>The latest pipeline of the merge request (null when none ran); its sha differs from <see cref="Sha"/> for merged results.</summary>
    public GitLabPipeline? HeadPipeline { get; init; }
}

/// <summary>base_sha is the merge base, start_sha the target branch head when the version was created.</summary>
public sealed record GitLabDiffRefs
{
    public string BaseSha { get; init; } = "";

    public string HeadSha { get; init; } = "";

    public string StartSha { get; init; } = "";
}
