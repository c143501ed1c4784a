using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ImpactBot.Dbt.Analysis;
using ImpactBot.Dbt;
using ImpactBot.Core.Files;
using ImpactBot.Core.Graph;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Benchmarks.RealProjects;

/// <summary>
/// <c>real-projects [--mirrors DIR] [--only NAME] [--per-model]</c>: extracts each pinned project (<see cref="RealProjectList"/>)
/// from its fetched mirror and builds its lineage graph in a child process of its own, so time and peak memory are that
/// project's alone. Reports per project the models with complete / partial / failed lineage, the share of model-level
/// dependencies (see <see cref="RealProjectFigures"/>), the in-process read and graph time, the child's wall time and peak
/// resident memory. <c>--per-model</c> also binds every model once more on its own (without upstream schemas) and names
/// the slowest. Linux only (git archive | tar, /proc/self/status).
/// </summary>
internal static class RealProjectRun
{
    public static int Run(string[] args)
    {
        var mirrors = Option(args, "--mirrors") ?? "/work/.mirror";
        if (Option(args, "--child") is { } child)
        {
            return Child(RealProjectList.All.Single(p => p.Name == child), mirrors, args.Contains("--per-model"));
        }

        var only = Option(args, "--only");
        var rows = new List<RealProjectFigures>();
        foreach (var project in RealProjectList.All.Where(p => only is null || p.Name == only))
        {
            var figures = Spawn(project, mirrors, args.Contains("--per-model"));
            Console.WriteLine(figures is null ? $"{project.Name}: skipped (mirror or commit not fetched, or the run failed)" : figures.Line());
            if (figures is not null)
            {
                rows.Add(figures);
            }
        }

        Console.WriteLine();
        Console.WriteLine(RealProjectFigures.MarkdownHeader);
        foreach (var row in rows)
        {
            Console.WriteLine(row.MarkdownRow());
        }

        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static RealProjectFigures? Spawn(RealProject project, string mirrors, bool perModel)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(RealProjectRun).Assembly.Location);
        }

        foreach (var arg in new[] { "real-projects", "--child", project.Name, "--mirrors", mirrors })
        {
            start.ArgumentList.Add(arg);
        }

        if (perModel)
        {
            start.ArgumentList.Add("--per-model");
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            return null;
        }

        var figures = JsonSerializer.Deserialize<RealProjectFigures>(line["RESULT ".Length..])!;
        return figures with { ProcessSeconds = clock.Elapsed.TotalSeconds };
    }

    private static int Child(RealProject project, string mirrors, bool perModel)
    {
        var gitDir = Path.Combine(mirrors, project.Repository.Replace('/', '+'), "repo");
        var folder = Path.Combine(Path.GetTempPath(), "impactbot-real-" + project.Name + "-" + Guid.NewGuid().ToString("N")[..6]);
        try
        {
            if (!Directory.Exists(gitDir) || !Extract(gitDir, project, folder))
            {
                return 1;
            }

            var files = ReadTree(folder);
            var clock = Stopwatch.StartNew();
            var fileSource = new InMemoryFileSource(files);
            var options = new ProjectOptions
            {
                Dialect = DialectFacts.FromName(project.Dialect),
                ProjectDir = project.ProjectDir,
                ManifestText = project.Manifest is { } m ? File.ReadAllText(Path.Combine(folder, m)) : null,
                ManifestPath = project.Manifest ?? "manifest.json",
                CatalogText = project.Catalog is { } c ? File.ReadAllText(Path.Combine(folder, c)) : null,
                CatalogPath = project.Catalog ?? "catalog.json",
                Vars = project.Vars is { } vars ? DbtVars.Parse(vars, "--vars", new List<FileDiagnostic>()) : null,
            };
            var (build, dbt) = ProjectGraph.Build(fileSource, project.Commit, ProjectGraph.ReadConfigOrDefault(fileSource), options, previous: null);
            var seconds = clock.Elapsed.TotalSeconds;
            var figures = RealProjectFigures.Of(project, build.Graph, seconds, PeakMegabytes());
            if (perModel)
            {
                figures = figures with { SlowestModel = Slowest(dbt, options.Dialect!) };
            }

            Console.WriteLine("RESULT " + JsonSerializer.Serialize(figures));
            return 0;
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static bool Extract(string gitDir, RealProject project, string folder)
    {
        Directory.CreateDirectory(folder);
        var paths = string.Join(' ', project.Paths.Select(p => "'" + p + "'"));
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"git --git-dir='{gitDir}' archive {project.Commit} {paths} | tar -x -C '{folder}'");
        using var process = Process.Start(start)!;
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    private static Dictionary<string, string> ReadTree(string folder)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            if (relative.EndsWith(".sql", StringComparison.Ordinal) || relative.EndsWith(".yml", StringComparison.Ordinal)
                || relative.EndsWith(".yaml", StringComparison.Ordinal) || relative.EndsWith(".csv", StringComparison.Ordinal)
                || relative.EndsWith(".py", StringComparison.Ordinal) || relative.EndsWith(".sqlproj", StringComparison.Ordinal))
            {
                files[relative] = File.ReadAllText(path);
            }
        }

        return files;
    }

    /// <summary>Peak resident memory of this process (VmHWM), in MB.</summary>
    private static double PeakMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null
            ? Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0
            : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static string Slowest(DbtProject project, DialectFacts dialect)
    {
        var slowest = (Seconds: 0.0, Name: "");
        foreach (var asset in ProjectAssets.From(project, dialect).Where(a => a.Sql is not null))
        {
            var clock = Stopwatch.StartNew();
            SqlLineage.Analyze(asset.Sql!, asset.Dialect ?? dialect);
            if (clock.Elapsed.TotalSeconds > slowest.Seconds)
            {
                slowest = (clock.Elapsed.TotalSeconds, asset.Id);
            }
        }

        return $"{slowest.Name} {slowest.Seconds:F2} s";
    }
}
