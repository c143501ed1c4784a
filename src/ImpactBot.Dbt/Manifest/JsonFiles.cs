using System.Text.Json;
using ImpactBot.Core.Files;
using ImpactBot.Sql.Text;

namespace ImpactBot.Dbt.Manifest;

/// <summary>Parses JSON artifacts, turning syntax errors into a diagnostic naming the file and position.</summary>
internal static class JsonFiles
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256, AllowTrailingCommas = true };

    public static JsonDocument? Parse(string text, string path, string code, ICollection<FileDiagnostic> diagnostics)
    {
        try
        {
            return JsonDocument.Parse(text, Options);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            var reason = ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].Trim();
            diagnostics.Add(new FileDiagnostic(code, $"{path} is not valid JSON ({reason}); reading the project files instead", path, line, column, DiagnosticSeverity.Error));
            return null;
        }
    }

    public static string? Str(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static JsonElement? Obj(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    public static DbtValue ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new DbtMap([.. element.EnumerateObject().Select(p => new KeyValuePair<string, DbtValue>(p.Name, ToValue(p.Value)))]),
        JsonValueKind.Array => new DbtList([.. element.EnumerateArray().Select(ToValue)]),
        JsonValueKind.String => new DbtScalar(element.GetString()),
        JsonValueKind.True => DbtScalar.Of(true),
        JsonValueKind.False => DbtScalar.Of(false),
        JsonValueKind.Number => new DbtScalar(element.GetRawText()),
        _ => DbtScalar.Null,
    };

    public static DbtMap MapValue(this JsonElement element, string name) =>
        element.Obj(name) is { } obj ? (DbtMap)ToValue(obj) : DbtMap.Empty;

    /// <summary>A string or number property as text (versions may be either).</summary>
    public static string? Text(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
