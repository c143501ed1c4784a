using ImpactBot.Cli.Git;
using ImpactBot.Dbt.Analysis;
using ImpactBot.Core.Platform;
using ImpactBot.GitHub.Errors;

namespace ImpactBot.Cli;

/// <summary>The one table from failures to exit codes and the line printed for them (README "Exit codes").</summary>
public static class ExitCodeMap
{
    public static (int Code, string Message) For(Exception exception) => exception switch
    {
        UsageException e => (ExitCodes.BadInput, $"error: {e.Message}"),
        ConfigurationException e => (ExitCodes.BadInput, $"error: bad configuration:{Environment.NewLine}{e.Message}{Environment.NewLine}Fix the file or remove the key; every key of .impactbot.yml is optional."),
        GitException e => (ExitCodes.Failure, $"error: {e.Message}"),
        GitHubAuthorizationException e => (ExitCodes.Failure, $"error: {e.Message} Give the workflow `permissions:` contents: read, pull-requests: write, statuses: write, checks: write (README \"Permissions\")."),
        GitHubRateLimitException e => (ExitCodes.Failure, $"error: {e.Message} Rerun the job later (or comment `/impact`)."),
        PlatformException e => (ExitCodes.Failure, $"error: {e.Message}"),
        OperationCanceledException => (ExitCodes.Cancelled, "cancelled"),
        IOException e => (ExitCodes.Failure, $"error: {e.Message}"),
        UnauthorizedAccessException e => (ExitCodes.Failure, $"error: {e.Message}"),
        _ => (ExitCodes.Failure, $"error: unexpected failure: {exception}"),
    };

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
