using ImpactBot.Core.Platform;

namespace ImpactBot.GitLab.Errors;

/// <summary>The body exceeds what GitLab stores, e.g. a note over 1,000,000 characters (413, 422, or 400 "too long").</summary>
public sealed class GitLabContentTooLargeException : GitLabApiException
{
    public GitLabContentTooLargeException(string message, GitLabFailure failure, Exception? inner = null)
        : base(message, PlatformErrorKind.TooLarge, failure, inner)
    {
    }

    public GitLabContentTooLargeException()
    {
    }

    public GitLabContentTooLargeException(string message)
        : base(message)
    {
    }

    public GitLabContentTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
