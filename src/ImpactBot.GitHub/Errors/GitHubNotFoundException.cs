using ImpactBot.Core.Platform;

namespace ImpactBot.GitHub.Errors;

/// <summary>404: the repository, pull request or comment does not exist, or the token cannot see it.</summary>
public sealed class GitHubNotFoundException : GitHubException
{
    public GitHubNotFoundException(string message, int? statusCode = null, Exception? inner = null)
        : base(message, PlatformErrorKind.NotFound, statusCode, inner)
    {
    }

    public GitHubNotFoundException()
    {
    }

    public GitHubNotFoundException(string message)
        : base(message)
    {
    }

    public GitHubNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
