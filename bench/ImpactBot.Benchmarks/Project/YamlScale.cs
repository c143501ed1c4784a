using System.Diagnostics;
using System.Text;
using ImpactBot.Core.Files;
using ImpactBot.Dbt;

namespace ImpactBot.Benchmarks.Project;

/// <summary>
/// <c>yaml-scale [CASE...]</c>: reads a two-model dbt project whose <c>models/big.yml</c> (or <c>dbt_project.yml</c>)
/// is generated to be large or hostile, in-process, and prints the wall time, bytes allocated and what was read.
/// Cases: <c>schema-2mb schema-5mb schema-10mb schema-19mb schema-50mb deep-20000 deep-50000 laughs-schema laughs-vars</c>
/// (default: all). Run a case alone to see its peak memory, or one that crashes a build without the YAML budgets.
/// </summary>
internal static class YamlScale
{
    private static readonly string[] AllCases =
        ["schema-2mb", "schema-5mb", "schema-10mb", "schema-19mb", "schema-50mb", "deep-20000", "deep-50000", "laughs-schema", "laughs-vars"];

    public static int Run(string[] args)
    {
        var cases = args.Length == 0 ? AllCases : args;
        if (cases.FirstOrDefault(c => !AllCases.Contains(c)) is { } unknown)
        {
            Console.Error.WriteLine($"unknown case '{unknown}'; cases: {string.Join(' ', AllCases)}");
            return 2;
        }

        // Warm-up: the first read compiles the reader.
        DbtProjectReader.Read(Files(("models/big.yml", Schema(10_000))));
        foreach (var name in cases)
        {
            var files = Files(Case(name));
            GC.Collect();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var project = DbtProjectReader.Read(files);
            var seconds = clock.Elapsed.TotalSeconds;
            var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            var described = project.Models.Count(m => m.Description is not null);
            var codes = string.Join(", ", project.Diagnostics.GroupBy(d => d.Code).Select(g => $"{g.Count()} x {g.Key} (first {g.First().Path}:{g.First().Line})"));
            Console.WriteLine(
                $"{name,-14} {seconds,7:F2} s  {bytes / 1e6,8:F0} MB allocated  peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6,6:F0} MB  "
                + $"models {project.Models.Length}, described {described}  {codes}");
        }

        return 0;
    }

    private static (string Path, string Text) Case(string name) => name switch
    {
        "schema-2mb" => ("models/big.yml", Schema(2_000_000)),
        "schema-5mb" => ("models/big.yml", Schema(5_000_000)),
        "schema-10mb" => ("models/big.yml", Schema(10_000_000)),
        "schema-19mb" => ("models/big.yml", Schema(19_000_000)),
        "schema-50mb" => ("models/big.yml", Schema(50_000_000)),
        "deep-20000" => ("models/big.yml", Deep(20_000)),
        "deep-50000" => ("models/big.yml", Deep(50_000)),
        "laughs-schema" => ("models/big.yml", "version: 2\nmodels:\n  - name: a\n    description: bomb\n    meta:\n" + Laughs("      ")),
        _ => ("dbt_project.yml", "name: p\nvars:\n" + Laughs("  ")),
    };

    private static InMemoryFileSource Files((string Path, string Text) file)
    {
        var files = new Dictionary<string, string>
        {
            ["dbt_project.yml"] = "name: p\n",
            ["models/a.sql"] = "select {{ var('l9', 1) }} as x",
            ["models/b.sql"] = "select 1 as y",
            ["models/b.yml"] = "version: 2\nmodels:\n  - name: b\n    description: read\n",
        };
        files[file.Path] = file.Text;
        return new InMemoryFileSource(files);
    }

    /// <summary>A properties file of about <paramref name="chars"/> characters: model entries with a column and tests; the first describes model a.</summary>
    private static string Schema(int chars)
    {
        var text = new StringBuilder("version: 2\nmodels:\n");
        for (var i = 0; text.Length < chars; i++)
        {
            text.Append(i == 0 ? "  - name: a\n" : $"  - name: m{i}\n")
                .Append("    description: some words about the model\n    columns:\n      - name: id\n")
                .Append("        description: the key\n        data_tests: [unique, not_null]\n");
        }

        return text.ToString();
    }

    private static string Deep(int levels) =>
        "version: 2\nmodels:\n  - name: a\n    meta: {x: " + new string('[', levels) + new string(']', levels) + "}\n";

    private static string Laughs(string indent)
    {
        var text = new StringBuilder($"{indent}l0: &l0 [{string.Join(", ", Enumerable.Repeat("lol", 10))}]\n");
        for (var level = 1; level < 10; level++)
        {
            text.Append($"{indent}l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 10))}]\n");
        }

        return text.ToString();
    }
}
