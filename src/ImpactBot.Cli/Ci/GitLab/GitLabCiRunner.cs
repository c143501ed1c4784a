using ImpactBot.Cli.Analysis;
using ImpactBot.Core.Config;
using ImpactBot.Core.Platform;
using ImpactBot.Core.Publishing;
using ImpactBot.Core.Report;
using ImpactBot.GitLab;
using ImpactBot.GitLab.Http;

namespace ImpactBot.Cli.Ci.GitLab;

/// <summary>
/// `impactbot run` in a GitLab merge request pipeline (also the one `impactbot serve` starts for /impact): analyses
/// CI_MERGE_REQUEST_DIFF_BASE_SHA...CI_COMMIT_SHA, upserts the one report note, sets the commit status on the head and
/// writes the JSON report for the job's artifacts. Exit 3 when the status fails, so the pipeline can gate the merge.
/// </summary>
internal sealed class GitLabCiRunner(GitLabResilienceOptions? resilience = null) : ICiRunner
{
    /// <summary>GitLab's limit for a note body (characters).</summary>
    public const int MaxNoteLength = 1_000_000;

    public string Name => "GitLab CI";

    public bool Detects(IReadOnlyDictionary<string, string> environment) =>
        environment.TryGetValue("GITLAB_CI", out var value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    public async Task<int> RunAsync(IReadOnlyDictionary<string, string> environment, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!GitLabCiSettings.IsMergeRequestPipeline(environment))
        {
            await output.WriteLineAsync("impactbot run: GitLab CI detected, but this is not a merge request pipeline (CI_MERGE_REQUEST_IID is not set); nothing to do. Add `rules: - if: $CI_PIPELINE_SOURCE == \"merge_request_event\"` to the job.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var settings = GitLabCiSettings.Read(environment);
        var options = await RepositoryAnalysis.ProjectOptionsAsync(settings.ProjectDir, settings.Dialect, settings.ManifestPath, null, cancellationToken).ConfigureAwait(false);
        var request = new RepositoryAnalysisRequest(settings.RepoDir, settings.BaseSha, settings.HeadSha) { SnapshotPath = settings.SnapshotPath };
        var result = await RepositoryAnalysis.RunAsync(request, options, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(settings.ReportPath, JsonReportRenderer.Render(result.Report) + Environment.NewLine, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"impactbot: JSON report written to {settings.ReportPath}").ConfigureAwait(false);

        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var client = new GitLabClient(http, new GitLabClientOptions(settings.ApiBaseUrl, GitLabCredentials.PrivateToken(settings.Token))
        {
            Resilience = resilience ?? new GitLabResilienceOptions(),
        });
        var platform = new GitLabReviewPlatform(client, GitLabProjectId.FromId(settings.ProjectId), settings.MergeRequestIid, settings.PipelineId);
        var session = new ReviewSession(platform, SessionOptions(settings, result.Config));
        var meta = new ReportMeta(settings.HeadSha, settings.PipelineId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var (published, status) = await session.PublishAsync(result.Report, session.Render(result.Report), meta, cancellationToken).ConfigureAwait(false);

        await output.WriteLineAsync($"impactbot: report note {published.Outcome.ToString().ToLowerInvariant()}{(published.CommentId is { } id ? $" (note {id})" : "")}; status {settings.StatusName}: {status.State.ToString().ToLowerInvariant()} - {status.Description}").ConfigureAwait(false);
        return status.State == StatusState.Failure ? ExitCodes.FailOnMet : ExitCodes.Ok;
    }

    internal static ReviewSessionOptions SessionOptions(GitLabCiSettings settings, ImpactBotConfig config) =>
        ReviewSessionOptions.For(config, settings.FailOn, settings.StatusName, MarkdownOptions.GitLab) with
        {
            Mode = settings.Mode,
            Publisher = new CommentPublisherOptions { MaxBodyLength = MaxNoteLength },
            StatusTargetUrl = settings.JobUrl,
        };
}
