using System.Diagnostics;
using System.Globalization;
using ImpactBot.Dbt.Analysis;
using ImpactBot.Dbt;
using ImpactBot.Core.Files;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Report;
using ImpactBot.Core.Snapshot;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Benchmarks.Project;

/// <summary>
/// <c>project-scale [--models N] [--cli PATH] [--keep]</c> (PATH: a built impactbot.dll or a published impactbot app host): generates a dbt project of N models into a temporary git repository (base
/// commit on main, a head commit changing 20 models), then measures the snapshot build in-process (cold and warm, split
/// by stage), snapshot load, and the whole <c>impactbot</c> process for <c>snapshot build</c> and <c>analyze</c> with wall
/// time and peak memory (from /usr/bin/time). <c>--keep</c> leaves the repository for profiling.
/// </summary>
internal static class ProjectScale
{
    public static int Run(string[] args)
    {
        var models = 5000;
        string? cli = null;
        var keep = args.Contains("--keep");
        args = [.. args.Where(a => a != "--keep")];
        for (var i = 0; i < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--models" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                    models = n;
                    break;
                case "--cli" when i + 1 < args.Length:
                    cli = args[i + 1];
                    break;
                default:
                    Console.Error.WriteLine("usage: project-scale [--models N] [--cli path/to/impactbot.dll|published/impactbot] [--keep]");
                    return 2;
            }
        }

