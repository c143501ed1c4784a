using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ImpactBot.Core.Files;

namespace ImpactBot.Dbt;

/// <summary>
/// What a repository says about its SQL dialect besides dbt's profile: the manifest's <c>adapter_type</c>, a SQL Server
/// database project (<c>.sqlproj</c>), a <c>.sqlfluff</c> file, and, last, the SQL itself. Each answer is a name (as a
/// dbt adapter type or dialect name) with where it came from.
/// </summary>
public static partial class DialectHints
{
    /// <summary>Files read for the SQL sniff: enough to see a repository's habits, few enough to cost nothing.</summary>
    private const int SniffFiles = 200;

    /// <summary><c>metadata.adapter_type</c> of a manifest, read from its start without parsing the whole file.</summary>
    public static string? ManifestAdapterType(string manifestText)
    {
        ArgumentNullException.ThrowIfNull(manifestText);
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(manifestText.Length > 1 << 20 ? manifestText[..(1 << 20)] : manifestText), isFinalBlock: false, default);
            var depth = 0;
            var inMetadata = false;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        depth++;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        depth--;
                        if (inMetadata && depth == 1)
                        {
                            return null;
                        }

                        break;
                    case JsonTokenType.PropertyName when depth == 1:
                        inMetadata = reader.ValueTextEquals("metadata");
                        break;
                    case JsonTokenType.PropertyName when depth == 2 && inMetadata && reader.ValueTextEquals("adapter_type"):
                        return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
            }
        }
        catch (JsonException)
        {
            // A broken manifest is reported by the manifest reader; here it just says nothing.
        }

        return null;
    }

    /// <summary>A SQL Server database project (SSDT or SDK style) in the repository means T-SQL.</summary>
    public static (string Name, string Source)? SqlProject(IEnumerable<string> paths, IFileSource files)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var path in paths.Where(p => p.EndsWith(".sqlproj", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
        {
            var text = files.ReadText(path) ?? "";
            var provider = SchemaProvider().Match(text);
            return ("tsql", provider.Success ? $"{path} ({provider.Groups[1].Value})" : path);
        }

        return null;
    }

    /// <summary><c>dialect = x</c> in the <c>[sqlfluff]</c> section of a <c>.sqlfluff</c> at the project or repository root.</summary>
    public static (string Name, string Source)? SqlFluff(IFileSource files, string projectDir)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var path in new[] { projectDir.Length == 0 ? ".sqlfluff" : $"{projectDir}/.sqlfluff", ".sqlfluff" }.Distinct(StringComparer.Ordinal))
        {
            if (files.ReadText(path) is not { } text)
            {
                continue;
            }

            var section = "";
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                if (line.StartsWith('[') && line.EndsWith(']'))
                {
                    section = line[1..^1].Trim();
                }
                else if (section == "sqlfluff" && line.Split('=', 2) is [var key, var value] && key.Trim() == "dialect")
                {
                    return (value.Split('#', ';')[0].Trim(), path);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The dialect the SQL's quoting points to: <c>[schema].[name]</c> is T-SQL, backticks are BigQuery; null when neither
    /// shows (or both do).
    /// </summary>
    public static (string Name, string Source)? FromSql(IEnumerable<string> paths, IFileSource files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var brackets = 0;
        var backticks = 0;
        foreach (var path in paths.Where(p => p.EndsWith(".sql", StringComparison.OrdinalIgnoreCase)).Take(SniffFiles))
        {
            if (files.ReadText(path) is not { } text)
            {
                continue;
            }

            brackets += BracketNames().Count(text);
            backticks += BacktickNames().Count(text);
        }

        return (brackets, backticks) switch
        {
            ( > 0, 0) => ("tsql", $"the SQL ({brackets} [bracketed].[names])"),
            (0, > 0) => ("bigquery", $"the SQL ({backticks} `backtick` names)"),
            _ => null,
        };
    }

    [GeneratedRegex(@"<DSP>\s*Microsoft\.Data\.Tools\.Schema\.Sql\.(\w+?)DatabaseSchemaProvider\s*</DSP>")]
    private static partial Regex SchemaProvider();

    [GeneratedRegex(@"\[[A-Za-z_][\w ]*\]\s*\.\s*\[?[A-Za-z_]")]
    private static partial Regex BracketNames();

    [GeneratedRegex(@"`[A-Za-z_][\w.\-]*`")]
    private static partial Regex BacktickNames();
}
