using ImpactBot.Core.Platform;

namespace ImpactBot.GitHub.Errors;

/// <summary>A GitHub API failure after retries; subtypes name the cases the CLI explains differently.</summary>
public class GitHubException : PlatformException
{
    public GitHubException(string message, int? statusCode = null, Exception? inner = null)
        : base(message, statusCode, inner)
    {
    }

    public GitHubException(string message, PlatformErrorKind kind, int? statusCode, Exception? inner = null)
        : base(message, kind, statusCode, inner)
    {
    }

    public override string PlatformName => "GitHub";

    public GitHubException()
    {
    }

    public GitHubException(string message)
        : base(message)
    {
    }

    public GitHubException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
