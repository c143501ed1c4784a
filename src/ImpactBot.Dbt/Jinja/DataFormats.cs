using System.Globalization;
using System.Text;
using System.Text.Json;
using ImpactBot.Core.Files;
using ImpactBot.Dbt.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ImpactBot.Dbt.Jinja;

/// <summary>dbt's <c>fromjson</c>, <c>tojson</c>, <c>fromyaml</c> and <c>toyaml</c> over renderer values; bad input gives null, as dbt's default.</summary>
internal static class DataFormats
{
    public static object? FromJson(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return FromJson(doc.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static object? FromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => e.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? (object)l : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static string ToJson(object? value, bool sortKeys = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, value, sortKeys);
        }

        // Python's json.dumps separates items with ", " and keys with ": ".
        return Spaced(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void Write(Utf8JsonWriter writer, object? value, bool sortKeys)
    {
        switch (value)
        {
            case null or Undefined:
                writer.WriteNullValue();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case List<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item, sortKeys);
                }

                writer.WriteEndArray();
                break;
            case Dictionary<string, object?> dict:
                writer.WriteStartObject();
                foreach (var (k, v) in sortKeys ? dict.OrderBy(e => e.Key, StringComparer.Ordinal) : (IEnumerable<KeyValuePair<string, object?>>)dict)
                {
                    writer.WritePropertyName(k);
                    Write(writer, v, sortKeys);
                }

                writer.WriteEndObject();
                break;
            default:
                writer.WriteStringValue(JinjaValues.Print(value));
                break;
        }
    }

    private static string Spaced(string json)
    {
        var sb = new StringBuilder(json.Length + 16);
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            sb.Append(c);
            if (c == '"' && (i == 0 || json[i - 1] != '\\'))
            {
                inString = !inString;
            }
            else if (!inString && c is ',' or ':')
            {
                sb.Append(' ');
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Parsed within the YAML budgets, as every YAML file is (a "billion laughs" string must not expand); over budget is
    /// null with <paramref name="overBudget"/> saying why, broken YAML is null as in dbt.
    /// </summary>
    public static object? FromYaml(string text, out string? overBudget)
    {
        var diagnostics = new List<FileDiagnostic>();
        var root = YamlLoader.Load(text, "fromyaml", diagnostics);
        overBudget = diagnostics.FirstOrDefault(d => d.Code == "yaml-budget")?.Message;
        return root is null ? null : FromYaml(root);
    }

    private static object? FromYaml(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(e => ((e.Key as YamlScalarNode)?.Value) ?? "", e => FromYaml(e.Value), StringComparer.Ordinal),
        YamlSequenceNode seq => seq.Children.Select(FromYaml).ToList(),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static object? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value;
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return text;
        }

        return text switch
        {
            null or "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => (object)l,
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && text.Any(char.IsDigit) => d,
            _ => text,
        };
    }

    /// <summary>Block-style YAML, as PyYAML's <c>safe_dump</c> writes it by default.</summary>
    public static string ToYaml(object? value)
    {
        var sb = new StringBuilder();
        WriteYaml(sb, value, 0);
        return sb.ToString();
    }

    private static void WriteYaml(StringBuilder sb, object? value, int indent)
    {
        var pad = new string(' ', indent);
        switch (value)
        {
            case Dictionary<string, object?> { Count: > 0 } dict:
                foreach (var (k, v) in dict.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    sb.Append(pad).Append(YamlScalar(k)).Append(':');
                    WriteChild(sb, v, indent);
                }

                break;
            case List<object?> { Count: > 0 } list:
                foreach (var item in list)
                {
                    sb.Append(pad).Append('-');
                    WriteChild(sb, item, indent);
                }

                break;
            default:
                sb.Append(pad).Append(YamlScalar(value)).Append('\n');
                break;
        }
    }

    private static void WriteChild(StringBuilder sb, object? value, int indent)
    {
        if (value is Dictionary<string, object?> { Count: > 0 } or List<object?> { Count: > 0 })
        {
            sb.Append('\n');
            WriteYaml(sb, value, indent + 2);
        }
        else
        {
            sb.Append(' ').Append(YamlScalar(value)).Append('\n');
        }
    }

    private static string YamlScalar(object? value) => value switch
    {
        null or Undefined => "null",
        bool b => b ? "true" : "false",
        Dictionary<string, object?> => "{}",
        List<object?> => "[]",
        string s when s.Length == 0 || s.Any(c => c is ':' or '#' or '\'' or '"' or '\n') || s != s.Trim() || FromYamlScalarChanges(s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        _ => JinjaValues.Print(value),
    };

    private static bool FromYamlScalarChanges(string s) => Scalar(new YamlScalarNode(s)) is not string;
}
