using ImpactBot.Core.Platform;
using ImpactBot.GitHub;
using ImpactBot.GitHub.Events;

namespace ImpactBot.Cli.Ci.GitHub;

/// <summary>
/// <c>impactbot run</c> inside a GitHub Actions job: reads the event, then analyses and publishes (pull_request, <c>/impact</c>)
/// or re-evaluates the status from ticked boxes (the report comment edited); a push refreshes the snapshot cache. Other events end with a notice and exit code 0.
/// </summary>
internal sealed class GitHubActionsRunner : ICiRunner
{
    public string Name => "GitHub Actions";

    public bool Detects(IReadOnlyDictionary<string, string> environment) =>
        environment.TryGetValue("GITHUB_ACTIONS", out var value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    public async Task<int> RunAsync(IReadOnlyDictionary<string, string> environment, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var log = new WorkflowCommands(output);
        var settings = GitHubActionsSettings.Read(environment);
        await log.MaskAsync(settings.Token).ConfigureAwait(false);
        if (!File.Exists(settings.EventPath))
        {
            throw new UsageException($"GITHUB_EVENT_PATH {settings.EventPath} does not exist.");
        }

        if (settings.EventName == "push")
        {
            return await PushSnapshotHandler.HandleAsync(settings, log, environment.GetValueOrDefault("GITHUB_SHA"), cancellationToken).ConfigureAwait(false);
        }

        var payload = await File.ReadAllTextAsync(settings.EventPath, cancellationToken).ConfigureAwait(false);
        if (settings.EventName == "repository_dispatch" && DispatchHandler.Parse(payload) is var (number, full)
            && settings.Repository?.Split('/') is [var owner, var repository])
        {
            using var dispatchConnection = Connect(settings, environment);
            var dispatched = new GitHubActionsJob(settings, dispatchConnection.ForPullRequest(owner, repository, number), log, environment);
            return await DispatchHandler.HandleAsync(dispatched, full, cancellationToken).ConfigureAwait(false);
        }

        var trigger = GitHubEventParser.Parse(settings.EventName, payload);
        if (trigger.Kind == GitHubTriggerKind.Malformed)
        {
            return await MalformedEventAsync(settings, environment, log, trigger, cancellationToken).ConfigureAwait(false);
        }

        if (trigger.Kind == GitHubTriggerKind.WorkflowRun)
        {
            return await WorkflowRunAsync(settings, environment, log, trigger, cancellationToken).ConfigureAwait(false);
        }

        if (trigger.Kind == GitHubTriggerKind.Ignored)
        {
            await log.NoticeAsync($"nothing to do for {settings.EventName}{(trigger.Action is { Length: > 0 } a ? $" ({a})" : "")}: {trigger.IgnoredReason}.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        using var connection = Connect(settings, environment);
        var job = new GitHubActionsJob(settings, connection.ForPullRequest(trigger.Owner, trigger.Repository, trigger.Number), log, environment);
        return trigger.Kind switch
        {
            GitHubTriggerKind.PullRequest => await job.AnalyseAndPublishAsync(trigger.BaseSha!, trigger.HeadSha!, useSnapshot: true, cancellationToken).ConfigureAwait(false),
            GitHubTriggerKind.SlashCommand => await new SlashCommandHandler(job).HandleAsync(trigger, cancellationToken).ConfigureAwait(false),
            GitHubTriggerKind.AckCommand => await new AckCommandHandler(job).HandleAsync(trigger, cancellationToken).ConfigureAwait(false),
            _ => await new ChecklistEditHandler(job).HandleAsync(trigger, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>
    /// The fork-safe pattern: a privileged workflow_run job after the pull request's own (unprivileged) run. The pull request is
    /// looked up in the base repository by the run's head and must still point at that commit; its head is read from git as data.
    /// </summary>
    private static async Task<int> WorkflowRunAsync(GitHubActionsSettings settings, IReadOnlyDictionary<string, string> environment, WorkflowCommands log, GitHubTrigger trigger, CancellationToken cancellationToken)
    {
        using var connection = Connect(settings, environment);
        var headSha = trigger.HeadSha!;
        var number = await connection.FindPullRequestAsync(trigger.Owner, trigger.Repository, trigger.HeadRepositoryOwner!, trigger.HeadRef!, headSha, cancellationToken).ConfigureAwait(false);
        if (number is not { } n)
        {
            await log.NoticeAsync($"workflow_run: no open pull request from {trigger.HeadRepositoryOwner}:{trigger.HeadRef} has head {headSha[..Math.Min(12, headSha.Length)]} (pushed again since?); the newer run will report.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var job = new GitHubActionsJob(settings, connection.ForPullRequest(trigger.Owner, trigger.Repository, n), log, environment);
        var pull = await job.Platform.GetPullRequestAsync(cancellationToken).ConfigureAwait(false);
        return await job.AnalyseAndPublishAsync(pull.BaseSha, headSha, useSnapshot: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// An event the bot handles but cannot read: say so as an error, set the check to error on the head when the payload still
    /// names it (a required check must not wait forever), and fail the job.
    /// </summary>
    private static async Task<int> MalformedEventAsync(GitHubActionsSettings settings, IReadOnlyDictionary<string, string> environment, WorkflowCommands log, GitHubTrigger trigger, CancellationToken cancellationToken)
    {
        var reason = trigger.IgnoredReason ?? "the event payload cannot be read";
        await log.ErrorAsync($"ImpactBot cannot read the {settings.EventName} event at GITHUB_EVENT_PATH: {reason}. Nothing was analysed.").ConfigureAwait(false);
        if (trigger.HeadSha is { } sha && settings.Repository?.Split('/') is [var owner, var repository])
        {
            using var connection = Connect(settings, environment);
            var status = new CommitStatus(sha, settings.StatusName, StatusState.Error, $"ImpactBot could not read the {settings.EventName} event: {reason}")
            {
                TargetUrl = settings.RunUrl,
            };
            try
            {
                await connection.SetCommitStatusAsync(owner, repository, status, cancellationToken).ConfigureAwait(false);
            }
            catch (PlatformException e)
            {
                await log.WarningAsync($"could not set the {settings.StatusName} status to error: {e.Message}").ConfigureAwait(false);
            }
        }

        return ExitCodes.Failure;
    }

    private static GitHubConnection Connect(GitHubActionsSettings settings, IReadOnlyDictionary<string, string> environment) =>
        new(new GitHubConnectionOptions(settings.ApiUrl, settings.Token)
        {
            BotLogin = settings.BotLogin,
            GraphQlUrl = environment.TryGetValue("GITHUB_GRAPHQL_URL", out var graphQl) && Uri.TryCreate(graphQl, UriKind.Absolute, out var g) ? g : null,
        });
}
