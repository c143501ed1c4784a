using ImpactBot.Core.Files;
using ImpactBot.Sql.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ImpactBot.Dbt.Yaml;

/// <summary>Parses YAML text into the representation model, turning syntax errors into diagnostics with positions.</summary>
internal static class YamlLoader
{
    /// <summary>The root mapping of the first document; null (with a diagnostic when broken) if there is none.</summary>
    public static YamlMappingNode? LoadMapping(string text, string path, ICollection<FileDiagnostic> diagnostics)
    {
        var root = Load(text, path, diagnostics);
        switch (root)
        {
            case null:
                return null;
            case YamlMappingNode mapping:
                return mapping;
            case YamlScalarNode { Value: null or "" }:
                return null;
            default:
                diagnostics.Add(new FileDiagnostic(
                    "yaml-shape", "expected a mapping at the top level of the file", path, (int)root.Start.Line, (int)root.Start.Column));
                return null;
        }
    }

    /// <summary>
    /// The root mapping of a properties file cut down to some models' entries and the groups (see
    /// <see cref="ModelEntryFilter"/>); the whole file when it cannot be cut safely.
    /// </summary>
    public static YamlMappingNode? LoadModelEntries(string text, string path, IReadOnlySet<string> modelNames, ICollection<FileDiagnostic> diagnostics)
    {
        var events = ModelEntryFilter.Filter(text, modelNames);
        if (events is null)
        {
            return LoadMapping(text, path, diagnostics);
        }

        var stream = new YamlStream();
        stream.Load(new ModelEntryFilter.Replay(events));
        return stream.Documents[0].RootNode as YamlMappingNode;
    }

    public static YamlNode? Load(string text, string path, ICollection<FileDiagnostic> diagnostics)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is { } inner && ex.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase) is false
                ? $"{FirstLine(ex.Message)} ({FirstLine(inner.Message)})"
                : FirstLine(ex.Message);
            diagnostics.Add(new FileDiagnostic(
                "yaml-syntax", $"invalid YAML: {message}", path, (int)ex.Start.Line, (int)ex.Start.Column, DiagnosticSeverity.Error));
            return null;
        }
        catch (ArgumentException ex)
        {
            diagnostics.Add(new FileDiagnostic("yaml-syntax", $"invalid YAML: {FirstLine(ex.Message)}", path, 1, 1, DiagnosticSeverity.Error));
            return null;
        }
    }

    private static string FirstLine(string message)
    {
        var start = message.IndexOf("): ", StringComparison.Ordinal);
        var text = start >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(start + 3)..] : message;
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return (end >= 0 ? text[..end] : text).Trim();
    }
}
