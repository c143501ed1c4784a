using ImpactBot.Core.Platform;

namespace ImpactBot.GitLab.Errors;

/// <summary>GitLab refused the change because of the resource's current state (409, or a status transition it cannot make).</summary>
public sealed class GitLabConflictException : GitLabApiException
{
    public GitLabConflictException(string message, GitLabFailure failure, Exception? inner = null)
        : base(message, PlatformErrorKind.Conflict, failure, inner)
    {
    }

    public GitLabConflictException()
    {
    }

    public GitLabConflictException(string message)
        : base(message)
    {
    }

    public GitLabConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
