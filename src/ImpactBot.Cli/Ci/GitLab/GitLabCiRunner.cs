using ImpactBot.Cli.Analysis;
using ImpactBot.Cli.Git;
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
            await output.WriteLineAsync("impactbot run: GitLab CI detected, but this is not a merge request pipeline (CI_MERGE_REQUEST_IID is not set); nothing to do. Add `rules: - if: $CI_PIPELINE_SOURCE == \"merge_request_event\"` (and `- if: $IMPACTBOT_MR_IID` for `/impact full`) to the job.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var settings = GitLabCiSettings.Read(environment);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var client = new GitLabClient(http, new GitLabClientOptions(settings.ApiBaseUrl, GitLabCredentials.PrivateToken(settings.Token))
        {
            Resilience = resilience ?? new GitLabResilienceOptions(),
        });
        var baseSha = settings.BaseSha ?? await BaseFromApiAsync(client, settings, output, cancellationToken).ConfigureAwait(false);
        var options = await settings.ReadInputs.ProjectOptionsAsync(settings.RepoDir, cancellationToken).ConfigureAwait(false);
        var request = new RepositoryAnalysisRequest(settings.RepoDir, baseSha, settings.HeadSha) { SnapshotPath = settings.Full ? null : settings.SnapshotPath };
        if (settings.Full)
        {
            await output.WriteLineAsync("impactbot: /impact full: the snapshot cache is not used.").ConfigureAwait(false);
        }

        var result = await RepositoryAnalysis.RunAsync(request, options, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(settings.ReportPath, JsonReportRenderer.Render(result.Report) + Environment.NewLine, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"impactbot: JSON report written to {settings.ReportPath}").ConfigureAwait(false);
        var platform = new GitLabReviewPlatform(client, GitLabProjectId.FromId(settings.ProjectId), settings.MergeRequestIid, settings.PipelineId);
        var session = new ReviewSession(platform, SessionOptions(settings, result.Config));
        var meta = new ReportMeta(settings.HeadSha, settings.PipelineId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var (published, status) = await session.PublishAsync(result.Report, session.Render(result.Report), meta, cancellationToken).ConfigureAwait(false);

        await output.WriteLineAsync($"impactbot: report note {published.Outcome.ToString().ToLowerInvariant()}{(published.CommentId is { } id ? $" (note {id})" : "")}; status {settings.StatusName}: {status.State.ToString().ToLowerInvariant()} - {status.Description}").ConfigureAwait(false);
        return status.State == StatusState.Failure ? ExitCodes.FailOnMet : ExitCodes.Ok;
    }

    /// <summary>
    /// The merge request's diff base when the pipeline is not a merge request pipeline (serve's `/impact full`); the target
    /// branch is fetched when that commit is not in the clone (branch pipelines clone only their branch).
    /// </summary>
    private static async Task<string> BaseFromApiAsync(GitLabClient client, GitLabCiSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        var mergeRequest = await client.MergeRequests.GetAsync(GitLabProjectId.FromId(settings.ProjectId), settings.MergeRequestIid, cancellationToken).ConfigureAwait(false);
        var baseSha = mergeRequest.DiffRefs?.BaseSha is { Length: > 0 } sha ? sha
            : throw new UsageException($"impactbot run: merge request !{settings.MergeRequestIid} has no diff_refs.base_sha yet; rerun when GitLab has computed its diff.");
        var git = new GitRepository(settings.RepoDir);
        try
        {
            await git.ResolveCommitAsync(baseSha, cancellationToken).ConfigureAwait(false);
        }
        catch (GitException)
        {
            await output.WriteLineAsync($"impactbot: fetching {mergeRequest.TargetBranch} for the merge base {baseSha[..Math.Min(12, baseSha.Length)]}.").ConfigureAwait(false);
            await git.RunAsync(["fetch", "--no-tags", "--quiet", "origin", mergeRequest.TargetBranch], cancellationToken, allowFailure: true).ConfigureAwait(false);
        }

        return baseSha;
    }

    internal static ReviewSessionOptions SessionOptions(GitLabCiSettings settings, ImpactBotConfig config) =>
        ReviewSessionOptions.For(config, settings.FailOn, settings.StatusName, MarkdownOptions.GitLab) with
        {
            Mode = settings.Mode,
            Publisher = new CommentPublisherOptions { MaxBodyLength = MaxNoteLength },
            StatusTargetUrl = settings.JobUrl,
        };
}
