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

    /// <summary>
    /// An attempt timeout for tests where a hung attempt must time out and the retry must then answer: short enough to
    /// keep the test quick, long enough that a loaded CI machine's loopback retry still answers within it.
    /// </summary>
    public static TimeSpan RetryAnswers { get; } = TimeSpan.FromSeconds(2);

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
