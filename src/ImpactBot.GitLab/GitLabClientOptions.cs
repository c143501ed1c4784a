using ImpactBot.GitLab.Http;

namespace ImpactBot.GitLab;

/// <summary>
/// Where and how to talk to GitLab. <see cref="ApiBaseUrl"/> is the v4 API root as GitLab CI exposes it in
/// CI_API_V4_URL, e.g. https://gitlab.example.com/api/v4 (self-managed instances work the same way).
/// </summary>
public sealed record GitLabClientOptions(Uri ApiBaseUrl, GitLabCredentials Credentials)
{
    public GitLabResilienceOptions Resilience { get; init; } = new();

    public string UserAgent { get; init; } = "impactbot";

    /// <summary>Page size for list calls; GitLab caps it at 100.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Stops runaway paging (a broken Link header must not loop forever).</summary>
    public int MaxPages { get; init; } = 200;
}
