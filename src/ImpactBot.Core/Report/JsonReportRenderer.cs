using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ImpactBot.Core.Changes;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Impact;

namespace ImpactBot.Core.Report;

/// <summary>The JSON report of DESIGN.md "Contracts" (extra fields are additive; the documented ones never change meaning).</summary>
public static class JsonReportRenderer
{
    public static string Render(ImpactReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plan = ReviewPlan.Build(report);
        var itemOf = plan.Items
            .SelectMany(i => i.Folded.Select(f => (f.Asset, Item: i)).Prepend((i.Asset, Item: i)))
            .ToDictionary(p => p.Asset, p => p.Item, StringComparer.OrdinalIgnoreCase);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("base", report.Base);
            w.WriteString("head", report.Head);
            WriteSummary(w, report, plan);
            w.WriteStartArray("changes");
            foreach (var change in report.Changes)
            {
                w.WriteStartObject();
                w.WriteString("asset", change.Asset);
                w.WriteString("type", change.Type.ToName());
                w.WriteString("kind", change.Kind.Name());
                if (change.RenamedTo is not null)
                {
                    w.WriteString("renamed_to", change.RenamedTo);
                }

                w.WriteStartArray("columns");
                foreach (var column in change.Columns)
                {
                    w.WriteStartObject();
                    w.WriteString("name", column.Name);
                    w.WriteString("change", column.Kind.Name());
                    if (column.Inferred)
                    {
                        w.WriteBoolean("inferred", true);
                    }

                    if (column.NewName is not null)
                    {
                        w.WriteString("new_name", column.NewName);
                    }

                    if (column.To is not null)
                    {
                        w.WriteString("from_type", column.From);
                        w.WriteString("to_type", column.To);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                Strings(w, "rows", change.Rows.Select(r => r.Name()));
                Strings(w, "reasons", change.Reasons);
                Strings(w, "follow_ups", change.FollowUps);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("impacts");
            foreach (var impact in report.Impacts)
            {
                WriteImpact(w, impact, itemOf[impact.Asset]);
            }

            w.WriteEndArray();
            WriteItems(w, plan);
            WriteOwners(w, plan);
            w.WriteStartArray("diagnostics");
            foreach (var d in report.Diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("code", d.Code);
                w.WriteString("message", d.Message);
                w.WriteString("path", d.Path);
                w.WriteNumber("line", d.Line);
                w.WriteNumber("column", d.Column);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Strings(w, "warnings", report.Warnings);
            if (report.Settings is { } settings)
            {
                ReadSettingsJson.Write(w, settings);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteSummary(Utf8JsonWriter w, ImpactReport report, ReviewPlan plan)
    {
        w.WriteStartObject("summary");
        w.WriteNumber("changed", report.Changes.Length);
        w.WriteNumber("affected", report.Impacts.Length);
        w.WriteNumber("items", plan.Items.Count());
        w.WriteNumber("owners_only", plan.OwnersOnly.Length);
        foreach (var severity in new[] { Severity.Breaking, Severity.Values, Severity.Schema, Severity.Info })
        {
            w.WriteNumber(severity.ToName(), report.Count(severity));
        }

        w.WriteEndObject();
    }

    /// <summary>The checklist items in the comment's order: key (cause, asset), the assets folded into each, who acknowledges.</summary>
    private static void WriteItems(Utf8JsonWriter w, ReviewPlan plan)
    {
        w.WriteStartArray("items");
        foreach (var section in plan.Sections)
        {
            foreach (var item in section.Items)
            {
                w.WriteStartObject();
                w.WriteString("id", item.Id);
                w.WriteString("short_id", item.ShortId);
                w.WriteString("cause", item.Cause);
                w.WriteString("section", section.Title);
                w.WriteString("asset", item.Asset);
                w.WriteString("type", item.Impact.Type.ToName());
                w.WriteString("severity", item.Severity.ToName());
                w.WriteString("class", item.Class.ToString().ToLowerInvariant());
                Strings(w, "owners", item.Owners);
                Strings(w, "folded", item.Folded.Select(f => f.Asset));
                w.WriteString("legacy_id", item.LegacyId);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
    }

    private static void WriteOwners(Utf8JsonWriter w, ReviewPlan plan)
    {
        w.WriteStartArray("owners_to_act");
        foreach (var row in plan.Owners)
        {
            w.WriteStartObject();
            Strings(w, "owners", row.Owners);
            Strings(w, "items", row.Items.Select(i => i.Id));
            Strings(w, "stale_consumers", row.Stale.Select(s => s.Asset));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteImpact(Utf8JsonWriter w, AssetImpact impact, ReviewItem item)
    {
        w.WriteStartObject();
        w.WriteString("id", item.Id);
        w.WriteString("asset", impact.Asset);
        w.WriteString("type", impact.Type.ToName());
        w.WriteString("severity", impact.Severity.ToName());
        Strings(w, "columns", impact.Columns);
        Strings(w, "owners", impact.Owners);
        w.WriteString("path", impact.Path);
        Strings(w, "via", impact.Via);
        w.WriteString("reason", impact.Reason);
        if (impact.FilePath is not null)
        {
            w.WriteString("file", impact.FilePath);
        }

        w.WriteBoolean("model_level", impact.ModelLevel);
        w.WriteStartArray("references");
        foreach (var reference in impact.References)
        {
            w.WriteStartObject();
            w.WriteString("column", reference.Column);
            w.WriteString("file", reference.Path);
            w.WriteNumber("line", reference.Line);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Strings(w, "follow_ups", impact.FollowUps);
        w.WriteString("cause", impact.Cause);
        if (impact.FoldedUnder is not null)
        {
            w.WriteString("folded_under", impact.FoldedUnder);
        }

        Strings(w, "stale_through", impact.StaleThrough);
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