        cli ??= FindCli();
        var baseFiles = DbtProjectGenerator.Base(models);
        var headFiles = DbtProjectGenerator.Head(baseFiles, models);
        var repo = Path.Combine(Path.GetTempPath(), "impactbot-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var clock = Stopwatch.StartNew();
            WriteRepository(repo, baseFiles, headFiles);
            var modelFiles = baseFiles.Keys.Count(k => k.EndsWith(".sql", StringComparison.Ordinal));
            Console.WriteLine($"project: {modelFiles} models, {baseFiles.Count} files, 20 changed models; repository written in {clock.Elapsed.TotalSeconds:F1} s ({repo})");

            var graph = InProcess("in-process build (cold)", baseFiles);
            InProcess("in-process build (warm)", baseFiles);
            Console.WriteLine($"graph: {graph.CountByStatus(LineageStatus.Complete)} complete, {graph.CountByStatus(LineageStatus.Partial)} partial, {graph.CountByStatus(LineageStatus.Failed)} failed models; {graph.ColumnCount} columns, {graph.EdgeCount} edges");
            var snapshot = Path.Combine(repo, ".git", "impactbot.snapshot");
            MeasureSnapshot(graph, snapshot);
            CompareHeadBuilds(baseFiles, headFiles);

            if (cli is null)
            {
                Console.WriteLine("whole process: skipped (build src/ImpactBot.Cli -c Release or pass --cli path/to/impactbot.dll)");
                return 0;
            }

            var processSnapshot = Path.Combine(repo, ".git", "process.snapshot");
            WholeProcess("impactbot snapshot build", cli, repo, "snapshot", "build", "--repo", repo, "--ref", "main", "--out", processSnapshot, "--format", "json");
            WholeProcess("impactbot analyze (no snapshot)", cli, repo, "analyze", "--repo", repo, "--base", "main", "--format", "json");
            WholeProcess("impactbot analyze (warm snapshot)", cli, repo, "analyze", "--repo", repo, "--base", "main", "--snapshot", processSnapshot, "--format", "json");
            WholeProcess("impactbot analyze (warm, markdown)", cli, repo, "analyze", "--repo", repo, "--base", "main", "--snapshot", processSnapshot, "--format", "markdown");
            return 0;
        }
        finally
        {
            if (!keep)
            {
                Directory.Delete(repo, recursive: true);
            }
        }
    }

    private static LineageGraph InProcess(string label, Dictionary<string, string> files)
    {
        var source = new InMemoryFileSource(files);
        var total = Stopwatch.StartNew();
        var clock = Stopwatch.StartNew();
        var config = ProjectGraph.ReadConfig(source);
        var project = DbtProjectReader.Read(source, new DbtReadOptions { Config = config });
        var read = clock.Elapsed;
        clock.Restart();
        var assets = ProjectAssets.From(project, DialectFacts.Snowflake);
        var assetTime = clock.Elapsed;
        clock.Restart();
        var graph = GraphBuilder.Build(assets, "bench", DialectFacts.Snowflake).Graph;
        var bind = clock.Elapsed;
        Console.WriteLine($"{label}: {total.Elapsed.TotalSeconds:F2} s = read {read.TotalSeconds:F2} s + assets {assetTime.TotalSeconds:F2} s + graph {bind.TotalSeconds:F2} s; {project.Diagnostics.Length} diagnostics");
        return graph;
    }

    /// <summary>
    /// The head graph built from the base graph and the 20 changed files (delta) must equal the full read of the head:
    /// same snapshot bytes, same JSON report. Prints both times.
    /// </summary>
    private static void CompareHeadBuilds(Dictionary<string, string> baseFiles, Dictionary<string, string> headFiles)
    {
        // As `analyze` has it: the base graph of a project read from its files, through a snapshot file.
        var baseSource = new InMemoryFileSource(baseFiles);
        var baseGraph = SnapshotReader.Read(Bytes(ProjectGraph.Build(baseSource, "base", ProjectGraph.ReadConfig(baseSource), ProjectOptions.Default, previous: null).Build.Graph)).Graph!;
        var changed = headFiles.Where(f => !baseFiles.TryGetValue(f.Key, out var old) || old != f.Value).Select(f => f.Key).ToList();
        var request = new AnalysisRequest(baseSource, new InMemoryFileSource(headFiles), baseGraph.Commit, "head", changed) { CachedBase = baseGraph };
        var clock = Stopwatch.StartNew();
        var delta = ImpactAnalysis.Run(request, ProjectOptions.Default);
        var deltaTime = clock.Elapsed;
        clock.Restart();
        var full = ImpactAnalysis.Run(request with { FullHeadRead = true }, ProjectOptions.Default);
        var fullTime = clock.Elapsed;
        var same = Bytes(delta.HeadGraph).AsSpan().SequenceEqual(Bytes(full.HeadGraph))
            && JsonReportRenderer.Render(delta.Report) == JsonReportRenderer.Render(full.Report);
        Console.WriteLine($"in-process analyze: delta head {deltaTime.TotalSeconds:F2} s (used: {(delta.DeltaHead ? "yes" : "no")}), full head {fullTime.TotalSeconds:F2} s; identical head graph and report: {(same ? "yes" : "NO")}");
    }

    private static byte[] Bytes(LineageGraph graph)
    {
        using var stream = new MemoryStream();
        SnapshotWriter.Write(graph, stream);
        return stream.ToArray();
    }

    private static void MeasureSnapshot(LineageGraph graph, string path)
    {
        var clock = Stopwatch.StartNew();
        using (var stream = File.Create(path))
        {
            SnapshotWriter.Write(graph, stream);
        }

        var write = clock.Elapsed;
        var size = new FileInfo(path).Length;
        for (var round = 1; round <= 2; round++)
        {
            clock.Restart();
            var result = SnapshotReader.Read(File.ReadAllBytes(path));
            var assets = result.Graph?.Assets.Length ?? 0;
            Console.WriteLine($"snapshot: {size / 1024.0 / 1024.0:F1} MB, write {write.TotalSeconds:F2} s, load {(round == 1 ? "cold" : "warm")} {clock.Elapsed.TotalSeconds:F3} s ({assets} assets)");
        }
    }

    /// <summary>Five runs (wall times vary with what else the machine does); prints each, the best, the median and the peak memory.</summary>
    private static void WholeProcess(string label, string cli, string repo, params string[] arguments)
    {
        var runs = Enumerable.Range(0, 5).Select(_ => TimedRun(cli, repo, arguments)).ToList();
        var last = runs[^1];
        var firstLine = last.Output.Split('\n')[0];
        var times = string.Join(" / ", runs.Select(r => r.Seconds.ToString("F2", CultureInfo.InvariantCulture)));
        var median = runs.Select(r => r.Seconds).Order().ElementAt(runs.Count / 2);
        Console.WriteLine($"{label}: best {runs.Min(r => r.Seconds):F2} s, median {median:F2} s ({times}), peak {runs.Max(r => r.PeakMb):F0} MB, exit {last.ExitCode}, {last.Output.Length} chars out{(firstLine.Length < 200 ? ": " + firstLine : "")}");
        if (last.Error.Length > 0)
        {
            Console.WriteLine("  stderr: " + last.Error.Trim().Split('\n')[0]);
        }
    }

    private static (double Seconds, double PeakMb, int ExitCode, string Output, string Error) TimedRun(string cli, string repo, string[] arguments)
    {
        var timeFile = Path.Combine(repo, ".git", "time.txt");
        var info = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };

        // A published app host (ReadyToRun, as in the Docker image) runs directly; a built dll through `dotnet`.
        string[] command = cli.EndsWith(".dll", StringComparison.Ordinal) ? ["dotnet", cli] : [cli];
        foreach (var argument in (string[])["-f", "%e %M", "-o", timeFile, .. command, .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var parts = File.ReadAllText(timeFile).Trim().Split('\n')[^1].Split(' ');
        var seconds = double.Parse(parts[0], CultureInfo.InvariantCulture);
        var peakMb = long.Parse(parts[1], CultureInfo.InvariantCulture) / 1024.0;
        return (seconds, peakMb, process.ExitCode, output.Result, error);
    }

    private static void WriteRepository(string repo, Dictionary<string, string> baseFiles, Dictionary<string, string> headFiles)
    {
        WriteFiles(repo, baseFiles);
        Git(repo, "init", "-q", "-b", "main");
        Git(repo, "add", "-A");
        Git(repo, "commit", "-q", "-m", "base");
        Git(repo, "checkout", "-q", "-b", "change");
        WriteFiles(repo, headFiles.Where(f => baseFiles[f.Key] != f.Value));
        Git(repo, "commit", "-q", "-am", "change 20 models");

        // A clone is packed; 5,000 loose objects would add ~0.4 s of zlib and file opens to every read of the tree.
        Git(repo, "gc", "-q");
    }

    private static void WriteFiles(string repo, IEnumerable<KeyValuePair<string, string>> files)
    {
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(repo, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }

    private static void Git(string repo, params string[] arguments)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = repo, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("user.name=bench");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("user.email=bench@example.com");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed");
        }
    }

    /// <summary>The Release build of the CLI next to this repository, if it has been built.</summary>
    private static string? FindCli()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "ImpactBot.Cli", "bin", "Release", "net10.0", "impactbot.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
