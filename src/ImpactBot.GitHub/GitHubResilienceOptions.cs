namespace ImpactBot.GitHub;

/// <summary>Retry, rate-limit and time-budget settings of every GitHub call; the pipeline is built once from them.</summary>
public sealed record GitHubResilienceOptions
{
    /// <summary>Retries after the first attempt (server errors, timeouts, rate limits).</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>First backoff delay for server errors and timeouts; doubles with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Everything one operation may take, waits included; a rate limit resetting later fails at once.</summary>
    public TimeSpan TotalBudget { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Added to the primary limit's reset time (clocks differ).</summary>
    public TimeSpan RateLimitResetMargin { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>GitHub's advice when a secondary limit carries no Retry-After.</summary>
    public TimeSpan SecondaryLimitDefaultWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest Retry-After honoured; a longer one fails at once.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Secondary-limit responses (within <see cref="BreakerWindow"/>) that stop all calls for <see cref="BreakDuration"/>.</summary>
    public int BreakerThreshold { get; init; } = 3;

    public TimeSpan BreakerWindow { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromMinutes(1);
}
