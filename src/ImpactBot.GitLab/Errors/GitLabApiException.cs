using ImpactBot.Core.Platform;

namespace ImpactBot.GitLab.Errors;

/// <summary>
/// A GitLab call failed after retries. <see cref="Method"/> and <see cref="Path"/> say which call (the path never holds a
/// token); <see cref="GitLabMessage"/> is GitLab's own error text. Subtypes are chosen by <see cref="GitLabErrorMap"/>.
/// </summary>
public class GitLabApiException : PlatformException
{
    public GitLabApiException(string message, GitLabFailure failure, Exception? inner = null)
        : this(message, PlatformException.KindOf(failure.StatusCode), failure, inner)
    {
    }

    public GitLabApiException(string message, PlatformErrorKind kind, GitLabFailure failure, Exception? inner = null)
        : base(message, kind, failure?.StatusCode, inner)
    {
        ArgumentNullException.ThrowIfNull(failure);
        Method = failure.Method;
        Path = failure.Path;
        GitLabMessage = failure.GitLabMessage;
    }

    public GitLabApiException()
    {
    }

    public GitLabApiException(string message)
        : base(message)
    {
    }

    public GitLabApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override string PlatformName => "GitLab";

    public string? Method { get; }

    public string? Path { get; }

    public string? GitLabMessage { get; }
}
