using ImpactBot.Core.Platform;

namespace ImpactBot.GitHub.Errors;

/// <summary>5xx, a timeout or a network failure that outlasted the retries.</summary>
public sealed class GitHubUnavailableException : GitHubException
{
    public GitHubUnavailableException(string message, int? statusCode = null, Exception? inner = null)
        : base(message, PlatformErrorKind.Unavailable, statusCode, inner)
    {
    }

    public GitHubUnavailableException()
    {
    }

    public GitHubUnavailableException(string message)
        : base(message)
    {
    }

    public GitHubUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
