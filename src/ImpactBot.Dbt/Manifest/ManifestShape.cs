using System.Text.Json;
using ImpactBot.Core.Files;

namespace ImpactBot.Dbt.Manifest;

/// <summary>
/// Checks the types of the manifest fields ImpactBot reads: a field of the wrong type is read as absent, and said, rather
/// than silently trusted or thrown on. A few problems are listed with their line; the rest are counted.
/// </summary>
internal sealed class ManifestShape(string text, string path, List<FileDiagnostic> diagnostics)
{
    private const int MaxListed = 20;
    private const string Code = "manifest-field-type";

    private static readonly (string Field, JsonValueKind Kind)[] NodeFields =
    [
        ("name", JsonValueKind.String), ("resource_type", JsonValueKind.String), ("package_name", JsonValueKind.String),
        ("original_file_path", JsonValueKind.String), ("raw_code", JsonValueKind.String), ("compiled_code", JsonValueKind.String),
        ("raw_sql", JsonValueKind.String), ("compiled_sql", JsonValueKind.String), ("relation_name", JsonValueKind.String),
        ("depends_on", JsonValueKind.Object), ("columns", JsonValueKind.Object), ("config", JsonValueKind.Object),
        ("meta", JsonValueKind.Object), ("checksum", JsonValueKind.Object), ("description", JsonValueKind.String),
    ];

    private int _problems;

    /// <summary>A top-level section that must be an object when present.</summary>
    public void Section(JsonElement root, string name)
    {
        if (root.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            Add($"'{name}' is {Article(value.ValueKind)}, not an object; it is ignored", $"\"{name}\"");
        }
    }

    public void Node(string uniqueId, JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            Add($"node '{uniqueId}' is {Article(node.ValueKind)}, not an object; it is ignored", $"\"{uniqueId}\"");
            return;
        }

        foreach (var (field, kind) in NodeFields)
        {
            if (node.TryGetProperty(field, out var value) && value.ValueKind != kind && value.ValueKind != JsonValueKind.Null)
            {
                Add($"'{field}' of node '{uniqueId}' is {Article(value.ValueKind)}, not {Article(kind)}; it is read as absent", $"\"{uniqueId}\"");
            }
        }

        if (node.Obj("depends_on") is { } deps && deps.TryGetProperty("nodes", out var list)
            && (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String)))
        {
            Add($"'depends_on.nodes' of node '{uniqueId}' is not a list of unique ids; the ones that are not strings are ignored", $"\"{uniqueId}\"");
        }
    }

    /// <summary>Adds the count of problems not listed one by one.</summary>
    public void Finish()
    {
        if (_problems > MaxListed)
        {
            diagnostics.Add(new FileDiagnostic(Code, $"{path} has {_problems - MaxListed} more fields of the wrong type (not listed); is it a dbt manifest.json?", path, 0, 0));
        }
    }

    private void Add(string message, string anchor)
    {
        if (++_problems <= MaxListed)
        {
            diagnostics.Add(new FileDiagnostic(Code, message, path, LineOf(anchor), 1));
        }
    }

    /// <summary>The line of the first occurrence of the key (JsonDocument keeps no positions); only for the few listed problems.</summary>
    private int LineOf(string anchor)
    {
        var at = text.IndexOf(anchor, StringComparison.Ordinal);
        return at < 0 ? 0 : text.AsSpan(0, at).Count('\n') + 1;
    }

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
