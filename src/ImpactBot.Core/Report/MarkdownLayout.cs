using System.Text;
using ImpactBot.Core.Changes;
using ImpactBot.Core.Config;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Impact;
using ImpactBot.Core.Publishing;
using static ImpactBot.Core.Report.MarkdownReportRenderer;

namespace ImpactBot.Core.Report;

/// <summary>Writes one <see cref="ReviewPlan"/> as the comment at a given <see cref="Detail"/> level.</summary>
internal sealed class MarkdownLayout(ImpactReport report, ReviewPlan plan, HashSet<string> shown, MarkdownOptions options)
{
    private const int ChangesShown = 8;
    private const int OwnerRowsShown = 8;
    private const int NamesPerRow = 4;
    private const int NamesInGroup = 40;
    private const int FoldedNames = 60;

    /// <summary>Checklist boxes of the last composed body (each may grow by a recorded acknowledger).</summary>
    public int Checkboxes { get; private set; }

    public string Compose(MarkdownReportRenderer.Detail level)
    {
        Checkboxes = 0;
        var sb = new StringBuilder();
        sb.Append("## ImpactBot: ").Append(Headline()).Append('\n');
        sb.Append('`').Append(Short(report.Base)).Append("...").Append(Short(report.Head)).Append("` · ")
          .Append(Noun(report.Changes.Count(c => c.Kind != AssetChangeKind.OwnersOnly), "changed asset", "changed assets"))
          .Append(" · ").Append(Noun(report.Impacts.Length, "affected asset", "affected assets"));
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
            sb.Append("\n> [!WARNING]\n> ").Append(Escape(warning)).Append('\n');
        }

        Changes(sb, level);
        OwnersTable(sb);
        Checklist(sb, level);
        if (level == MarkdownReportRenderer.Detail.Full)
        {
            sb.Append(MermaidDiagram.Render(report));
        }

        Problems(sb, level);
        var severities = plan.Items.Where(i => level < MarkdownReportRenderer.Detail.Counts || shown.Contains(i.Id)).Select(i => i.Severity).ToList();
        if (level >= MarkdownReportRenderer.Detail.Counts)
        {
            severities.AddRange(Groups(level).Select(g => g.Severity));
        }

