using System.Globalization;
using ImpactBot.Cli.Analysis;
using ImpactBot.Cli.Git;
using ImpactBot.Dbt.Analysis;
using ImpactBot.Dbt.Config;
using ImpactBot.Core.Config;
using ImpactBot.Core.Platform;
using ImpactBot.Core.Publishing;
using ImpactBot.Core.Report;
using ImpactBot.GitHub;
using ImpactBot.GitHub.Errors;

namespace ImpactBot.Cli.Ci.GitHub;

/// <summary>One Actions job on one pull request: the analysis, the publishing and the outputs every handler shares.</summary>
internal sealed class GitHubActionsJob(GitHubActionsSettings settings, GitHubReviewPlatform platform, WorkflowCommands log, IReadOnlyDictionary<string, string> environment)
{
    public GitHubActionsSettings Settings => settings;

    public GitHubReviewPlatform Platform => platform;

    public WorkflowCommands Log => log;

    public GitRepository Git { get; } = new(settings.Workspace);

    /// <summary>The link to this workflow run, for replies.</summary>
    public string? RunUrl => settings.RunUrl;

    /// <summary>
    /// Analyses merge-base(base)...head, publishes the comment and the status, and writes the outputs and the step summary.
    /// A token that may not write (fork pull requests, read-only tokens) leaves the report in the step summary only.
    /// </summary>
    public async Task<int> AnalyseAndPublishAsync(string baseSha, string headSha, bool useSnapshot, CancellationToken cancellationToken)
    {
        await EnsureCommitAsync(headSha, $"pull/{platform.Number}/head", cancellationToken).ConfigureAwait(false);
        await EnsureCommitAsync(baseSha, baseSha, cancellationToken).ConfigureAwait(false);
        var options = await settings.ReadInputs.ProjectOptionsAsync(settings.Workspace, cancellationToken).ConfigureAwait(false);
        AnalysisResult result;
        try
        {
            var request = new RepositoryAnalysisRequest(settings.Workspace, baseSha, headSha) { SnapshotPath = useSnapshot ? settings.Snapshot : null };
            result = await RepositoryAnalysis.RunAsync(request, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await TrySetErrorStatusAsync(headSha, e, cancellationToken).ConfigureAwait(false);
            throw;
        }

        var report = result.Report;
        var reportPath = await ActionOutputs.WriteReportAsync(settings, report, cancellationToken).ConfigureAwait(false);
        await ActionOutputs.WriteOutputsAsync(settings, report, reportPath, cancellationToken).ConfigureAwait(false);
        var session = new ReviewSession(platform, SessionOptions(result.Config, headSha));
        var markdown = session.Render(report);
        await ActionOutputs.WriteSummaryAsync(settings, markdown, cancellationToken).ConfigureAwait(false);

        StatusDecision status;
        try
        {
            var meta = new ReportMeta(headSha, settings.RunId, await CommitTimeAsync(headSha, cancellationToken).ConfigureAwait(false));
            (var published, status) = await session.PublishAsync(report, markdown, meta, cancellationToken).ConfigureAwait(false);
            await log.InfoAsync($"ImpactBot: {report.Impacts.Length} affected asset(s), comment {published.Outcome.ToString().ToLowerInvariant()}, status {status.State.ToString().ToLowerInvariant()}: {status.Description}").ConfigureAwait(false);
        }
        catch (GitHubAuthorizationException e) when (e.StatusCode == 403)
        {
            await log.WarningAsync($"the token may not write to pull request #{platform.Number} (a fork pull request or a read-only token): {e.Message} The report is in this job's summary only; see the README section \"Fork pull requests\".").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        return settings.FailJob && status.State == StatusState.Failure ? ExitCodes.FailOnMet : ExitCodes.Ok;
    }

    /// <summary>The review options from the inputs, with .impactbot.yml supplying what the inputs leave open.</summary>
    public ReviewSessionOptions SessionOptions(ImpactBotConfig config, string headSha) =>
        ReviewSessionOptions.For(config, settings.FailOn, settings.StatusName, MarkdownOptions.GitHub with { FileLink = FileLink(headSha) }) with
        {
            Mode = settings.Mode,
            Publisher = new CommentPublisherOptions { IsAncestor = IsAncestorAsync },
            StatusTargetUrl = RunUrl,
        };

    /// <summary>
    /// .impactbot.yml at the head (fail-on, acknowledge), read through the API: a tick needs no checkout, no git history and no
    /// snapshot. A file with errors means the defaults, with a warning naming the problems.
    /// </summary>
    public async Task<ImpactBotConfig> ConfigAtAsync(string headSha, CancellationToken cancellationToken)
    {
        var text = await platform.ReadFileAsync(ProjectGraph.ConfigPath, headSha, cancellationToken).ConfigureAwait(false);
        var result = ImpactBotConfigReader.Read(text, ProjectGraph.ConfigPath);
        if (!result.HasErrors)
        {
            return result.Config;
        }

        await log.WarningAsync($"{ProjectGraph.ConfigPath} at {headSha[..Math.Min(12, headSha.Length)]} has errors; the check uses the defaults: {string.Join("; ", result.Diagnostics)}").ConfigureAwait(false);
        return ImpactBotConfig.Default;
    }

    /// <summary>Makes sure a commit is in the clone; fetching is best effort (the analysis names a still-missing commit).</summary>
    public async Task EnsureCommitAsync(string sha, string refspec, CancellationToken cancellationToken)
    {
        try
        {
            await Git.ResolveCommitAsync(sha, cancellationToken).ConfigureAwait(false);
        }
        catch (GitException)
        {
            await log.InfoAsync($"ImpactBot: {sha[..Math.Min(12, sha.Length)]} is not in the clone; fetching {refspec}.").ConfigureAwait(false);
            await Git.RunAsync(["fetch", "--no-tags", "--quiet", "origin", refspec], cancellationToken, allowFailure: true).ConfigureAwait(false);
        }
    }

    private async ValueTask<bool> IsAncestorAsync(string ancestor, string descendant, CancellationToken cancellationToken)
    {
        try
        {
            await Git.RunAsync(["merge-base", "--is-ancestor", ancestor, descendant], cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (GitException)
        {
            return false;
        }
    }

    private async Task<DateTimeOffset?> CommitTimeAsync(string sha, CancellationToken cancellationToken)
    {
        var text = (await Git.RunAsync(["show", "-s", "--format=%cI", sha], cancellationToken, allowFailure: true).ConfigureAwait(false)).Trim();
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
    }

    private Func<string, int, string?>? FileLink(string headSha)
    {
        if (!environment.TryGetValue("GITHUB_SERVER_URL", out var server) || settings.Repository is not { } repo)
        {
            return null;
        }

        return (path, line) => $"{server.TrimEnd('/')}/{repo}/blob/{headSha}/{path}{(line > 0 ? $"#L{line}" : "")}";
    }

    private async Task TrySetErrorStatusAsync(string headSha, Exception failure, CancellationToken cancellationToken)
    {
        try
        {
            var reason = failure is GitException or UsageException or ConfigurationException ? failure.Message : "unexpected failure; see the job log";
            await platform.SetStatusAsync(new CommitStatus(headSha, settings.StatusName, StatusState.Error, $"ImpactBot could not analyse: {reason}"), cancellationToken).ConfigureAwait(false);
        }
        catch (GitHubException e)
        {
            await log.WarningAsync($"could not set the {settings.StatusName} status to error: {e.Message}").ConfigureAwait(false);
        }
    }
}
