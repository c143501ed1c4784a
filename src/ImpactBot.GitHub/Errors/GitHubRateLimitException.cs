using ImpactBot.Core.Platform;

namespace ImpactBot.GitHub.Errors;

/// <summary>
/// A primary rate limit (<c>x-ratelimit-remaining: 0</c>, waits until <see cref="ResetAt"/>) or a secondary one (403 "secondary
/// rate limit" or 429; waits <see cref="RetryAfter"/>).
/// </summary>
public sealed class GitHubRateLimitException : GitHubException
{
    public GitHubRateLimitException(string message, int? statusCode, bool isSecondary, DateTimeOffset? resetAt, TimeSpan? retryAfter, Exception? inner = null)
        : base(message, PlatformErrorKind.RateLimited, statusCode, inner)
    {
        IsSecondary = isSecondary;
        ResetAt = resetAt;
        RetryAfter = retryAfter;
    }

    public GitHubRateLimitException()
    {
    }

    public GitHubRateLimitException(string message)
        : base(message)
    {
    }

    public GitHubRateLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public bool IsSecondary { get; }

    public DateTimeOffset? ResetAt { get; }

    public TimeSpan? RetryAfter { get; }
}
