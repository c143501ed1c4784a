using ImpactBot.Cli.Analysis;
using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using ImpactBot.Cli.Git;
using ImpactBot.Core.Snapshot;
using ImpactBot.Dbt.Analysis;
using ImpactBot.Core.Timing;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Cli.Commands;

/// <summary><c>impactbot snapshot build --ref main --out FILE</c>: the lineage snapshot of one commit, for the cache.</summary>
internal static class SnapshotCommand
{
    public static Command Create()
    {
        var repo = CommonOptions.Repo();
        var reference = new Option<string>("--ref") { Description = "The commit to snapshot (default: HEAD).", DefaultValueFactory = _ => "HEAD" };
        var output = new Option<string>("--out") { Description = "Where to write the snapshot. An existing snapshot there is refreshed incrementally.", Required = true };
        var format = CommonOptions.Format("text", "text", "json");
        var projectDir = CommonOptions.ProjectDir();
        var dialect = CommonOptions.Dialect();
        var target = CommonOptions.Target();
        var vars = CommonOptions.Vars();
        var profilesDir = CommonOptions.ProfilesDir();
        var manifest = CommonOptions.Manifest();
        var catalog = CommonOptions.Catalog();
        var packagesDir = CommonOptions.PackagesDir();
        var showTimings = CommonOptions.Timings();
        var build = new Command("build", "Build (or refresh) the lineage snapshot of a commit.")
        {
            repo, reference, output, format, projectDir, dialect, target, vars, profilesDir, manifest, catalog, packagesDir, showTimings,
        };
        build.SetAction((parse, cancellationToken) => ExitCodeMap.RunAsync(parse.InvocationConfiguration.Error, async () =>
        {
            var clock = Stopwatch.StartNew();
            var options = await RepositoryAnalysis.ProjectOptionsAsync(parse.GetValue(projectDir), parse.GetValue(dialect), parse.GetValue(manifest), parse.GetValue(catalog), cancellationToken, parse.GetValue(target), parse.GetValue(vars), parse.GetValue(profilesDir)).ConfigureAwait(false);
            var repoDir = parse.GetRequiredValue(repo);
            if (!Directory.Exists(repoDir))
            {
                throw new UsageException($"--repo {repoDir} does not exist.");
            }

            options = InstalledPackageFiles.Attach(options, repoDir, parse.GetValue(packagesDir));

            var git = new GitRepository(repoDir);
            var timings = new PhaseTimings();
            var (commit, files) = await timings.MeasureAsync("git", async () =>
            {
                var commit = await git.ResolveCommitAsync(parse.GetRequiredValue(reference), cancellationToken).ConfigureAwait(false);
                return (commit, await git.OpenTreeAsync(commit, cancellationToken).ConfigureAwait(false));
            }).ConfigureAwait(false);
            using var disposeFiles = files;
            var outPath = parse.GetRequiredValue(output);
            var (previous, _) = timings.Measure("snapshot load", () => SnapshotFiles.TryLoad(outPath));
            var config = ProjectGraph.ReadConfig(files);
            ProjectGraph.CheckProjectDir(files, config, options);
            var (result, _) = ProjectGraph.Build(files, commit, config, options, previous, timings, cancellationToken);
            timings.Measure("snapshot save", () => SnapshotFiles.Save(result.Graph, outPath));
            var graph = result.Graph;
            var summary = new SnapshotSummary(
                Enum.GetValues<LineageStatus>().Sum(graph.CountByStatus),
                graph.ColumnCount,
                graph.EdgeCount,
                graph.CountByStatus(LineageStatus.Complete),
                graph.CountByStatus(LineageStatus.Inferred),
                graph.CountByStatus(LineageStatus.Partial),
                graph.CountByStatus(LineageStatus.Failed),
                Math.Round(clock.Elapsed.TotalSeconds, 3));
            var writer = parse.InvocationConfiguration.Output;
            if (parse.GetRequiredValue(format) == "json")
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(summary, CliJsonContext.Default.SnapshotSummary)).ConfigureAwait(false);
            }
            else
            {
                await writer.WriteLineAsync($"snapshot of {commit[..Math.Min(12, commit.Length)]} written to {outPath}: {summary.Models} models ({summary.Complete} complete, {summary.Inferred} inferred, {summary.Partial} partial, {summary.Failed} failed), {summary.Columns} columns, {summary.Edges} edges; {result.Analysed} analysed, {result.Reused} reused, {summary.Seconds:0.###} s").ConfigureAwait(false);
            }

            if (parse.GetValue(showTimings))
            {
                await parse.InvocationConfiguration.Error.WriteAsync(timings.Format()).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }));
        return new Command("snapshot", "Lineage snapshots for the cache.") { build, Export() };
    }

    /// <summary><c>impactbot snapshot export --snapshot FILE</c>: the whole graph as JSON, or as OpenLineage events.</summary>
    private static Command Export()
    {
        var snapshot = new Option<string>("--snapshot") { Description = "A snapshot written by `impactbot snapshot build`.", Required = true };
        var format = CommonOptions.Format("json", "json", "openlineage");
        var datasetNamespace = new Option<string?>("--namespace") { Description = "openlineage: the datasets' namespace (default: DIALECT://TARGET from the snapshot, e.g. snowflake://prod)." };
        var eventTime = new Option<DateTimeOffset?>("--event-time") { Description = "openlineage: the events' time, ISO 8601 (default: now)." };
        var export = new Command("export", "Print the lineage graph of a snapshot: per asset its type, file, status, columns with sources and edge kinds, diagnostics.")
        {
            snapshot, format, datasetNamespace, eventTime,
        };
        export.SetAction((parse, _) => ExitCodeMap.RunAsync(parse.InvocationConfiguration.Error, async () =>
        {
            var graph = SnapshotFiles.LoadRequired(parse.GetRequiredValue(snapshot));

            var text = parse.GetRequiredValue(format) == "openlineage"
                ? OpenLineageExport.Render(graph, parse.GetValue(eventTime) ?? TimeProvider.System.GetUtcNow(), parse.GetValue(datasetNamespace))
                : LineageExport.Render(graph);
            await parse.InvocationConfiguration.Output.WriteAsync(text).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return export;
    }
}
