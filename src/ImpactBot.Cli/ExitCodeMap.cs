using ImpactBot.Cli.Git;
using ImpactBot.Dbt.Analysis;
using ImpactBot.Core.Platform;

namespace ImpactBot.Cli;

/// <summary>The one table from failures to exit codes and the line printed for them (README "Exit codes").</summary>
public static class ExitCodeMap
{
    public static (int Code, string Message) For(Exception exception) => exception switch
    {
        UsageException e => (ExitCodes.BadInput, $"error: {e.Message}"),
        ConfigurationException e => (ExitCodes.BadInput, $"error: bad configuration:{Environment.NewLine}{e.Message}{Environment.NewLine}Fix the file or remove the key; every key of .impactbot.yml is optional."),
        GitException e => (ExitCodes.Failure, $"error: {e.Message}"),
        PlatformException e => (ExitCodes.Failure, $"error: {e.Message}{Advice(e)}"),
        OperationCanceledException => (ExitCodes.Cancelled, "cancelled"),
        IOException e => (ExitCodes.Failure, $"error: {e.Message}"),
        UnauthorizedAccessException e => (ExitCodes.Failure, $"error: {e.Message}"),
        _ => (ExitCodes.Failure, $"error: unexpected failure: {exception}"),
    };

    /// <summary>What to do next, by kind and platform; the adapter's message already names the call and the platform's words.</summary>
    public static string Advice(PlatformException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var gitHub = exception.PlatformName == "GitHub";
        return exception.Kind switch
        {
            PlatformErrorKind.Unauthorized => gitHub
                ? " Check the `github-token` input (default `${{ github.token }}`) or IMPACTBOT_GITHUB_TOKEN for serve."
                : " Check IMPACTBOT_GITLAB_TOKEN: a project access token, role Developer, scope api, not expired (README \"GitLab CI\").",
            PlatformErrorKind.Forbidden => gitHub
                ? " Give the workflow `permissions:` contents: read, pull-requests: write, statuses: write, checks: write (README \"GitHub Action\"); a GitHub App needs the same repository permissions."
                : " Give the token the Developer role (or higher) and the api scope; CI_JOB_TOKEN cannot write notes or statuses.",
            PlatformErrorKind.NotFound => gitHub
                ? " Check that the repository and pull request exist and that the token's installation covers this repository."
                : " Check CI_MERGE_REQUEST_PROJECT_ID / the webhook's project and that the token's user is a member of it.",
            PlatformErrorKind.RateLimited => gitHub
                ? " Rerun the job later (or comment `/impact`); a GitHub App token has its own, larger limit."
                : " Rerun the job later (or comment `/impact`); a dedicated bot user's token has its own limit.",
            PlatformErrorKind.Unavailable => $" {exception.PlatformName} did not answer in time or failed; rerun the job later.",
            PlatformErrorKind.Conflict => " Another run changed the same resource; rerun the job.",
            _ => "",
        };
    }

    /// <summary>Runs a command body, turning any failure into its documented exit code and message.</summary>
    public static async Task<int> RunAsync(TextWriter error, Func<Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The process boundary: every failure becomes its documented exit code and a message, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var (code, message) = For(e);
            await error.WriteLineAsync(message).ConfigureAwait(false);
            return code;
        }
    }
}
