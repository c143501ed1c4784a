using System.Collections.Immutable;
using ImpactBot.Core.Changes;
using ImpactBot.Core.Files;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Impact;
using ImpactBot.Core.Owners;
using ImpactBot.Core.Report;
using ImpactBot.Core.Timing;

namespace ImpactBot.Dbt.Analysis;

/// <summary>
/// The main job as one function: base graph (from the cached snapshot when it matches the merge base, else built or
/// refreshed incrementally), head graph (from the base and the changed files when the change allows, else read in full
/// re-analysing only what changed), changes, impact, report.
/// </summary>
public static class ImpactAnalysis
{
    public static AnalysisResult Run(AnalysisRequest request, ProjectOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var config = ProjectGraph.ReadConfig(request.HeadFiles);
        var timings = request.Timings ?? new PhaseTimings();
        var warnings = ImmutableArray.CreateBuilder<string>();
        if (request.CacheProblem is not null)
        {
            warnings.Add($"the lineage snapshot could not be used ({request.CacheProblem}); the base was analysed from scratch");
        }

        LineageGraph baseGraph;
        Task? baseIndex = null;
        if (request.CachedBase is { } cached && cached.Commit == request.BaseCommit)
        {
            baseGraph = cached;
            // The impact walk needs the base's consumer index; the head read leaves a core idle often enough to build it.
            baseIndex = Task.Run(baseGraph.PrepareConsumers, cancellationToken);
        }
        else
        {
            if (request.CachedBase is { } stale)
            {
                warnings.Add($"the lineage snapshot was built from {Short(stale.Commit)}, not the merge base {Short(request.BaseCommit)}; it was refreshed incrementally");
            }

            baseGraph = ProjectGraph.Build(request.BaseFiles, request.BaseCommit, ProjectGraph.ReadConfigOrDefault(request.BaseFiles), options, request.CachedBase, timings.For("base"), cancellationToken).Build.Graph;
        }

        // Ignored files never become assets (the project reader drops them); they must not be blamed for changes either.
        var ignore = config.Ignore.Select(p => new GlobPattern(p)).ToList();
        var changed = request.ChangedPaths.Where(p => !ignore.Any(g => g.IsMatch(p))).ToHashSet(StringComparer.Ordinal);
        var delta = request.FullHeadRead
            ? null
            : DeltaHead.TryBuild(request.BaseFiles, request.HeadFiles, request.HeadCommit, baseGraph, config, options, changed, timings.For("head (delta)"), cancellationToken);
        var headGraph = delta?.Graph
            ?? ProjectGraph.Build(request.HeadFiles, request.HeadCommit, config, options, baseGraph, timings.For("head"), cancellationToken).Build.Graph;
        var artifacts = new[] { options.ManifestText is null ? null : options.ManifestPath, options.CatalogText is null ? null : options.CatalogPath };
        var headIndex = Task.Run(headGraph.PrepareConsumers, cancellationToken);
        var changes = timings.Measure("changes", () => ChangeDetector.Detect(baseGraph, headGraph, changed));
        Task.WaitAll([headIndex, baseIndex ?? Task.CompletedTask], cancellationToken);
        var locator = new ColumnLocator(request.HeadFiles);
        var impacts = timings.Measure("impact", () => ImpactAnalyzer.Analyze(baseGraph, headGraph, changes, locator.Find));
        var report = new ImpactReport(request.BaseCommit, request.HeadCommit, changes, impacts, Diagnostics(headGraph, changes, impacts, [.. changed, .. artifacts.OfType<string>()]))
        {
            Warnings = warnings.ToImmutable(),
        };
        return new AnalysisResult(report, baseGraph, headGraph, config) { DeltaHead = delta is not null };
    }

    /// <summary>
    /// Problems worth showing: those of changed or affected assets, of changed files and of the artifacts given on the
    /// command line (a truncated manifest matters on every run), not the whole project's.
    /// </summary>
    private static ImmutableArray<FileDiagnostic> Diagnostics(LineageGraph head, ImmutableArray<AssetChange> changes, ImmutableArray<AssetImpact> impacts, HashSet<string> relevantPaths)
    {
        var relevant = changes.Select(c => c.Asset).Concat(impacts.Select(i => i.Asset)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. head.Assets
            .Where(a => relevant.Contains(a.Id))
            .SelectMany(a => a.Diagnostics)
            .Concat(head.Diagnostics.Where(d => relevantPaths.Contains(d.Path)))
            .Distinct()];
    }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
