namespace ImpactBot.GitLab.Models;

/// <summary>The states POST /projects/:id/statuses/:sha accepts.</summary>
public enum GitLabCommitState
{
    Pending,
    Running,
    Success,
    Failed,
    Canceled,
}
