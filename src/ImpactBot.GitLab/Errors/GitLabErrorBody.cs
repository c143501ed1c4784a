using System.Text;
using System.Text.Json;

namespace ImpactBot.GitLab.Errors;

/// <summary>
/// Extracts GitLab's message from an error body: {"message": "..."}, {"message": {"note": ["is too long ..."]}},
/// {"error": "...", "error_description": "..."}; plain text is kept short; HTML pages from proxies are dropped.
/// </summary>
internal static class GitLabErrorBody
{
    private const int MaxLength = 500;

    public static string? ReadMessage(string? body)
    {
        var text = body?.Trim();
        if (string.IsNullOrEmpty(text) || text.StartsWith('<'))
        {
            return null;
        }

        if (text.StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                var message = root.TryGetProperty("message", out var m) ? Flatten(m)
                    : root.TryGetProperty("error", out var e) ? Join(Flatten(e), root.TryGetProperty("error_description", out var d) ? Flatten(d) : null)
                    : null;
                return message is null ? null : Shorten(message);
            }
            catch (JsonException)
            {
                return Shorten(text);
            }
        }

        return Shorten(text);
    }

    private static string? Flatten(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Array:
                return string.Join(", ", element.EnumerateArray().Select(Flatten).Where(s => !string.IsNullOrEmpty(s)));
            case JsonValueKind.Object:
                var builder = new StringBuilder();
                foreach (var property in element.EnumerateObject())
                {
                    builder.Append(builder.Length == 0 ? "" : "; ").Append(property.Name).Append(' ').Append(Flatten(property.Value));
                }

                return builder.ToString();
            case JsonValueKind.Undefined:
            case JsonValueKind.Null:
                return null;
            default:
                return element.GetRawText();
        }
    }

    private static string? Join(string? first, string? second) =>
        string.IsNullOrEmpty(second) ? first : $"{first}: {second}";

    private static string Shorten(string text) => text.Length <= MaxLength ? text : text[..MaxLength] + "...";
}
