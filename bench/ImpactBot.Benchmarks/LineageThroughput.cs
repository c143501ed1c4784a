using System.Diagnostics;
using System.Globalization;
using System.Text;
using ImpactBot.Sql.Lineage;
using ImpactBot.Sql.Syntax;
using ImpactBot.Sql.Syntax.Lexing;
using ImpactBot.Sql.Text;

namespace ImpactBot.Benchmarks;

/// <summary>
/// <c>lineage-throughput [--models N]</c>: lex, parse and bind N generated models on one thread after a warm-up, and print
/// models/s, MB/s and bytes allocated per model for each stage, so the time can be split between lexer, parser and binder.
/// </summary>
internal static class LineageThroughput
{
    public static int Run(string[] args)
    {
        var models = 5000;
        if (args is ["--models", var value, ..] && int.TryParse(value, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
        {
            models = parsed;
        }
        else if (args.Length > 0)
        {
            Console.Error.WriteLine("usage: lineage-throughput [--models N]");
            return 2;
        }

        var corpus = SyntheticModels.Generate(models);
        var bytes = corpus.Sum(m => (long)Encoding.UTF8.GetByteCount(m.Sql));
        var lines = corpus.Sum(m => m.Sql.Count(c => c == '\n'));
        Console.WriteLine($"corpus: {models} models, {bytes / 1024.0 / 1024.0:F1} MB, {lines / (double)models:F0} lines per model");

        Report(corpus);
        Measure("lex", corpus, bytes, Lex);
        Measure("lex+parse", corpus, bytes, model => SqlParser.Parse(model.Sql, model.Dialect).Statements.Length);
        Measure("lex+parse+lineage", corpus, bytes, model => SqlLineage.Analyze(model.Sql, model.Dialect).Columns.Length);
        return 0;
    }

    private static int Lex(SyntheticModel model)
    {
        Lexer.Tokenize(model.Sql, model.Dialect, [], out var count);
        return count;
    }

    /// <summary>How well the corpus binds: a fast pipeline that fails on every model would measure nothing.</summary>
    private static void Report(IReadOnlyList<SyntheticModel> corpus)
    {
        var statuses = corpus.Select(m => SqlLineage.Analyze(m.Sql, m.Dialect)).ToList();
        var byStatus = statuses.GroupBy(l => l.Status).OrderBy(g => g.Key).Select(g => $"{g.Key.ToString().ToLowerInvariant()} {g.Count()}");
        var problems = statuses.SelectMany(l => l.Diagnostics).Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .GroupBy(d => d.Code).OrderByDescending(g => g.Count()).Take(5).Select(g => $"{g.Key} x{g.Count()}");
        Console.WriteLine($"lineage status: {string.Join(", ", byStatus)}; columns per model {statuses.Average(l => l.Columns.Length):F1}");
        Console.WriteLine($"warnings/errors: {string.Join(", ", problems.DefaultIfEmpty("none"))}");
    }

    private static void Measure(string stage, IReadOnlyList<SyntheticModel> corpus, long bytes, Func<SyntheticModel, int> work)
    {
        var checksum = 0L;
        for (var round = 0; round < 2; round++)
        {
            foreach (var model in corpus.Take(500))
            {
                checksum += work(model);
            }
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        foreach (var model in corpus)
        {
            checksum += work(model);
        }

        stopwatch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var seconds = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine(
            $"{stage,-18} {corpus.Count / seconds,10:F0} models/s {bytes / 1024.0 / 1024.0 / seconds,8:F1} MB/s " +
            $"{stopwatch.Elapsed.TotalMilliseconds / corpus.Count * 1000,8:F0} us/model {allocated / corpus.Count,10:N0} B/model (checksum {checksum})");
    }
}
