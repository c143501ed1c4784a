using System.Text.Json;
using MarkdownOptions = ImpactBot.Core.Report.MarkdownOptions;

namespace ImpactBot.Benchmarks.Project;

/// <summary>
/// Report size on a real project: the text files under <c>--tree</c> (a dbt project folder taken out of a repository,
/// e.g. cal-itp/data-infra's <c>warehouse</c>) are the base; each change of <c>--changes</c> (JSON:
/// <c>[{"name": "...", "edits": [{"path": "...", "from": "...", "to": "..."}]}]</c>, paths relative to the tree) is
/// applied on its own, then all together, and measured as <see cref="ReportSize"/> does.
/// </summary>
internal static class RealChanges
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private static readonly string[] TextExtensions = [".sql", ".yml", ".yaml", ".csv", ".py", ".md", ".sqlfluff"];

    public static int Run(string tree, string changesFile, string? outDir)
    {
        var baseFiles = Directory.EnumerateFiles(tree, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(tree, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".git/", StringComparison.Ordinal) && TextExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .ToDictionary(f => f, f => File.ReadAllText(Path.Combine(tree, f)), StringComparer.Ordinal);
        var changes = JsonSerializer.Deserialize<List<Change>>(File.ReadAllText(changesFile), Json)
            ?? throw new InvalidOperationException($"{changesFile}: no changes");
        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
        }

        Console.WriteLine($"project: {tree}, {baseFiles.Keys.Count(k => k.EndsWith(".sql", StringComparison.Ordinal))} SQL files; GitHub limit {MarkdownOptions.GitHub.MaxLength:N0} characters");
        Console.WriteLine("change | affected | items | outside <details> | lines before first <details> | comment chars | all ticked | JSON chars");
        var all = new Dictionary<string, string>(baseFiles);
        for (var i = 0; i < changes.Count; i++)
        {
            var head = new Dictionary<string, string>(baseFiles);
            foreach (var edit in changes[i].Edits)
            {
                ReportSize.Edit(head, edit.Path, edit.From, edit.To);
                ReportSize.Edit(all, edit.Path, edit.From, edit.To);
            }

            ReportSize.Measure(changes[i].Name, baseFiles, head, outDir is null ? null : Path.Combine(outDir, $"change{i + 1}.md"));
        }

        ReportSize.Measure("all combined", baseFiles, all, outDir is null ? null : Path.Combine(outDir, "combined.md"));
        return 0;
    }

    private sealed record Change(string Name, List<Edit> Edits);

    private sealed record Edit(string Path, string From, string To);
}
