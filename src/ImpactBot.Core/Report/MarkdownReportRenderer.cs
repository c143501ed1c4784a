using System.Text;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Impact;
using ImpactBot.Core.Publishing;

namespace ImpactBot.Core.Report;

/// <summary>
/// The checklist comment's content (the publisher puts the hidden report marker and meta line in front): a summary line, the changes, one <c>- [ ]</c> item per affected asset in dependency
/// order, a collapsed Mermaid diagram and a "could not analyse" section. Over the size limit, whole sections and then
/// whole low-severity items are collapsed into a counted line — never cut mid-item — and the report says so.
/// </summary>
public static class MarkdownReportRenderer
{
    public static string Render(ImpactReport report, MarkdownOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        var items = report.Impacts.Select(i => ChecklistItem(i, options)).ToList();
        var changes = ChangesSection(report);
        var diagram = MermaidDiagram.Render(report);
        var diagnostics = DiagnosticsSection(report, options);
        var collapsed = new List<string>();

        string Compose(IReadOnlyList<string> shownItems, int hiddenItems) =>
            Document(report, options, changes, shownItems, hiddenItems, diagram, diagnostics, collapsed);

        var body = Compose(items, 0);
        if (body.Length > options.MaxLength && diagram.Length > 0)
        {
            diagram = "";
            collapsed.Add("the lineage diagram");
            body = Compose(items, 0);
        }

        if (body.Length > options.MaxLength && diagnostics.Length > 0)
        {
            diagnostics = $"\n### Could not analyse\n{report.Diagnostics.Length} problems; see the JSON report or the job log.\n";
            collapsed.Add("the list of analysis problems");
            body = Compose(items, 0);
        }

        if (body.Length > options.MaxLength)
        {
            changes = $"\n### Changes\n{report.Changes.Length} changed assets; see the JSON report for their columns.\n";
            collapsed.Add("the column changes");
            body = Compose(items, 0);
        }

        // Finally drop whole items from the end of the least severe ones; breaking items go last.
        var order = Enumerable.Range(0, items.Count).OrderBy(i => report.Impacts[i].Severity).ThenByDescending(i => i).ToList();
        var shown = new bool[items.Count];
        Array.Fill(shown, true);
        var hidden = 0;
        var length = body.Length;

        // Items are appended back to back, so the length is the frame's plus the shown items': one document is
        // composed at the end instead of one per dropped item (quadratic for hundreds of impacts).
        var shownLength = items.Sum(i => i.Length);
        foreach (var index in order)
        {
            if (length <= options.MaxLength)
            {
                break;
            }

            shown[index] = false;
            hidden++;
            shownLength -= items[index].Length;
            length = Compose([], hidden).Length + shownLength;
        }

        return hidden == 0 ? body : Compose([.. items.Where((_, i) => shown[i])], hidden);
    }

    private static string Document(ImpactReport report, MarkdownOptions options, string changes, IReadOnlyList<string> items, int hiddenItems, string diagram, string diagnostics, List<string> collapsed)
    {
        var sb = new StringBuilder();
        sb.Append("## ImpactBot: ").Append(Headline(report)).Append('\n');
        sb.Append('`').Append(Short(report.Base)).Append("...").Append(Short(report.Head)).Append("` · ")
          .Append(report.Changes.Length).Append(report.Changes.Length == 1 ? " changed asset" : " changed assets");
        if (report.Settings is { } settings)
        {
            sb.Append(" · SQL read as ").Append(Code(settings.Dialect)).Append(" (from ").Append(Code(settings.DialectSource)).Append(')');
            if (settings.Target.Length > 0)
            {
                sb.Append(", target ").Append(Code(settings.Target));
            }

            if (settings.Vars != "{}")
            {
                sb.Append(", vars ").Append(Code(settings.Vars));
            }
        }

        sb.Append('\n');
        foreach (var warning in report.Warnings)
        {
            sb.Append("\n> [!WARNING]\n> ").Append(warning).Append('\n');
        }

        sb.Append(changes);
        if (items.Count > 0 || hiddenItems > 0)
        {
            sb.Append("\n### Affected assets, in dependency order\nTick a box to acknowledge an item; the status check counts unacknowledged items.\n\n");
            foreach (var item in items)
            {
                sb.Append(item);
            }

            if (hiddenItems > 0)
            {
                sb.Append("\n…and ").Append(hiddenItems).Append(" lower-severity items not shown to stay under the comment size limit; see the JSON report.\n");
            }
        }

        sb.Append(diagram).Append(diagnostics);
        if (collapsed.Count > 0)
        {
            sb.Append("\n<sub>Collapsed to fit the comment size limit: ").Append(string.Join(", ", collapsed)).Append(".</sub>\n");
        }

        return sb.ToString();
    }

