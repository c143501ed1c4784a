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
        var configRead = ProjectGraph.ReadCheckedConfig(request.HeadFiles);
        var config = configRead.Config;
        ProjectGraph.CheckProjectDir(request.HeadFiles, config, options);
        var timings = request.Timings ?? new PhaseTimings();
        // Both commits are read with the head's dialect, target, vars and packages: a base read otherwise would differ
        // from the head in ways no file change explains (columns made up by another dialect's parser).
        options = options with { Settings = options.Settings ?? timings.Measure("settings", () => ProjectSettingsResolver.Resolve(request.HeadFiles, config, options)) };
        var settings = options.Settings.ToRecord();
        var warnings = ImmutableArray.CreateBuilder<string>();
        if (request.CacheProblem is not null)
        {
            warnings.Add($"the lineage snapshot could not be used ({request.CacheProblem}); the base was analysed from scratch");
        }

        LineageGraph baseGraph;
        Task? baseIndex = null;
        if (request.CachedBase is { } other && !settings.SameReading(other.Settings))
        {
            warnings.Add($"the lineage snapshot was read as {other.Settings?.Describe() ?? "an unknown dialect"}, this analysis reads {settings.Describe()}; the base was read again");
        }

        if (request.CachedBase is { } cached && cached.Commit == request.BaseCommit && settings.SameReading(cached.Settings))
        {
            baseGraph = cached;
            // The impact walk needs the base's consumer index; the head read leaves a core idle often enough to build it.
            baseIndex = Task.Run(baseGraph.PrepareConsumers, cancellationToken);
        }
        else
        {
            if (request.CachedBase is { } stale && settings.SameReading(stale.Settings))
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
        var report = new ImpactReport(request.BaseCommit, request.HeadCommit, changes, impacts, Diagnostics([.. configRead.Diagnostics, .. UnreadableFiles(request.HeadFiles, changed), .. options.Settings.Diagnostics], headGraph, changes, impacts, [.. changed, .. artifacts.OfType<string>()]))
        {
            Warnings = warnings.ToImmutable(),
            Settings = settings,
        };
        return new AnalysisResult(report, baseGraph, headGraph, config) { DeltaHead = delta is not null };
    }

    /// <summary>
    /// Problems worth showing: the config's warnings, those of changed or affected assets, of changed files (also when
    /// their asset shows no change) and of the artifacts given on the command line (a truncated manifest matters on every
    /// run), and those that fail the check wherever they are; not the whole project's.
    /// </summary>
    private static ImmutableArray<FileDiagnostic> Diagnostics(
        ImmutableArray<FileDiagnostic> config, LineageGraph head, ImmutableArray<AssetChange> changes, ImmutableArray<AssetImpact> impacts, HashSet<string> relevantPaths)
    {
        var relevant = changes.Select(c => c.Asset).Concat(impacts.Select(i => i.Asset)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. config
            .Concat(head.Assets
                .Where(a => relevant.Contains(a.Id) || (a.Path is { } path && relevantPaths.Contains(path)))
                .SelectMany(a => a.Diagnostics))
            .Concat(head.Diagnostics.Where(d => relevantPaths.Contains(d.Path) || BlockingDiagnostics.Fails(d)))
            .Distinct()];
    }

    /// <summary>Changed SQL, Python and YAML files that are not text: nothing of them can be analysed, so the check fails.</summary>
    private static IEnumerable<FileDiagnostic> UnreadableFiles(IFileSource head, HashSet<string> changed)
    {
        string[] read = [".sql", ".py", ".yml", ".yaml"];
        var present = head.Paths.ToHashSet(StringComparer.Ordinal);
        foreach (var path in changed.Order(StringComparer.Ordinal))
        {
            if (path == ProjectGraph.ConfigPath || !present.Contains(path) || !read.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (head.ReadText(path) is not { } text)
            {
                yield return new FileDiagnostic(BlockingDiagnostics.UnreadableCode, "the changed file is not text (binary content, or an encoding other than UTF-8 or UTF-16/UTF-32 with a byte order mark) and could not be analysed; save it as UTF-8", path, 0, 0, Sql.Text.DiagnosticSeverity.Error);
            }
            else if (Utf8Text.FirstUndecodableLine(text) is > 0 and var line)
            {
                yield return new FileDiagnostic("file-encoding", "the changed file is not valid UTF-8 here; the bytes that are not were read as '\uFFFD'. Save it as UTF-8", path, line, 1);
            }
        }
    }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
