using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Impact;

namespace ImpactBot.Core.Report;

/// <summary>The JSON report of DESIGN.md "Contracts" (extra fields are additive; the documented ones never change meaning).</summary>
public static class JsonReportRenderer
{
    public static string Render(ImpactReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("base", report.Base);
            w.WriteString("head", report.Head);
            WriteSummary(w, report);
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
                WriteImpact(w, impact);
            }

            w.WriteEndArray();
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
                w.WriteStartObject("settings");
                w.WriteString("dialect", settings.Dialect);
                w.WriteString("dialect_source", settings.DialectSource);
                w.WriteString("target", settings.Target);
                w.WritePropertyName("vars");
                w.WriteRawValue(settings.Vars);
                w.WriteString("packages", settings.Packages);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteSummary(Utf8JsonWriter w, ImpactReport report)
    {
        w.WriteStartObject("summary");
        w.WriteNumber("changed", report.Changes.Length);
        w.WriteNumber("affected", report.Impacts.Length);
        foreach (var severity in new[] { Severity.Breaking, Severity.Values, Severity.Schema, Severity.Info })
        {
            w.WriteNumber(severity.ToName(), report.Count(severity));
        }

        w.WriteEndObject();
    }

    private static void WriteImpact(Utf8JsonWriter w, AssetImpact impact)
    {
        w.WriteStartObject();
        w.WriteString("id", ImpactReport.ItemId(impact));
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
