namespace ImpactBot.GitLab;

/// <summary>Which header carries the token: PRIVATE-TOKEN (personal/project/group access token) or JOB-TOKEN (CI_JOB_TOKEN, mostly read-only).</summary>
public enum GitLabTokenKind
{
    PrivateToken,
    JobToken,
}
