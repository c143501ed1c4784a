namespace ImpactBot.GitLab.Http;

/// <summary>
/// Retry, timeout and circuit-breaker settings, read once when a <see cref="GitLabClient"/> builds its pipeline.
/// Tests set the delays to zero (or inject a fake <see cref="TimeProvider"/>) so nothing sleeps for real.
/// </summary>
public sealed record GitLabResilienceOptions
{
    /// <summary>Retries after the first attempt for 5xx, timeouts, connection failures and 429.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First backoff delay; later ones grow exponentially (with jitter) up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    public bool UseJitter { get; init; } = true;

    /// <summary>Wait after a 429 that names neither Retry-After nor RateLimit-Reset.</summary>
    public TimeSpan DefaultRateLimitDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest wait a 429 may ask for; beyond it the call fails at once with the wait in the exception.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Budget for one call including every retry and wait.</summary>
    public TimeSpan OverallTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Share of failed calls (5xx, timeouts, connection errors) in the sampling window that opens the circuit.</summary>
    public double CircuitBreakerFailureRatio { get; init; } = 0.5;

    public int CircuitBreakerMinimumThroughput { get; init; } = 10;

    public TimeSpan CircuitBreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan CircuitBreakerBreakDuration { get; init; } = TimeSpan.FromSeconds(30);
}