    private static string Headline(ImpactReport report)
    {
        if (report.Impacts.IsEmpty)
        {
            return report.Changes.IsEmpty ? "no changes to models or SQL" : "no downstream impact";
        }

        var counts = new[] { Severity.Breaking, Severity.Values, Severity.Schema, Severity.Info }
            .Where(s => report.Count(s) > 0)
            .Select(s => $"{s.Icon()} {report.Count(s)} {s.ToName()}");
        return $"{report.Impacts.Length} affected {(report.Impacts.Length == 1 ? "asset" : "assets")} — {string.Join(" · ", counts)}";
    }

    private static string ChangesSection(ImpactReport report)
    {
        if (report.Changes.IsEmpty)
        {
            return "";
        }

        var sb = new StringBuilder("\n### Changes\n| asset | change | why |\n| --- | --- | --- |\n");
        foreach (var change in report.Changes)
        {
            sb.Append("| `").Append(change.Asset).Append("` ").Append(change.Type.ToName())
              .Append(" | ").Append(Cell(ChangeText.Summary(change, Code)))
              .Append(" | ").Append(Cell(string.Join("; ", change.Reasons))).Append(" |\n");
        }

        foreach (var followUp in report.Changes.SelectMany(c => c.FollowUps))
        {
            sb.Append("\n> [!IMPORTANT]\n> ").Append(followUp).Append('\n');
        }

        return sb.ToString();
    }

    private static string ChecklistItem(AssetImpact impact, MarkdownOptions options)
    {
        var sb = new StringBuilder("- [ ] ");
        sb.Append(impact.Severity.Icon()).Append(" **").Append(impact.Severity.ToName()).Append("** ")
          .Append(impact.Type.ToName()).Append(' ').Append(Link($"`{impact.Asset}`", impact.FilePath, 0, options))
          .Append(" — ").Append(Escape(impact.Reason));
        if (!impact.Columns.IsEmpty)
        {
            sb.Append(" · columns: ").Append(string.Join(", ", impact.Columns.Select(Code)));
        }

        if (!impact.Owners.IsEmpty)
        {
            sb.Append(" · owners: ").Append(string.Join(" ", impact.Owners));
        }

        sb.Append(' ').Append(ReportMarker.ItemMarker(ImpactReport.ItemId(impact), impact.Severity, impact.Owners.Where(IsHandle))).Append('\n');
        sb.Append("  - path: ").Append(Code(impact.Path)).Append('\n');
        foreach (var reference in impact.References)
        {
            sb.Append("  - references ").Append(Code(reference.Column)).Append(" at ")
              .Append(Link($"`{reference.Path}{(reference.Line > 0 ? $":{reference.Line}" : "")}`", reference.Path, reference.Line, options)).Append('\n');
        }

        foreach (var followUp in impact.FollowUps)
        {
            sb.Append("  - ⚠️ ").Append(Escape(followUp)).Append('\n');
        }

        return sb.ToString();
    }

    private static string DiagnosticsSection(ImpactReport report, MarkdownOptions options)
    {
        if (report.Diagnostics.IsEmpty)
        {
            return "";
        }

        var sb = new StringBuilder("\n<details><summary>Could not analyse (")
            .Append(report.Diagnostics.Length).Append(")</summary>\n\n");
        foreach (var d in report.Diagnostics)
        {
            sb.Append("- ").Append(Link($"`{d.Location}`", d.Path, d.Line, options)).Append(' ')
              .Append(d.Code).Append(": ").Append(Escape(d.Message)).Append('\n');
        }

        return sb.Append("\n</details>\n").ToString();
    }

    private static string Link(string text, string? path, int line, MarkdownOptions options) =>
        path is not null && options.FileLink?.Invoke(path, line) is { } url ? $"[{text}]({url})" : text;

    private static string Code(string text) => $"`{text.Replace("`", "'", StringComparison.Ordinal)}`";

    private static string Cell(string text) => Escape(text).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Escape(string text) => text.Replace("\n", " ", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    private static bool IsHandle(string owner) => owner.Length > 1 && owner[0] == '@' && owner.Skip(1).All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/' or '.');

    private static string Short(string sha) => sha.Length > 12 && sha.All(char.IsAsciiHexDigit) ? sha[..7] : sha;
}
