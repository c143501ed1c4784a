using ImpactBot.Core.Platform;

namespace ImpactBot.GitLab.Errors;

/// <summary>The token was rejected or lacks the role or scope the call needs (401, 403).</summary>
public sealed class GitLabAuthorizationException : GitLabApiException
{
    public GitLabAuthorizationException(string message, GitLabFailure failure, Exception? inner = null)
        : base(message, failure.StatusCode == 401 ? PlatformErrorKind.Unauthorized : PlatformErrorKind.Forbidden, failure, inner)
    {
    }

    public GitLabAuthorizationException()
    {
    }

    public GitLabAuthorizationException(string message)
        : base(message)
    {
    }

    public GitLabAuthorizationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
