using System.Globalization;
using System.Text.RegularExpressions;

namespace ImpactBot.GitLab.Errors;

/// <summary>
/// The one table from a failed GitLab answer to an exception type and an actionable message. Messages name the call
/// (method and path) and never contain the token: any occurrence of it is masked as a last line of defence.
/// </summary>
internal static partial class GitLabErrorMap
{
    public static GitLabApiException FromResponse(
        GitLabFailure failure, string? reasonPhrase, bool rateLimited, TimeSpan? retryAfter, GitLabCredentials credentials)
    {
        var status = failure.StatusCode ?? 0;
        var what = Redact($"GitLab {failure.Method} {failure.Path} failed with {status} {reasonPhrase}" +
            (failure.GitLabMessage is { Length: > 0 } m ? $": {m.TrimEnd('.')}" : "") + ".", credentials);
        var safe = failure with { GitLabMessage = failure.GitLabMessage is null ? null : Redact(failure.GitLabMessage, credentials) };

        return status switch
        {
            429 or 403 when rateLimited => new GitLabRateLimitException(
                $"{what} GitLab rate-limited this token{(retryAfter is { } wait ? $" and asks to wait {Describe(wait)}" : "")}; " +
                "rerun the job later or use a token with its own rate limit.", safe, retryAfter),
            401 => new GitLabAuthorizationException(
                $"{what} The token was rejected: check that the {credentials.HeaderName} token is set, valid and not expired or revoked." +
                JobTokenHint(credentials), safe),
            403 => new GitLabAuthorizationException(
                $"{what} The token's user may not do this: use a project or group access token with the 'api' scope and at " +
                "least the Developer role." + JobTokenHint(credentials), safe),
            404 => new GitLabNotFoundException(
                $"{what} Check the project id or path, the merge request iid, and that the token's user can see the project.", safe),
            409 => new GitLabConflictException(
                $"{what} GitLab refused the change because of the resource's current state; rerun the job.", safe),
            400 when IsStatusTransition(failure.GitLabMessage) => new GitLabConflictException(
                $"{what} The commit status is already in a state GitLab cannot move from this way.", safe),
            413 => new GitLabContentTooLargeException($"{what} {TooLargeAdvice}", safe),
            400 or 422 when IsTooLong(failure.GitLabMessage) => new GitLabContentTooLargeException($"{what} {TooLargeAdvice}", safe),
            >= 500 => new GitLabApiException(
                $"{what} GitLab may be down or overloaded (retries, where safe, did not help). Rerun the job later.", safe),
            _ => new GitLabApiException($"{what} This answer was not expected; check the GitLab version and the request.", safe),
        };
    }

    /// <summary>GitLab's commit status state machine refusal, e.g. "Cannot transition status via :run from :running".</summary>
    public static bool IsStatusTransition(string? message) => message is not null && Transition().IsMatch(message);

    /// <summary>The state GitLab says the status is in, from a transition refusal ("running" above).</summary>
    public static string? TransitionFrom(string? message) =>
        message is not null && Transition().Match(message) is { Success: true } match ? match.Groups["from"].Value : null;

    public static string Redact(string text, GitLabCredentials credentials) =>
        text.Replace(credentials.Token, "***", StringComparison.Ordinal);

    private const string TooLargeAdvice = "Shorten the text: GitLab stores at most 1,000,000 characters per note.";

    private static bool IsTooLong(string? message) =>
        message is not null && message.Contains("too long", StringComparison.OrdinalIgnoreCase);

    private static string JobTokenHint(GitLabCredentials credentials) =>
        credentials.Kind == GitLabTokenKind.JobToken
            ? " CI_JOB_TOKEN can only read; writing notes, emoji and statuses needs a project access token."
            : "";

    private static string Describe(TimeSpan wait) =>
        wait.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s";

    [GeneratedRegex(@"Cannot transition status via :(?<via>\w+) from :(?<from>\w+)")]
    private static partial Regex Transition();
}
