using ImpactBot.Core.Platform;

namespace ImpactBot.GitHub.Errors;

/// <summary>401, or 403 that is not a rate limit: the token lacks a permission (the message names it).</summary>
public sealed class GitHubAuthorizationException : GitHubException
{
    public GitHubAuthorizationException(string message, int? statusCode = null, Exception? inner = null)
        : base(message, statusCode == 401 ? PlatformErrorKind.Unauthorized : PlatformErrorKind.Forbidden, statusCode, inner)
    {
    }

    public GitHubAuthorizationException()
    {
    }

    public GitHubAuthorizationException(string message)
        : base(message)
    {
    }

    public GitHubAuthorizationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
