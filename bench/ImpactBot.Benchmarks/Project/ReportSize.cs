using System.Globalization;
using System.Text.RegularExpressions;
using ImpactBot.Dbt.Analysis;
using ImpactBot.Core.Files;
using ImpactBot.Core.Publishing;
using ImpactBot.Core.Report;

namespace ImpactBot.Benchmarks.Project;

/// <summary>
/// <c>report-size [--models N]</c>: the PR comment a reviewer gets on a generated project of N models (default 600) for the
/// three change kinds of issue 11 — a renamed staging column, a changed calculation, a filter on the most-read mart —
/// and all three at once: affected assets, checklist items, items outside <c>&lt;details&gt;</c>, lines before the first
/// collapsed block, comment and JSON length, and the length with every box ticked.
/// <c>report-size --tree DIR --changes FILE [--out DIR]</c> does the same on a real project's files (see
/// <see cref="RealChanges"/>), and writes each comment's markdown to <c>--out</c> for <c>bench/render-height</c>.
/// </summary>
internal static partial class ReportSize
{
    public static int Run(string[] args)
    {
        if (args is ["--tree", var tree, "--changes", var changesFile, .. var rest])
        {
            return RealChanges.Run(tree, changesFile, rest is ["--out", var outDir] ? outDir : null);
        }

        var models = args is ["--models", var n] && int.TryParse(n, CultureInfo.InvariantCulture, out var m) && m > 0 ? m : 600;
        var baseFiles = DbtProjectGenerator.Base(models);
        var mart = MostReadMart(baseFiles);
        var changes = new (string Name, Action<Dictionary<string, string>> Edit)[]
        {
            ("rename stg_00000.name", f => Edit(f, "models/staging/stg_00000.sql", "c_name as name,", "c_name as customer_name,")),
            ("calculation int_00003.amount", f => Edit(f, "models/intermediate/int_00003.sql", "a.amount + coalesce(b.amount, 0) as amount", "a.amount - coalesce(b.amount, 0) as amount")),
            ($"filter on {Path.GetFileNameWithoutExtension(mart)}", f => AddFilter(f, mart)),
        };
        Console.WriteLine($"project: {baseFiles.Keys.Count(k => k.EndsWith(".sql", StringComparison.Ordinal))} models; GitHub limit {MarkdownOptions.GitHub.MaxLength:N0} characters");
        Console.WriteLine("change | affected | items | outside <details> | lines before first <details> | comment chars | all ticked | JSON chars");
        var all = new Dictionary<string, string>(baseFiles);
        foreach (var (name, edit) in changes)
        {
            var head = new Dictionary<string, string>(baseFiles);
            edit(head);
            edit(all);
            Measure(name, baseFiles, head);
        }

        Measure("all three", baseFiles, all);
        return 0;
    }

    internal static void Measure(string name, Dictionary<string, string> baseFiles, Dictionary<string, string> headFiles, string? outFile = null)
    {
        var changed = headFiles.Where(f => !baseFiles.TryGetValue(f.Key, out var old) || old != f.Value).Select(f => f.Key).ToList();
        var request = new AnalysisRequest(new InMemoryFileSource(baseFiles), new InMemoryFileSource(headFiles), "base", "head", changed);
        var report = ImpactAnalysis.Run(request, ProjectOptions.Default).Report;
        var body = MarkdownReportRenderer.Render(report, MarkdownOptions.GitHub);
        var items = Checklist.Parse(body);
        var outside = OutsideDetails(body);
        var firstDetails = body.IndexOf("<details>", StringComparison.Ordinal);
        var firstLines = (firstDetails < 0 ? body : body[..firstDetails]).Count(c => c == '\n');
        if (outFile is not null)
        {
            File.WriteAllText(outFile, body);
        }

        var ticked = AcknowledgementLog.Write(Checklist.ApplyCommand(body, new string('m', 39), Checklist.ViaGitHubComment(12345678901), items.ToDictionary(i => i.Id, _ => (AckRefusal?)null)));
        Console.WriteLine($"{name} | {report.Impacts.Length} | {items.Length} | {Regex.Count(outside, @"^- \[[ x]\]", RegexOptions.Multiline)} | {firstLines} | {body.Length:N0} | {ticked.Length:N0} | {JsonReportRenderer.Render(report).Length:N0}");
    }

    private static string OutsideDetails(string body)
    {
        for (var previous = ""; previous != body;)
        {
            previous = body;
            body = Details().Replace(body, "");
        }

        return body;
    }

    /// <summary>The mart most often named by other files (exposures, other marts).</summary>
    private static string MostReadMart(Dictionary<string, string> files) =>
        files.Keys.Where(k => k.StartsWith("models/marts/mart_", StringComparison.Ordinal))
            .OrderByDescending(k => files.Values.Sum(text => Regex.Count(text, $"ref\\('{Path.GetFileNameWithoutExtension(k)}'\\)")))
            .ThenBy(k => k, StringComparer.Ordinal)
            .First();

    private static void AddFilter(Dictionary<string, string> files, string path)
    {
        var text = files[path];
        files[path] = text.Contains("from base\n", StringComparison.Ordinal)
            ? text.Replace("from base\n", "from base\nwhere status is not null\n", StringComparison.Ordinal)
            : text.Replace("where created_at >= '2020-01-01'", "where created_at >= '2020-01-01' and status is not null", StringComparison.Ordinal);
    }

    internal static void Edit(Dictionary<string, string> files, string path, string from, string to) =>
        files[path] = files[path].Contains(from, StringComparison.Ordinal)
            ? files[path].Replace(from, to, StringComparison.Ordinal)
            : throw new InvalidOperationException($"'{from}' is not in {path}");

    [GeneratedRegex(@"<details>(?:(?!<details>).)*?</details>", RegexOptions.Singleline)]
    private static partial Regex Details();
}