        sb.Append('\n').Append(ReportMarker.ItemsLine(severities, report.Blocking.Length)).Append('\n');
        return sb.ToString();
    }

    private string Headline()
    {
        var items = plan.Items.ToList();
        if (items.Count == 0)
        {
            return report.Changes.All(c => c.Kind == AssetChangeKind.OwnersOnly) && report.Changes.Length > 0
                ? "owners changed, no data impact"
                : report.Changes.IsEmpty ? "no changes to models or SQL" : "no downstream impact";
        }

        var parts = new List<string>();
        var breaking = items.Count(i => i.Severity == Severity.Breaking);
        if (breaking > 0)
        {
            var stale = items.Where(i => i.Severity == Severity.Breaking).Sum(i => i.Folded.Length);
            parts.Add($"🔴 {breaking} breaking" + (stale > 0 ? $" ({stale} stale downstream)" : ""));
        }

        var consumers = items.Count(i => i.Class == ItemClass.Consumer);
        if (consumers > 0)
        {
            parts.Add($"📊 {Noun(consumers, "consumer", "consumers")}");
        }

        foreach (var severity in new[] { Severity.Values, Severity.Schema, Severity.Info })
        {
            var count = items.Count(i => i.Severity == severity);
            if (count > 0)
            {
                parts.Add($"{severity.Icon()} {count} {severity.ToName()}");
            }
        }

        return $"{Noun(items.Count, "item", "items")} to review — {string.Join(" · ", parts)}";
    }

    private void Changes(StringBuilder sb, MarkdownReportRenderer.Detail level)
    {
        var changes = report.Changes.Where(c => c.Kind != AssetChangeKind.OwnersOnly).ToList();
        if (changes.Count == 0 && plan.OwnersOnly.IsEmpty)
        {
            return;
        }

        sb.Append("\n### What changed\n");
        var lines = changes.Select(ChangeLine).ToList();
        foreach (var line in lines.Take(ChangesShown))
        {
            sb.Append(line);
        }

        if (plan.OwnersOnly.Length > 0)
        {
            sb.Append("- 👤 owners changed on ").Append(Noun(plan.OwnersOnly.Length, "asset", "assets"))
              .Append(" (e.g. ").Append(Code(plan.OwnersOnly[0].Asset)).Append(": ").Append(Escape(plan.OwnersOnly[0].Reasons.FirstOrDefault() ?? "owners")).Append("); no data impact\n");
        }

        if (lines.Count > ChangesShown && level == MarkdownReportRenderer.Detail.Severities)
        {
            sb.Append("- and ").Append(Noun(lines.Count - ChangesShown, "more changed asset", "more changed assets")).Append(", listed in the JSON report\n");
        }
        else if (lines.Count > ChangesShown)
        {
            sb.Append("\n<details><summary>").Append(lines.Count - ChangesShown).Append(" more changed assets</summary>\n\n");
            foreach (var line in lines.Skip(ChangesShown))
            {
                sb.Append(line);
            }

            sb.Append("\n</details>\n");
        }
    }

    private string ChangeLine(AssetChange change)
    {
        var sections = plan.Sections.Where(s => string.Equals(s.Change?.Asset, change.Asset, StringComparison.OrdinalIgnoreCase)).ToList();
        var worst = sections.Count == 0 ? (Severity?)null : sections.Max(s => s.Worst);
        var sb = new StringBuilder("- ").Append(worst?.Icon() ?? "▫️").Append(' ')
            .Append(Kind(change.Type)).Append(' ').Append(Link(Code(change.Asset), change.Path, 0)).Append(": ")
            .Append(Escape(ChangeText.Summary(change, Code)));
        var breaking = sections.Sum(s => s.Items.Count(i => i.Severity == Severity.Breaking));
        var affected = sections.Sum(s => s.Affected);
        sb.Append(" — ").Append(affected == 0 ? "nothing downstream reads it" : Noun(affected, "affected asset", "affected assets"));
        if (breaking > 0)
        {
            sb.Append(", ").Append(breaking).Append(" breaking");
        }

        sb.Append('\n');
        foreach (var followUp in change.FollowUps)
        {
            sb.Append("  - ⚠️ ").Append(Escape(followUp)).Append('\n');
        }

        return sb.ToString();
    }

    private void OwnersTable(StringBuilder sb)
    {
        if (plan.Owners.IsEmpty)
        {
            return;
        }

        sb.Append("\n### Who must act\n| owners | items to look at |\n| --- | --- |\n");
        foreach (var row in plan.Owners.Take(OwnerRowsShown))
        {
            sb.Append(OwnerLine(row));
        }

        if (plan.Owners.Length > OwnerRowsShown)
        {
            sb.Append("\n<details><summary>").Append(plan.Owners.Length - OwnerRowsShown).Append(" more owners</summary>\n\n| owners | items to look at |\n| --- | --- |\n");
            foreach (var row in plan.Owners.Skip(OwnerRowsShown))
            {
                sb.Append(OwnerLine(row));
            }

            sb.Append("\n</details>\n");
        }
    }

    private static string OwnerLine(OwnerRow row)
    {
        var names = row.Items.Select(i => $"{i.Severity.Icon()} {Code(i.Asset)}")
            .Concat(row.Stale.Select(s => $"🔴 {Code(s.Asset)} (stale through {Code(s.Item.Asset)})"))
            .ToList();
        var text = string.Join(" · ", names.Take(NamesPerRow)) + (names.Count > NamesPerRow ? $" · +{names.Count - NamesPerRow} more" : "");
        return $"| {string.Join(" ", row.Owners.Select(Owner))} | {text} |\n";
    }

    private void Checklist(StringBuilder sb, MarkdownReportRenderer.Detail level)
    {
        if (plan.Sections.IsEmpty)
        {
            return;
        }

        sb.Append("\n### Checklist\nTick a box or comment `/impact ack ID` (several ids, or `all`) to acknowledge an item. ").Append(WhoMayAcknowledge())
          .Append(" The check counts every unticked item at or above `fail-on`, collapsed ones too. Assets stale only because an upstream fails to build are acknowledged with that upstream.\n");
        foreach (var section in plan.Sections.Where(s => s.Items.Any(i => shown.Contains(i.Id))))
        {
            sb.Append("\n#### ").Append(section.Worst.Icon()).Append(' ').Append(Escape(section.Title)).Append('\n');
            foreach (var item in section.Items.Where(i => shown.Contains(i.Id)))
            {
                FullItem(sb, item);
            }
        }

        var rest = plan.Sections.Select(s => (Section: s, Items: s.Items.Where(i => !shown.Contains(i.Id)).ToList())).Where(x => x.Items.Count > 0).ToList();
        if (rest.Count == 0)
        {
            return;
        }

        var hidden = rest.SelectMany(x => x.Items).ToList();
        var counts = hidden.GroupBy(i => i.Class).OrderBy(g => g.Key).Select(g => $"{g.Count()} {ClassName(g.Key, g.Count())}");
        sb.Append("\n<details><summary>").Append(Noun(hidden.Count, "more item", "more items")).Append(" (").Append(string.Join(", ", counts)).Append(")</summary>\n");
        if (level >= MarkdownReportRenderer.Detail.Counts)
        {
            foreach (var group in Groups(level))
            {
                sb.Append("\n- [ ] ").Append(group.Severity.Icon()).Append(' ').Append(Escape(group.Text)).Append(Ack(group.Id, group.Owners)).Append(' ')
                  .Append(ReportMarker.ItemMarker(group.Id, group.Severity, group.Owners)).Append('\n');
                Checkboxes++;
            }
        }
        else
        {
            foreach (var (section, items) in rest)
            {
                sb.Append("\n#### ").Append(section.Worst.Icon()).Append(' ').Append(Escape(section.Title)).Append("\n\n");
                foreach (var item in items)
                {
                    if (level < MarkdownReportRenderer.Detail.CompactRest)
                    {
                        FullItem(sb, item);
                    }
                    else
                    {
                        CompactItem(sb, item);
                    }
                }
            }
        }

        sb.Append("\n</details>\n");
    }

    /// <summary>
    /// When even compact lines do not fit: one box per cause and severity for the collapsed items, names in the JSON; with
    /// too many causes for that, one box per severity.
    /// </summary>
    private IEnumerable<(string Id, Severity Severity, string Text, IEnumerable<string> Owners)> Groups(MarkdownReportRenderer.Detail level) =>
        level == MarkdownReportRenderer.Detail.Severities ? SeverityGroups() : CauseGroups();

    private IEnumerable<(string Id, Severity Severity, string Text, IEnumerable<string> Owners)> SeverityGroups() =>
        plan.Sections.SelectMany(s => s.Items.Where(i => !shown.Contains(i.Id)).Select(i => (Section: s, Item: i)))
            .GroupBy(x => x.Item.Severity)
            .OrderByDescending(g => g.Key)
            .Select(g => (
                ContentHash.Of("group", "*", g.Key.ToName())[..12],
                g.Key,
                $"{Noun(g.Count(), $"{g.Key.ToName()} item", $"{g.Key.ToName()} items")} under {Noun(g.Select(x => x.Section.Cause).Distinct(StringComparer.OrdinalIgnoreCase).Count(), "cause", "causes")}, acknowledged together (listed in the JSON report)",
                g.SelectMany(x => x.Item.Owners).Where(IsHandle).Distinct(StringComparer.OrdinalIgnoreCase).Take(10)));

    private IEnumerable<(string Id, Severity Severity, string Text, IEnumerable<string> Owners)> CauseGroups() =>
        plan.Sections.SelectMany(s => s.Items.Where(i => !shown.Contains(i.Id))
            .GroupBy(i => i.Severity)
            .OrderByDescending(g => g.Key)
            .Select(g => (
                ContentHash.Of("group", s.Cause.ToLowerInvariant(), g.Key.ToName())[..12],
                g.Key,
                $"{Noun(g.Count(), $"{g.Key.ToName()} item", $"{g.Key.ToName()} items")} under {s.Title}, acknowledged together (listed in the JSON report): {string.Join(", ", g.Take(NamesInGroup).Select(i => i.Asset))}{(g.Count() > NamesInGroup ? ", …" : "")}",
                g.SelectMany(i => i.Owners).Where(IsHandle).Distinct(StringComparer.OrdinalIgnoreCase).Take(10))));

    private void FullItem(StringBuilder sb, ReviewItem item)
    {
        var impact = item.Impact;
        sb.Append("- [ ] ").Append(impact.Severity.Icon()).Append(" **").Append(impact.Severity.ToName()).Append("** ")
          .Append(Kind(impact.Type)).Append(' ').Append(Link(Code(impact.Asset), impact.FilePath, 0))
          .Append(" — ").Append(Escape(impact.Reason));
        if (impact.References.FirstOrDefault(r => r.Line > 0) is { } at)
        {
            sb.Append(" · ").Append(Link(Code($"{at.Path}:{at.Line}"), at.Path, at.Line));
        }
        else if (impact.Distance > 1)
        {
            sb.Append(" · via ").Append(Code(impact.Path));
        }

        sb.Append(Ack(item.Id, item.Owners)).Append(' ').Append(Marker(item)).Append('\n');
        Checkboxes++;
        foreach (var failure in item.Failures)
        {
            sb.Append("  - ❌ dbt will fail here: ").Append(Link(Code(failure.Location), failure.Path, failure.Line)).Append(' ').Append(Escape(failure.Message)).Append('\n');
        }

        foreach (var followUp in impact.FollowUps)
        {
            sb.Append("  - ⚠️ ").Append(Escape(followUp)).Append('\n');
        }

        // Last: an HTML block runs to the next blank line, so a sub-item after it would show as raw text.
        Folded(sb, item);
    }

    private void CompactItem(StringBuilder sb, ReviewItem item)
    {
        sb.Append("- [ ] ").Append(item.Severity.Icon()).Append(' ').Append(Kind(item.Impact.Type)).Append(' ').Append(Code(item.Asset));
        if (!item.Folded.IsEmpty)
        {
            sb.Append(" (+").Append(item.Folded.Length).Append(" stale downstream)");
        }

        sb.Append(" · ").Append(Code(item.ShortId)).Append(' ').Append(Marker(item)).Append('\n');
        Checkboxes++;
    }

    private static void Folded(StringBuilder sb, ReviewItem item)
    {
        if (item.Folded.IsEmpty)
        {
            return;
        }

        var tests = item.Folded.Count(f => f.Type == AssetType.Test);
        var consumers = item.Folded.Where(ReviewItem.IsConsumer).ToList();
        var summary = new StringBuilder("⤷ and ").Append(Noun(item.Folded.Length, "downstream asset", "downstream assets"))
            .Append(" stale until ").Append(HtmlCode(item.Asset)).Append(" is fixed");
        var kinds = new List<string>();
        if (consumers.Count > 0)
        {
            kinds.Add($"{Noun(consumers.Count, "consumer", "consumers")} ({string.Join(", ", consumers.Take(3).Select(c => HtmlCode(c.Asset)))}{(consumers.Count > 3 ? ", …" : "")})");
        }

        if (tests > 0)
        {
            kinds.Add(Noun(tests, "test", "tests"));
        }

        if (kinds.Count > 0)
        {
            summary.Append(": ").Append(string.Join(", ", kinds));
        }

        var names = item.Folded.Take(FoldedNames).Select(f => $"{Kind(f.Type)} {HtmlCode(f.Asset)}");
        sb.Append("  <details><summary>").Append(summary).Append("</summary>")
          .Append(string.Join(", ", names)).Append(item.Folded.Length > FoldedNames ? $", and {item.Folded.Length - FoldedNames} more in the JSON report" : "")
          .Append("</details>\n");
    }

    private string WhoMayAcknowledge() => options.Acknowledge switch
    {
        AcknowledgePolicy.AnyoneWithWrite => "Anyone with write access may.",
        AcknowledgePolicy.Owners => "Only the item's owners count (members of an owning team too), as `ack:` on each item says; a tick that does not count is unticked and listed with why.",
        _ => "The item's owners (members of an owning team too) or a maintainer count, as `ack:` on each item says; a tick that does not count is unticked and listed with why.",
    };

    /// <summary>The id to name the item by and, compactly, who may acknowledge it (handles as code: they notify nobody).</summary>
    private string Ack(string id, IEnumerable<string> owners)
    {
        var shortId = id.Length > ChecklistItem.ShortIdLength ? id[..ChecklistItem.ShortIdLength] : id;
        var handles = owners.Where(IsHandle).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var named = string.Join(", ", handles.Take(2).Select(Code)) + (handles.Count > 2 ? $" +{handles.Count - 2}" : "");
        var who = options.Acknowledge switch
        {
            AcknowledgePolicy.AnyoneWithWrite => "",
            _ when handles.Count == 0 => ": a maintainer",
            AcknowledgePolicy.Owners => ": " + named,
            _ => $": {named} or a maintainer",
        };
        return $" · ack {Code(shortId)}{who}";
    }

    private static string Marker(ReviewItem item) =>
        ReportMarker.ItemMarker(item.Id, item.Severity, item.Owners.Where(IsHandle), was: item.LegacyId);

    private void Problems(StringBuilder sb, MarkdownReportRenderer.Detail level)
    {
        if (plan.Problems.IsEmpty)
        {
            return;
        }

        sb.Append("\n<details><summary>Could not analyse (").Append(plan.Problems.Length).Append(")</summary>\n\n");
        if (level >= MarkdownReportRenderer.Detail.NoProblemList)
        {
            sb.Append(Noun(plan.Problems.Length, "problem", "problems")).Append("; see the JSON report or the job log.\n");
        }
        else
        {
            foreach (var d in plan.Problems)
            {
                sb.Append("- ").Append(Link(Code(d.Location), d.Path, d.Line)).Append(' ').Append(d.Code).Append(": ").Append(Escape(d.Message)).Append('\n');
            }
        }

        sb.Append("\n</details>\n");
    }

    private static string ClassName(ItemClass kind, int count) => kind switch
    {
        ItemClass.Breaking => "breaking",
        ItemClass.Consumer => count == 1 ? "consumer" : "consumers",
        ItemClass.Values => "values",
        ItemClass.Schema => "schema",
        ItemClass.Info => "info",
        _ => count == 1 ? "test" : "tests",
    };

    private string Link(string text, string? path, int line) =>
        path is not null && options.FileLink?.Invoke(path, line) is { } url ? $"[{text}]({url})" : text;
}
