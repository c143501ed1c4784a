using ImpactBot.Core.Platform;

namespace ImpactBot.GitLab.Errors;

/// <summary>GitLab throttled the token (429, or 403 with RateLimit-Remaining: 0) longer than the client was allowed to wait.</summary>
public sealed class GitLabRateLimitException : GitLabApiException
{
    public GitLabRateLimitException(string message, GitLabFailure failure, TimeSpan? retryAfter, Exception? inner = null)
        : base(message, PlatformErrorKind.RateLimited, failure, inner) => RetryAfter = retryAfter;

    public GitLabRateLimitException()
    {
    }

    public GitLabRateLimitException(string message)
        : base(message)
    {
    }

    public GitLabRateLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How long GitLab asked to wait (Retry-After or RateLimit-Reset), when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
