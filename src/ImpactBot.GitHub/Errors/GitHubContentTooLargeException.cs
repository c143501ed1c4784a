using ImpactBot.Core.Platform;

namespace ImpactBot.GitHub.Errors;

/// <summary>422 "body is too long": the comment exceeds GitHub's size limit.</summary>
public sealed class GitHubContentTooLargeException : GitHubException
{
    public GitHubContentTooLargeException(string message, int? statusCode = null, Exception? inner = null)
        : base(message, PlatformErrorKind.TooLarge, statusCode, inner)
    {
    }

    public GitHubContentTooLargeException()
    {
    }

    public GitHubContentTooLargeException(string message)
        : base(message)
    {
    }

    public GitHubContentTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
