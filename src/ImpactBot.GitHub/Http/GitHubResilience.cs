using ImpactBot.GitHub.Errors;
using Octokit;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ImpactBot.GitHub.Http;

/// <summary>
/// The one resilience pipeline of a GitHub connection, built once: time budget → retry (jittered backoff for 5xx and
/// timeouts; rate limits wait for their reset or Retry-After when that fits the budget) → circuit breaker on secondary
/// limits → per-attempt timeout. Failures leave as <see cref="GitHubException"/> subtypes.
/// </summary>
internal sealed class GitHubResilience
{
    private static readonly ResiliencePropertyKey<DateTimeOffset> Deadline = new("impactbot.github.deadline");
    private readonly GitHubResilienceOptions options;
    private readonly TimeProvider time;
    private readonly ResiliencePipeline pipeline;

    public GitHubResilience(GitHubResilienceOptions options, TimeProvider time)
    {
        this.options = options;
        this.time = time;
        pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(options.TotalBudget)
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && ShouldRetry(args.Outcome.Exception, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is GitHubRateLimitException limit ? Wait(limit) : (TimeSpan?)null),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = Math.Max(2, options.BreakerThreshold),
                SamplingDuration = options.BreakerWindow,
                BreakDuration = options.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is GitHubRateLimitException { IsSecondary: true }),
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>Runs <paramref name="call"/> (given the 0-based attempt number) with retries, mapping failures.</summary>
    public async Task<T> ExecuteAsync<T>(GitHubOperation operation, Func<int, Task<T>> call, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Deadline, time.GetUtcNow() + options.TotalBudget);
        var attempt = 0;
        try
        {
            return await pipeline.ExecuteAsync(
                async ctx =>
                {
                    AmbientCancellationHandler.Use(ctx.CancellationToken);
                    return await InvokeMappedAsync(operation, call, attempt++).ConfigureAwait(false);
                },
                context).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GitHubUnavailableException($"GitHub did not answer within {e.Timeout.TotalSeconds:0.#} s while trying to {operation.Description}.", null, e);
        }
        catch (BrokenCircuitException e)
        {
            throw new GitHubRateLimitException(
                $"Calls to GitHub are paused after repeated secondary rate limits; could not {operation.Description}.", null, isSecondary: true, null, e.RetryAfter, e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<T> InvokeMappedAsync<T>(GitHubOperation operation, Func<int, Task<T>> call, int attempt)
    {
        try
        {
            return await call(attempt).ConfigureAwait(false);
        }
        catch (ApiException e)
        {
            var headers = e.HttpResponse?.Headers;
            string? Header(string name) =>
                headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
            throw GitHubErrorMap.Map((int)e.StatusCode, Header, e.HttpResponse?.Body as string, operation, time.GetUtcNow(), e);
        }
        catch (GitHubHttpFailure e)
        {
            throw GitHubErrorMap.Map(e.StatusCode, e.Header, e.Body, operation, time.GetUtcNow(), e);
        }
        catch (HttpRequestException e)
        {
            throw new GitHubUnavailableException($"Could not reach GitHub to {operation.Description} ({e.Message}).", null, e);
        }
    }

    private bool ShouldRetry(Exception? exception, ResilienceContext context) => exception switch
    {
        GitHubUnavailableException or TimeoutRejectedException => true,
        GitHubRateLimitException limit => Wait(limit) is var wait
            && (!limit.IsSecondary || wait <= options.MaxRetryAfter)
            && time.GetUtcNow() + wait <= context.Properties.GetValue(Deadline, DateTimeOffset.MaxValue),
        _ => false,
    };

    private TimeSpan Wait(GitHubRateLimitException limit)
    {
        if (limit.RetryAfter is { } retryAfter)
        {
            return retryAfter;
        }

        if (!limit.IsSecondary && limit.ResetAt is { } reset)
        {
            var left = reset - time.GetUtcNow();
            return (left > TimeSpan.Zero ? left : TimeSpan.Zero) + options.RateLimitResetMargin;
        }

        return options.SecondaryLimitDefaultWait;
    }
}
