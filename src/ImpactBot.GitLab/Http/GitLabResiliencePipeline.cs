using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ImpactBot.GitLab.Http;

/// <summary>
/// Builds the one pipeline a client uses for every call, outermost first: overall time budget, retry (jittered
/// exponential backoff for 5xx, timeouts and connection failures; Retry-After / RateLimit-Reset for 429), circuit
/// breaker, per-attempt timeout. Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
internal static class GitLabResiliencePipeline
{
    public static readonly ResiliencePropertyKey<GitLabRetryMode> RetryModeKey = new("impactbot.gitlab.retry-mode");

    public static ResiliencePipeline<HttpResponseMessage> Create(GitLabResilienceOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddTimeout(options.OverallTimeout);

        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options, timeProvider)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    args.Outcome.Result is { } response && RetryAfterHeaders.IsRateLimited(response)
                        ? RateLimitDelay(response, options, timeProvider)
                        : null),
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = options.CircuitBreakerFailureRatio,
                MinimumThroughput = options.CircuitBreakerMinimumThroughput,
                SamplingDuration = options.CircuitBreakerSamplingDuration,
                BreakDuration = options.CircuitBreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsTransientFailure(args.Outcome)),
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>The wait a throttled answer asks for: Retry-After, else RateLimit-Reset, else the configured default.</summary>
    public static TimeSpan RateLimitDelay(HttpResponseMessage response, GitLabResilienceOptions options, TimeProvider timeProvider) =>
        RetryAfterHeaders.GetDelay(response, timeProvider.GetUtcNow()) ?? options.DefaultRateLimitDelay;

    private static bool ShouldRetry(
        Outcome<HttpResponseMessage> outcome, ResilienceContext context, GitLabResilienceOptions options, TimeProvider timeProvider)
    {
        if (outcome.Result is { } response && RetryAfterHeaders.IsRateLimited(response))
        {
            // A wait longer than the cap fails now, so the caller learns the wait instead of the job hanging.
            return RateLimitDelay(response, options, timeProvider) <= options.MaxRetryAfter;
        }

        var mode = context.Properties.GetValue(RetryModeKey, GitLabRetryMode.Transient);
        return mode == GitLabRetryMode.Transient && IsTransientFailure(outcome);
    }

    private static bool IsTransientFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException or TaskCanceledException { InnerException: TimeoutException } } => true,
        { Result.StatusCode: HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
        _ => false,
    };
}
