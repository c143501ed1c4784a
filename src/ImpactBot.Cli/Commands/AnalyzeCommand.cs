using ImpactBot.Core.Config;
using System.CommandLine;
using ImpactBot.Cli.Analysis;
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
        var packagesDir = CommonOptions.PackagesDir();
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
            repo, baseRef, headRef, format, snapshot, failOn, projectDir, dialect, target, vars, profilesDir, manifest, catalog, packagesDir, showTimings, fullRead, linkBase,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            return ExitCodeMap.RunAsync(parse.InvocationConfiguration.Error, async () =>
            {
                var options = await RepositoryAnalysis.ProjectOptionsAsync(parse.GetValue(projectDir), parse.GetValue(dialect), parse.GetValue(manifest), parse.GetValue(catalog), cancellationToken, parse.GetValue(target), parse.GetValue(vars), parse.GetValue(profilesDir)).ConfigureAwait(false);
                var timings = new PhaseTimings();
                if (parse.GetValue(packagesDir) is { } givenPackages)
                {
                    // Without --packages-dir, RepositoryAnalysis looks for the working tree's packages itself (once).
                    options = InstalledPackageFiles.Attach(options, parse.GetRequiredValue(repo), givenPackages);
                }

                var request = new RepositoryAnalysisRequest(parse.GetRequiredValue(repo), parse.GetRequiredValue(baseRef), parse.GetRequiredValue(headRef))
                {
                    SnapshotPath = parse.GetValue(snapshot),
                    FullHeadRead = parse.GetValue(fullRead),
                    Timings = timings,
                };
                var result = await RepositoryAnalysis.RunAsync(request, options, cancellationToken).ConfigureAwait(false);
                await output.WriteAsync(timings.Measure("render", () => Render(result.Report, parse.GetRequiredValue(format), parse.GetValue(linkBase), result.Config.Acknowledge))).ConfigureAwait(false);
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

    /// <param name="acknowledge">The repository's policy, so the markdown says who may acknowledge each item as the comment would.</param>
    public static string Render(ImpactReport report, string format, string? linkBase = null, AcknowledgePolicy acknowledge = AcknowledgePolicy.OwnersOrMaintainers)
    {
        var links = linkBase is null ? null : MarkdownOptions.LinkBase(linkBase);
        return format switch
        {
            "json" => JsonReportRenderer.Render(report) + Environment.NewLine,
            "markdown" => MarkdownReportRenderer.Render(report, MarkdownOptions.GitHub with { FileLink = links, Acknowledge = acknowledge }),
            "gitlab-markdown" => MarkdownReportRenderer.Render(report, MarkdownOptions.GitLab with { FileLink = links, Acknowledge = acknowledge }),
            _ => TextReportRenderer.Render(report),
        };
    }
}
