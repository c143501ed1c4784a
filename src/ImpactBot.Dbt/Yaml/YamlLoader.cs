using ImpactBot.Core.Files;
using ImpactBot.Sql.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ImpactBot.Dbt.Yaml;

/// <summary>
/// Parses YAML text into the representation model within a <see cref="YamlBudget"/>, turning syntax errors and
/// budget overruns into diagnostics with positions. Every YAML file the product reads goes through here.
/// </summary>
internal static class YamlLoader
{
    /// <summary>The root mapping of the first document; null (with a diagnostic when broken) if there is none.</summary>
    public static YamlMappingNode? LoadMapping(string text, string path, ICollection<FileDiagnostic> diagnostics, YamlBudget? budget = null)
    {
        var root = Load(text, path, diagnostics, budget);
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

        // A repeated key is read (and reported) as the whole file's read does it.
        var removed = new List<Mark>();
        var kept = DuplicateKeys.LastWins(events, removed);
        if (removed.Count > 0)
        {
            return LoadMapping(text, path, diagnostics);
        }

        var stream = new YamlStream();
        stream.Load(new ModelEntryFilter.Replay(kept));
        return stream.Documents[0].RootNode as YamlMappingNode;
    }

    /// <summary>
    /// The root node of the first document. A key written twice in one mapping counts once, the later one, as dbt reads
    /// its files; with <paramref name="strict"/> (ImpactBot's own configuration) it is a <c>yaml-syntax</c> error.
    /// </summary>
    public static YamlNode? Load(string text, string path, ICollection<FileDiagnostic> diagnostics, YamlBudget? budget = null, bool strict = false)
    {
        budget ??= YamlBudget.Default;
        if (text.Length > budget.MaxFileChars)
        {
            diagnostics.Add(new FileDiagnostic(
                "yaml-budget",
                OverBudget($"{text.Length:N0} characters, over {budget.MaxFileChars:N0} (MaxFileChars)", "split it into several files"),
                path, 1, 1, DiagnosticSeverity.Error));
            return null;
        }

        try
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new BudgetedParser(text, budget));
            }
            catch (YamlException ex) when (!strict && IsDuplicateKey(ex))
            {
                stream = LoadLastKeyWins(text, path, diagnostics, budget);
            }

            if (stream.Documents.Count == 0)
            {
                return null;
            }

            var root = stream.Documents[0].RootNode;
            if (text.Contains("<<", StringComparison.Ordinal))
            {
                YamlMerges.Resolve(root);
            }

            return root;
        }
        catch (YamlBudgetException ex)
        {
            diagnostics.Add(new FileDiagnostic("yaml-budget", ex.Message, path, (int)ex.Start.Line, (int)ex.Start.Column, DiagnosticSeverity.Error));
            return null;
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is { } inner && ex.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase) is false
                ? $"{FirstLine(ex.Message)} ({FirstLine(inner.Message)})"
                : FirstLine(ex.Message);
            var (line, column) = message.Contains(" tab ", StringComparison.Ordinal)
                ? TabPosition(text, (int)ex.Start.Line) ?? ((int)ex.Start.Line, (int)ex.Start.Column)
                : ((int)ex.Start.Line, (int)ex.Start.Column);
            diagnostics.Add(new FileDiagnostic("yaml-syntax", $"invalid YAML: {message}", path, line, column, DiagnosticSeverity.Error));
            return null;
        }
        catch (ArgumentException ex)
        {
            diagnostics.Add(new FileDiagnostic("yaml-syntax", $"invalid YAML: {FirstLine(ex.Message)}", path, 1, 1, DiagnosticSeverity.Error));
            return null;
        }
    }

    private static bool IsDuplicateKey(YamlException ex) =>
        ex.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase)
        || ex.InnerException?.Message.Contains("same key", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A file with a key written twice in one mapping, read as dbt (PyYAML) reads it: the last one counts.</summary>
    private static YamlStream LoadLastKeyWins(string text, string path, ICollection<FileDiagnostic> diagnostics, YamlBudget budget)
    {
        var parser = new BudgetedParser(text, budget);
        var events = new List<YamlDotNet.Core.Events.ParsingEvent>();
        while (parser.MoveNext())
        {
            events.Add(parser.Current!);
        }

        var removed = new List<Mark>();
        var stream = new YamlStream();
        stream.Load(new ModelEntryFilter.Replay(DuplicateKeys.LastWins(events, removed)));
        foreach (var mark in removed)
        {
            diagnostics.Add(new FileDiagnostic(
                "yaml-duplicate-key", "this key is written again later in the same mapping; the later one counts, as in dbt", path, (int)mark.Line, (int)mark.Column, DiagnosticSeverity.Info));
        }

        return stream;
    }

    /// <summary>The message of a <c>yaml-budget</c> diagnostic.</summary>
    internal static string OverBudget(string what, string todo) =>
        $"YAML file over budget: {what}; the file is skipped. To have it read, {todo}";

    /// <summary>
    /// Where the first tab in a line's indentation is, from <paramref name="fromLine"/> on. YamlDotNet reports a tab
    /// error at the start of the enclosing node (often line 1), not at the tab itself.
    /// </summary>
    private static (int Line, int Column)? TabPosition(string text, int fromLine)
    {
        var line = 1;
        for (var start = 0; start < text.Length; line++)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            if (line >= fromLine)
            {
                var indent = start;
                while (indent < end && text[indent] is ' ' or '-' or '\t')
                {
                    if (text[indent] == '\t')
                    {
                        return (line, indent - start + 1);
                    }

                    indent++;
                }
            }

            start = end + 1;
        }

        return null;
    }

    private static string FirstLine(string message)
    {
        var start = message.IndexOf("): ", StringComparison.Ordinal);
        var text = start >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(start + 3)..] : message;
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return (end >= 0 ? text[..end] : text).Trim();
    }
}
