using System.Text.Json;

namespace ImpactBot.Core.Graph;

/// <summary>The <c>settings</c> object of the JSON report and of the snapshot export: how the commits were read.</summary>
public static class ReadSettingsJson
{
    public static void Write(Utf8JsonWriter w, ReadSettings settings)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(settings);
        w.WriteStartObject("settings");
        w.WriteString("dialect", settings.Dialect);
        w.WriteString("dialect_source", settings.DialectSource);
        w.WriteString("target", settings.Target);
        w.WritePropertyName("vars");
        w.WriteRawValue(settings.Vars);
        w.WriteEndObject();
    }
}
