using ImpactBot.GitLab.Http;

namespace ImpactBot.GitLab.Tests.Fakes;

/// <summary>Clients wired to a <see cref="FakeGitLabServer"/> with retries that never sleep.</summary>
public static class TestClients
{
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>Three immediate retries; the circuit breaker effectively off; generous timeouts.</summary>
    public static GitLabResilienceOptions NoDelays { get; } = new()
    {
        MaxRetries = 3,
        BaseDelay = TimeSpan.Zero,
        UseJitter = false,
        AttemptTimeout = TimeSpan.FromSeconds(5),
        OverallTimeout = TimeSpan.FromMinutes(10),
        CircuitBreakerMinimumThroughput = 1000,
    };

    public static GitLabClient Create(
        FakeGitLabServer server,
        GitLabResilienceOptions? resilience = null,
        TimeProvider? timeProvider = null,
        GitLabCredentials? credentials = null,
        int pageSize = 100) =>
        new(Http, Options(server.ApiBaseUrl, resilience, credentials, pageSize), timeProvider);

    public static GitLabClientOptions Options(
        Uri apiBaseUrl, GitLabResilienceOptions? resilience = null, GitLabCredentials? credentials = null, int pageSize = 100) =>
        new(apiBaseUrl, credentials ?? GitLabCredentials.PrivateToken(FakeGitLabServer.BotToken))
        {
            Resilience = resilience ?? NoDelays,
            PageSize = pageSize,
        };

    public static GitLabProjectId Project { get; } = GitLabProjectId.Parse(FakeGitLabServer.ProjectPath);
}
