using System.Text;
using ImpactBot.Core.Changes;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Impact;

namespace ImpactBot.Core.Report;

/// <summary>The terminal rendering of the report: the comment's order (changes, who must act, items by cause), plain text, nothing collapsed.</summary>
public static class TextReportRenderer
{
    public static string Render(ImpactReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plan = ReviewPlan.Build(report);
        var sb = new StringBuilder();
        sb.Append("ImpactBot ").Append(report.Base).Append("...").Append(report.Head).Append('\n');
        if (report.Settings is { } settings)
        {
            sb.Append("read as: ").Append(settings.Describe()).Append('\n');
        }

        foreach (var warning in report.Warnings)
        {
            sb.Append("warning: ").Append(warning).Append('\n');
        }

        var changes = report.Changes.Where(c => c.Kind != AssetChangeKind.OwnersOnly).ToList();
        sb.Append('\n').Append("Changes (").Append(changes.Count).Append(")\n");
        foreach (var change in changes)
        {
            var affected = plan.Sections.Where(s => string.Equals(s.Change?.Asset, change.Asset, StringComparison.OrdinalIgnoreCase)).Sum(s => s.Affected);
            sb.Append("  ").Append(change.Type.ToName()).Append(' ').Append(change.Asset).Append(": ")
              .Append(ChangeText.Summary(change, c => c)).Append(" (").Append(affected).Append(" affected)\n");
            foreach (var reason in change.Reasons)
            {
                sb.Append("      why: ").Append(reason).Append('\n');
            }

            foreach (var followUp in change.FollowUps)
            {
                sb.Append("      todo: ").Append(followUp).Append('\n');
            }
        }

        if (!plan.OwnersOnly.IsEmpty)
        {
            sb.Append("  owners changed on ").Append(plan.OwnersOnly.Length).Append(plan.OwnersOnly.Length == 1 ? " asset" : " assets").Append(" (no data impact)\n");
        }

        if (!plan.Owners.IsEmpty)
        {
            sb.Append('\n').Append("Who must act\n");
            foreach (var row in plan.Owners)
            {
                var names = row.Items.Select(i => $"[{i.Severity.ToName().ToUpperInvariant()}] {i.Asset}")
                    .Concat(row.Stale.Select(s => $"{s.Asset} (stale through {s.Item.Asset})"));
                sb.Append("  ").Append(string.Join(' ', row.Owners)).Append(": ").Append(string.Join(", ", names)).Append('\n');
            }
        }

        var items = plan.Items.ToList();
        sb.Append('\n').Append("Checklist (").Append(items.Count).Append(items.Count == 1 ? " item" : " items").Append(", ")
          .Append(report.Impacts.Length).Append(" affected assets), by cause\n");
        foreach (var section in plan.Sections)
        {
            sb.Append("  == ").Append(section.Title).Append('\n');
            foreach (var item in section.Items)
            {
                Item(sb, item);
            }
        }

        if (!plan.Problems.IsEmpty)
        {
            sb.Append('\n').Append("Could not analyse (").Append(plan.Problems.Length).Append(")\n");
            foreach (var d in plan.Problems)
            {
                sb.Append("  ").Append(d).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static void Item(StringBuilder sb, ReviewItem item)
    {
        var impact = item.Impact;
        sb.Append("  [").Append(impact.Severity.ToName().ToUpperInvariant()).Append("] ")
          .Append(impact.Type.ToName()).Append(' ').Append(impact.Asset);
        if (!impact.Columns.IsEmpty)
        {
            sb.Append(" (").Append(string.Join(", ", impact.Columns)).Append(')');
        }

        sb.Append("  #").Append(item.ShortId);
        if (!impact.Owners.IsEmpty)
        {
            sb.Append("  owners: ").Append(string.Join(' ', impact.Owners));
        }

        sb.Append('\n').Append("      ").Append(impact.Reason).Append('\n')
          .Append("      path: ").Append(impact.Path).Append('\n');
        foreach (var reference in impact.References)
        {
            sb.Append("      at ").Append(reference.Path).Append(reference.Line > 0 ? $":{reference.Line}" : "").Append(" (").Append(reference.Column).Append(")\n");
        }

        foreach (var failure in item.Failures)
        {
            sb.Append("      dbt will fail: ").Append(failure).Append('\n');
        }

        if (!item.Folded.IsEmpty)
        {
            var tests = item.Folded.Count(f => f.Type == AssetType.Test);
            sb.Append("      stale until ").Append(impact.Asset).Append(" is fixed (").Append(item.Folded.Length).Append(tests > 0 ? $", {tests} tests" : "").Append("): ")
              .Append(string.Join(", ", item.Folded.Select(f => $"{f.Type.ToName()} {f.Asset}"))).Append('\n');
        }

        foreach (var followUp in impact.FollowUps)
        {
            sb.Append("      todo: ").Append(followUp).Append('\n');
        }
    }
}
