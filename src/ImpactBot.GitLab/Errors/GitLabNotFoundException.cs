using ImpactBot.Core.Platform;

namespace ImpactBot.GitLab.Errors;

/// <summary>The project, merge request, note or member does not exist or the token cannot see it (404).</summary>
public sealed class GitLabNotFoundException : GitLabApiException
{
    public GitLabNotFoundException(string message, GitLabFailure failure, Exception? inner = null)
        : base(message, PlatformErrorKind.NotFound, failure, inner)
    {
    }

    public GitLabNotFoundException()
    {
    }

    public GitLabNotFoundException(string message)
        : base(message)
    {
    }

    public GitLabNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
