using System.Text;
using ImpactBot.Core.Impact;
using ImpactBot.Core.Report;

namespace ImpactBot.Cli.Ci.GitHub;

/// <summary>What a run leaves for later steps: the JSON report file, <c>GITHUB_OUTPUT</c> values and the step summary.</summary>
internal static class ActionOutputs
{
    /// <summary>GitHub's limit for one step's summary.</summary>
    public const int MaxSummaryBytes = 1024 * 1024;

    public static async Task<string> WriteReportAsync(GitHubActionsSettings settings, ImpactReport report, CancellationToken cancellationToken)
    {
        var folder = settings.RunnerTemp ?? settings.Workspace;
        var path = Path.Combine(folder, "impactbot-report.json");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(path, JsonReportRenderer.Render(report), cancellationToken).ConfigureAwait(false);
        return path;
    }

    public static async Task WriteOutputsAsync(GitHubActionsSettings settings, ImpactReport report, string reportPath, CancellationToken cancellationToken)
    {
        if (settings.OutputFile is null)
        {
            return;
        }

        var lines = new StringBuilder()
            .Append("report=").Append(reportPath).Append('\n')
            .Append("breaking=").Append(report.Count(Severity.Breaking)).Append('\n')
            .Append("affected=").Append(report.Impacts.Length).Append('\n')
            .Append("snapshot=").Append(settings.Snapshot ?? "").Append('\n');
        await File.AppendAllTextAsync(settings.OutputFile, lines.ToString(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends markdown to the step summary, cut at GitHub's 1 MiB limit on a line boundary.</summary>
    public static async Task WriteSummaryAsync(GitHubActionsSettings settings, string markdown, CancellationToken cancellationToken)
    {
        if (settings.SummaryFile is null)
        {
            return;
        }

        const string cut = "\n\n_…report cut at GitHub's 1 MiB step-summary limit; the full report is the `report` output file._\n";
        var text = markdown.EndsWith('\n') ? markdown : markdown + "\n";
        if (Encoding.UTF8.GetByteCount(text) > MaxSummaryBytes)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var head = Encoding.UTF8.GetString(bytes, 0, MaxSummaryBytes - Encoding.UTF8.GetByteCount(cut));
            var end = head.LastIndexOf('\n');
            text = text[..Math.Max(end, 0)] + cut;
        }

        await File.AppendAllTextAsync(settings.SummaryFile, text, cancellationToken).ConfigureAwait(false);
    }
}
