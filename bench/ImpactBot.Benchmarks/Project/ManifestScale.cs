using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ImpactBot.Core.Files;
using ImpactBot.Core.Timing;
using ImpactBot.Dbt;
using ImpactBot.Dbt.Analysis;

namespace ImpactBot.Benchmarks.Project;

/// <summary>
/// <c>manifest-scale [MB...]</c> (default 2.5 10 20): a generated dbt project (<see cref="DbtProjectGenerator"/>) with a
/// <c>manifest.json</c> of about that size, as dbt would write it (compiled code with warehouse relation names, columns
/// with descriptions, <c>depends_on</c>), read in-process with the manifest as <c>analyze --manifest</c> reads a commit.
/// Prints the manifest's size, the wall time and allocations of each phase (<c>--timings</c>' phases) and the total.
/// </summary>
internal static class ManifestScale
{
    /// <summary>Manifest bytes per model of the generated project, measured: sizes the project for a wanted manifest size.</summary>
    private const double BytesPerModel = 1_850;

    public static int Run(string[] args)
    {
        var sizes = args.Length == 0 ? [2.5, 10, 20] : args.Select(a => double.Parse(a, CultureInfo.InvariantCulture)).ToArray();

        // Warm-up: the first read compiles the reader.
        Read(Project(0.3));
        foreach (var size in sizes)
        {
            var (files, manifest) = Project(size);
            GC.Collect();
            var (seconds, bytes, timings, models) = Read((files, manifest));
            Console.WriteLine(
                $"manifest {manifest.Length / 1e6,5:F1} MB ({models} models), read: {seconds,6:F2} s, {bytes / 1e6,6:F0} MB allocated, peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6,5:F0} MB");
            Console.Write(timings.Format());
            GC.Collect();
            // A fresh string, as the CLI reads the file once per run: base and head then share it.
            (seconds, bytes, timings) = Analyze(files, new string(manifest));
            Console.WriteLine($"analyze (base and head, one model changed): {seconds,6:F2} s, {bytes / 1e6,6:F0} MB allocated");
            Console.Write(timings.Format());
        }

        return 0;
    }

    private static (double Seconds, long Bytes, PhaseTimings Timings, int Models) Read((InMemoryFileSource Files, string Manifest) project)
    {
        var timings = new PhaseTimings();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var config = ProjectGraph.ReadConfigOrDefault(project.Files);
        var (build, read) = ProjectGraph.Build(project.Files, "c", config, ProjectOptions.Default with { ManifestText = project.Manifest }, previous: null, timings);
        var seconds = clock.Elapsed.TotalSeconds;
        if (read.Models.Count(m => m.FromManifest) < read.Models.Length / 2 || build.Graph.Assets.Length < read.Models.Length)
        {
            throw new InvalidOperationException("the manifest was not used");
        }

        return (seconds, GC.GetTotalAllocatedBytes(precise: true) - allocated, timings, read.Models.Length);
    }

    /// <summary>An analysis of one changed model with the manifest, as <c>analyze --manifest</c> runs it (both commits read whole).</summary>
    private static (double Seconds, long Bytes, PhaseTimings Timings) Analyze(InMemoryFileSource files, string manifest)
    {
        var changed = files.Paths.First(p => p.StartsWith("models/marts/", StringComparison.Ordinal) && p.EndsWith(".sql", StringComparison.Ordinal));
        var headFiles = files.Paths.ToDictionary(p => p, p => files.ReadText(p)!, StringComparer.Ordinal);
        headFiles[changed] += "\nwhere id > 0";
        var timings = new PhaseTimings();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        ImpactAnalysis.Run(new AnalysisRequest(files, new InMemoryFileSource(headFiles), "base", "head", [changed]) { Timings = timings }, ProjectOptions.Default with { ManifestText = manifest });
        return (clock.Elapsed.TotalSeconds, GC.GetTotalAllocatedBytes(precise: true) - allocated, timings);
    }

