using System.Text;
using System.Text.Json;
using ImpactBot.Dbt.Yaml;
using ImpactBot.Core.Files;
using YamlDotNet.RepresentationModel;

namespace ImpactBot.Dbt;

/// <summary>
/// Vars given from outside the project, as dbt takes them: <c>--vars '{key: value}'</c> is YAML (so JSON too), a mapping
/// at the top. They override dbt_project.yml's vars.
/// </summary>
public static class DbtVars
{
    /// <summary>The mapping in <paramref name="text"/>, or null with a diagnostic naming <paramref name="origin"/>.</summary>
    public static DbtMap? Parse(string text, string origin, ICollection<FileDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (string.IsNullOrWhiteSpace(text))
        {
            return DbtMap.Empty;
        }

        var problems = new List<FileDiagnostic>();
        var root = YamlLoader.Load(text, origin, problems);
        if (problems.Count > 0 || root is not YamlMappingNode mapping)
        {
            diagnostics.Add(new FileDiagnostic(
                "vars-invalid",
                $"{origin} must be a YAML or JSON mapping, e.g. '{{start_date: \"2024-01-01\", enable_marts: true}}'" + (problems.Count > 0 ? $": {problems[0].Message}" : ""),
                origin, problems.FirstOrDefault()?.Line ?? 1, problems.FirstOrDefault()?.Column ?? 1, Sql.Text.DiagnosticSeverity.Error));
            return null;
        }

        return (DbtMap)YamlNodes.ToValue(mapping);
    }

    /// <summary>The vars as compact JSON with keys in order of appearance (scalars as strings): a snapshot's record of them.</summary>
    public static string ToJson(DbtMap vars)
    {
        ArgumentNullException.ThrowIfNull(vars);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(w, vars);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Write(Utf8JsonWriter w, DbtValue value)
    {
        switch (value)
        {
            case DbtMap map:
                w.WriteStartObject();
                foreach (var (key, item) in map.Entries)
                {
                    w.WritePropertyName(key);
                    Write(w, item);
                }

                w.WriteEndObject();
                break;
            case DbtList list:
                w.WriteStartArray();
                foreach (var item in list.Items)
                {
                    Write(w, item);
                }

                w.WriteEndArray();
                break;
            case DbtScalar { Value: { } text }:
                w.WriteStringValue(text);
                break;
            default:
                w.WriteNullValue();
                break;
        }
    }
}
