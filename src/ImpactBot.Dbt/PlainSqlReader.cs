using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using ImpactBot.Core.Files;

namespace ImpactBot.Dbt;

/// <summary>
/// Reads a repository of plain SQL files: each object created by <c>CREATE [OR REPLACE|OR ALTER] VIEW/TABLE</c> or filled by
/// <c>INSERT INTO</c>/<c>MERGE INTO</c> becomes a model named after that object, with the statements that define it.
/// The scan is light (tokens only); the SQL parser does the real work later.
/// </summary>
internal static class PlainSqlReader
{
    private sealed record Target(string Name, string Kind, string Path, string Sql, int Line);

    public static ImmutableArray<DbtModel> Read(IEnumerable<string> paths, IFileSource files, List<FileDiagnostic> diagnostics)
    {
        var targets = new List<Target>();
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var sqlPaths = paths.Where(p => p.EndsWith(".sql", StringComparison.OrdinalIgnoreCase)).ToList();
        files.Prefetch(sqlPaths);
        foreach (var path in sqlPaths)
        {
            var text = files.ReadText(path);
            if (text is null || text.Contains('\0', StringComparison.Ordinal))
            {
                diagnostics.Add(new FileDiagnostic("unreadable-file", "the file is not text (binary or unreadable); it is skipped", path, 0, 0));
                continue;
            }

            hashes[path] = Hash(text);
            targets.AddRange(Scan(text, path));
        }

        return [.. targets
            .GroupBy(t => t.Name.ToLowerInvariant(), StringComparer.Ordinal)
            .Select(group =>
            {
                var first = group.OrderBy(t => t.Kind == "insert" ? 1 : 0).First();
                return new DbtModel
                {
                    UniqueId = "sql." + first.Name,
                    Name = first.Name,
                    Path = first.Path,
                    RawSql = string.Join("\n", group.Select(t => t.Sql)),
                    RenderedSql = string.Join("\n", group.Select(t => t.Sql.TrimEnd().TrimEnd(';') + ";")),
                    ContentHash = hashes[first.Path],
                    Materialization = first.Kind,
                };
            })
            .OrderBy(m => m.Name, StringComparer.Ordinal)];
    }

    internal static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static IEnumerable<Target> Scan(string text, string path)
    {
        var tokens = SqlTokens.Tokenize(text);
        var found = new List<(int TokenIndex, string Name, string Kind)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].IsWord("CREATE") && (i == 0 || !tokens[i - 1].IsWord("OR")))
            {
                var j = i + 1;
                if (j < tokens.Count && tokens[j].IsWord("OR"))
                {
                    j += 2;
                }

                while (j < tokens.Count && tokens[j].Kind == SqlTokens.Kind.Word && tokens[j].Text.ToUpperInvariant() is
                    "TEMP" or "TEMPORARY" or "TRANSIENT" or "SECURE" or "MATERIALIZED" or "RECURSIVE" or "GLOBAL" or "LOCAL" or "EXTERNAL" or "UNLOGGED")
                {
                    j++;
                }

                if (j < tokens.Count && (tokens[j].IsWord("VIEW") || tokens[j].IsWord("TABLE")))
                {
                    var kind = tokens[j].Text.ToLowerInvariant();
                    j++;
                    if (j + 2 < tokens.Count && tokens[j].IsWord("IF") && tokens[j + 1].IsWord("NOT") && tokens[j + 2].IsWord("EXISTS"))
                    {
                        j += 3;
                    }

                    if (ReadName(tokens, j) is { } name)
                    {
                        found.Add((i, name, kind));
                    }
                }
            }
            else if (tokens[i].IsWord("INSERT") && MultiTableTargets(tokens, i) is { Count: > 0 } targets)
            {
                // Snowflake INSERT ALL|FIRST: one statement fills every INTO table; each becomes an asset of it.
                found.AddRange(targets.Select(name => (i, name, "insert")));
            }
            else if ((tokens[i].IsWord("INSERT") || tokens[i].IsWord("MERGE")) && i + 1 < tokens.Count)
            {
                var j = tokens[i + 1].IsWord("INTO") || tokens[i + 1].IsWord("OVERWRITE") ? i + 2 : i + 1;
                if (j < tokens.Count && tokens[j].IsWord("TABLE"))
                {
                    j++;
                }

                if (ReadName(tokens, j) is { } name)
                {
                    found.Add((i, name, "insert"));
                }
            }
        }

        for (var k = 0; k < found.Count; k++)
        {
            var start = tokens[found[k].TokenIndex].Start;
            var next = found.FindIndex(k + 1, f => f.TokenIndex != found[k].TokenIndex);
            var end = next >= 0 ? tokens[found[next].TokenIndex].Start : text.Length;
            var sql = TrimBatchSeparator(text[start..end]);
            yield return new Target(found[k].Name, found[k].Kind, path, sql, tokens[found[k].TokenIndex].Line);
        }
    }

    /// <summary>The INTO tables of <c>INSERT [OVERWRITE] ALL|FIRST ... SELECT</c> at token <paramref name="i"/>; empty for other INSERTs.</summary>
    private static List<string> MultiTableTargets(List<SqlTokens.Token> tokens, int i)
    {
        var targets = new List<string>();
        var j = i + 1 < tokens.Count && tokens[i + 1].IsWord("OVERWRITE") ? i + 2 : i + 1;
        if (j >= tokens.Count || !(tokens[j].IsWord("ALL") || tokens[j].IsWord("FIRST")))
        {
            return targets;
        }

        // Up to the query (SELECT or WITH outside the VALUES/column-list parentheses) or the end of the statement.
        var depth = 0;
        for (j++; j < tokens.Count; j++)
        {
            var token = tokens[j];
            if (token.Kind == SqlTokens.Kind.Symbol)
            {
                depth += token.Text switch { "(" => 1, ")" => -1, _ => 0 };
                if (token.Text == ";" && depth == 0)
                {
                    break;
                }
            }
            else if (depth == 0 && (token.IsWord("SELECT") || token.IsWord("WITH")))
            {
                break;
            }
            else if (depth == 0 && token.IsWord("INTO") && ReadName(tokens, j + 1) is { } name && !targets.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                targets.Add(name);
            }
        }

        return targets;
    }

    private static string? ReadName(List<SqlTokens.Token> tokens, int j)
    {
        var parts = new List<string>();
        while (j < tokens.Count && tokens[j].Kind is SqlTokens.Kind.Word or SqlTokens.Kind.QuotedIdentifier)
        {
            parts.Add(tokens[j].Text);
            if (j + 1 < tokens.Count && tokens[j + 1].Kind == SqlTokens.Kind.Symbol && tokens[j + 1].Text == ".")
            {
                j += 2;
                continue;
            }

            break;
        }

        // T-SQL temp tables and table variables are not assets.
        return parts.Count == 0 || parts[0].StartsWith('#') || parts[0].StartsWith('@') ? null : string.Join(".", parts);
    }

    private static string TrimBatchSeparator(string sql)
    {
        var lines = sql.TrimEnd().Split('\n').ToList();
        while (lines.Count > 0 && (lines[^1].Trim().Equals("GO", StringComparison.OrdinalIgnoreCase) || lines[^1].Trim().Length == 0))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return string.Join("\n", lines).TrimEnd();
    }
}