    /// <summary>The generated project's files, and its manifest.json: the models rendered by ImpactBot, relations named as dbt compiles them.</summary>
    private static (InMemoryFileSource Files, string Manifest) Project(double megabytes)
    {
        var models = Math.Max(40, (int)(megabytes * 1e6 / BytesPerModel));
        var files = new InMemoryFileSource(DbtProjectGenerator.Base(models));
        var project = DbtProjectReader.Read(files);
        var nodes = new Dictionary<string, object?>(StringComparer.Ordinal);
        string Relation(string schema, string name) => $"\"ANALYTICS\".\"{schema}\".\"{name.ToUpperInvariant()}\"";
        foreach (var source in project.Sources)
        {
            nodes[source.UniqueId] = new Dictionary<string, object?>
            {
                ["resource_type"] = "source", ["name"] = source.Name, ["source_name"] = source.SourceName, ["package_name"] = project.Name,
                ["original_file_path"] = source.Path, ["relation_name"] = Relation(source.SourceName.ToUpperInvariant(), source.Name),
                ["identifier"] = source.Name, ["schema"] = source.SourceName, ["database"] = "ANALYTICS", ["description"] = source.Description ?? "",
                ["columns"] = Columns(source.Columns),
            };
        }

        var byName = project.Models.ToDictionary(m => m.Name, StringComparer.Ordinal);
        foreach (var model in project.Models)
        {
            var compiled = model.RenderedSql;
            foreach (var r in model.Refs)
            {
                compiled = compiled.Replace(r.RelationName, Relation("BENCH", r.Name), StringComparison.Ordinal);
            }

            foreach (var s in model.Sources)
            {
                compiled = compiled.Replace(s.RelationName, Relation(s.SourceName.ToUpperInvariant(), s.TableName), StringComparison.Ordinal);
            }

            nodes[model.UniqueId] = new Dictionary<string, object?>
            {
                ["resource_type"] = "model", ["name"] = model.Name, ["package_name"] = project.Name, ["original_file_path"] = model.Path,
                ["raw_code"] = model.RawSql, ["compiled_code"] = compiled, ["language"] = "sql", ["relation_name"] = Relation("BENCH", model.Name),
                ["database"] = "ANALYTICS", ["schema"] = "BENCH", ["alias"] = model.Name, ["description"] = model.Description ?? "",
                ["config"] = new Dictionary<string, object?> { ["materialized"] = model.Materialization, ["tags"] = Array.Empty<string>(), ["meta"] = new Dictionary<string, object?>() },
                ["depends_on"] = new Dictionary<string, object?>
                {
                    ["macros"] = Array.Empty<string>(),
                    ["nodes"] = model.Refs.Select(r => byName[r.Name].UniqueId).Concat(model.Sources.Select(s => $"source.{project.Name}.{s.SourceName}.{s.TableName}")).Distinct().ToArray(),
                },
                ["columns"] = Columns(model.Columns),
            };
        }

        var manifest = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["metadata"] = new Dictionary<string, object?> { ["dbt_version"] = "1.9.0", ["project_name"] = project.Name, ["adapter_type"] = "snowflake" },
            ["nodes"] = nodes.Where(n => !n.Key.StartsWith("source.", StringComparison.Ordinal)).ToDictionary(),
            ["sources"] = nodes.Where(n => n.Key.StartsWith("source.", StringComparison.Ordinal)).ToDictionary(),
            ["exposures"] = new Dictionary<string, object?>(),
            ["groups"] = new Dictionary<string, object?>(),
        });
        return (files, manifest);
    }

    private static Dictionary<string, object?> Columns(IEnumerable<DbtColumn> columns) =>
        columns.ToDictionary(c => c.Name, c => (object?)new Dictionary<string, object?>
        {
            ["name"] = c.Name, ["description"] = c.Description ?? "", ["data_type"] = c.DataType, ["meta"] = new Dictionary<string, object?>(), ["tags"] = Array.Empty<string>(),
        });
}
