using System.CommandLine;
using ImpactBot.Cli.Git;
using ImpactBot.Dbt.Analysis;
using ImpactBot.Core.Impact;
using ImpactBot.Core.Report;
using ImpactBot.Core.Timing;

namespace ImpactBot.Cli.Commands;

/// <summary><c>impactbot analyze --base main</c>: the report of base...head, printed.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var repo = CommonOptions.Repo();
        var baseRef = new Option<string>("--base") { Description = "The branch or commit the change goes into; the analysis compares its merge base with the head.", Required = true };
        var headRef = new Option<string>("--head") { Description = "The changed commit (default: HEAD).", DefaultValueFactory = _ => "HEAD" };
        var format = CommonOptions.Format("text", "text", "markdown", "gitlab-markdown", "json");
        var snapshot = new Option<string?>("--snapshot") { Description = "A cached lineage snapshot of the base; refreshed and written back when stale." };
        var failOn = new Option<string>("--fail-on") { Description = "Exit with code 3 when an impact at or above this severity exists: breaking, values, any, never.", DefaultValueFactory = _ => "never" };
        failOn.AcceptOnlyFromAmong("breaking", "values", "schema", "any", "never");
        var projectDir = CommonOptions.ProjectDir();
        var dialect = CommonOptions.Dialect();
        var target = CommonOptions.Target();
        var vars = CommonOptions.Vars();
        var profilesDir = CommonOptions.ProfilesDir();
        var manifest = CommonOptions.Manifest();
        var catalog = CommonOptions.Catalog();
        var showTimings = CommonOptions.Timings();
        var fullRead = new Option<bool>("--full-read")
        {
            Description = "Read the whole head commit even when only models changed (same report, slower; to rule out the delta build).",
        };

        var linkBase = new Option<string?>("--link-base")
        {
            Description = "Markdown formats: link files to BASE/path#Lline (e.g. https://github.com/org/repo/blob/main).",
        };

        var command = new Command("analyze", "Print the change-impact report of base...head.")
        {
            repo, baseRef, headRef, format, snapshot, failOn, projectDir, dialect, target, vars, profilesDir, manifest, catalog, showTimings, fullRead, linkBase,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            return ExitCodeMap.RunAsync(parse.InvocationConfiguration.Error, async () =>
            {
                var options = await CommonOptions.ProjectOptionsAsync(parse.GetValue(projectDir), parse.GetValue(dialect), parse.GetValue(manifest), parse.GetValue(catalog), cancellationToken, parse.GetValue(target), parse.GetValue(vars), parse.GetValue(profilesDir)).ConfigureAwait(false);
                var timings = new PhaseTimings();
                var result = await RunAsync(parse.GetRequiredValue(repo), parse.GetRequiredValue(baseRef), parse.GetRequiredValue(headRef), parse.GetValue(snapshot), options, cancellationToken, timings, parse.GetValue(fullRead)).ConfigureAwait(false);
                await output.WriteAsync(timings.Measure("render", () => Render(result.Report, parse.GetRequiredValue(format), parse.GetValue(linkBase)))).ConfigureAwait(false);
                if (parse.GetValue(showTimings))
                {
                    await parse.InvocationConfiguration.Error.WriteAsync(timings.Format()).ConfigureAwait(false);
                }

                if (!result.Report.Blocking.IsEmpty)
                {
                    return ExitCodes.InputErrors;
                }

                return SeverityNames.TryParseFailOn(parse.GetRequiredValue(failOn), out var threshold) && threshold is { } t && result.Report.Worst >= t
                    ? ExitCodes.FailOnMet
                    : ExitCodes.Ok;
            });
        });
        return command;
    }

    /// <summary>Resolves refs, reads both trees through git and runs the analysis; shared with <c>impactbot run</c>.</summary>
    public static async Task<AnalysisResult> RunAsync(
        string repoDir,
        string baseRef,
        string headRef,
        string? snapshotPath,
        ProjectOptions options,
        CancellationToken cancellationToken,
        PhaseTimings? timings = null,
        bool fullHeadRead = false)
    {
        timings ??= new PhaseTimings();
        if (!Directory.Exists(repoDir))
        {
            throw new UsageException($"--repo {repoDir} does not exist.");
        }

        // The snapshot loads on another thread while this one waits for git, and the engines warm up beside it.
        var load = Task.Run(() => SnapshotFiles.TryLoad(snapshotPath), cancellationToken);
        _ = Task.Run(Warmup.Run, cancellationToken);
        var git = new GitRepository(repoDir);
        // Each git call is a process start; the independent ones run side by side, in two rounds.
        var (head, @base, changed, headFiles) = await timings.MeasureAsync("git", async () =>
        {
            var resolveHead = git.ResolveCommitAsync(headRef, cancellationToken);
            var resolveBase = git.ResolveCommitAsync(baseRef, cancellationToken);
            var mergeBase = git.MergeBaseAsync(baseRef, headRef, cancellationToken);
            var head = await resolveHead.ConfigureAwait(false);
            var headTree = git.OpenTreeAsync(head, cancellationToken);
            await resolveBase.ConfigureAwait(false);
            var @base = await mergeBase.ConfigureAwait(false);
            var diff = await git.ChangedPathsAsync(@base, head, cancellationToken).ConfigureAwait(false);
            return (head, @base, diff, await headTree.ConfigureAwait(false));
        }).ConfigureAwait(false);
        // IFileSource reads synchronously; the base tree is listed on first use, if any.
        using var baseFiles = new LazyFileSource(() => git.OpenTreeAsync(@base, cancellationToken).GetAwaiter().GetResult());
        using var disposeHead = headFiles;
        var (cached, problem) = await timings.MeasureAsync("snapshot load (after git)", () => load).ConfigureAwait(false);
        var result = ImpactAnalysis.Run(
            new AnalysisRequest(baseFiles, headFiles, @base, head, changed) { CachedBase = cached, CacheProblem = problem, Timings = timings, FullHeadRead = fullHeadRead },
            options,
            cancellationToken);
        if (snapshotPath is not null && !ReferenceEquals(cached, result.BaseGraph))
        {
            timings.Measure("snapshot save", () => SnapshotFiles.Save(result.BaseGraph, snapshotPath));
        }

        return result;
    }

    public static string Render(ImpactReport report, string format, string? linkBase = null)
    {
        var links = linkBase is null ? null : MarkdownOptions.LinkBase(linkBase);
        return format switch
        {
            "json" => JsonReportRenderer.Render(report) + Environment.NewLine,
            "markdown" => MarkdownReportRenderer.Render(report, MarkdownOptions.GitHub with { FileLink = links }),
            "gitlab-markdown" => MarkdownReportRenderer.Render(report, MarkdownOptions.GitLab with { FileLink = links }),
            _ => TextReportRenderer.Render(report),
        };
    }
}
