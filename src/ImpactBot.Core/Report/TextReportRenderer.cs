using System.Text;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Impact;

namespace ImpactBot.Core.Report;

/// <summary>The terminal rendering of the report: same content as the comment, plain text.</summary>
public static class TextReportRenderer
{
    public static string Render(ImpactReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
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

        sb.Append('\n').Append("Changes (").Append(report.Changes.Length).Append(")\n");
        foreach (var change in report.Changes)
        {
            sb.Append("  ").Append(change.Type.ToName()).Append(' ').Append(change.Asset).Append(": ")
              .Append(ChangeText.Summary(change, c => c)).Append('\n');
            foreach (var reason in change.Reasons)
            {
                sb.Append("      why: ").Append(reason).Append('\n');
            }

            foreach (var followUp in change.FollowUps)
            {
                sb.Append("      todo: ").Append(followUp).Append('\n');
            }
        }

        sb.Append('\n').Append("Affected (").Append(report.Impacts.Length).Append("), in dependency order\n");
        foreach (var impact in report.Impacts)
        {
            sb.Append("  [").Append(impact.Severity.ToName().ToUpperInvariant()).Append("] ")
              .Append(impact.Type.ToName()).Append(' ').Append(impact.Asset);
            if (!impact.Columns.IsEmpty)
            {
                sb.Append(" (").Append(string.Join(", ", impact.Columns)).Append(')');
            }

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

            foreach (var followUp in impact.FollowUps)
            {
                sb.Append("      todo: ").Append(followUp).Append('\n');
            }
        }

        if (!report.Diagnostics.IsEmpty)
        {
            sb.Append('\n').Append("Could not analyse (").Append(report.Diagnostics.Length).Append(")\n");
            foreach (var d in report.Diagnostics)
            {
                sb.Append("  ").Append(d).Append('\n');
            }
        }

        return sb.ToString();
    }
}
