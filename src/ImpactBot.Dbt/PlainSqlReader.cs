using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using ImpactBot.Core.Files;

namespace ImpactBot.Dbt;

/// <summary>
/// Reads a repository of plain SQL files: each object created by <c>CREATE [OR REPLACE|OR ALTER] VIEW/TABLE/FUNCTION/PROCEDURE</c>
/// or filled by <c>INSERT INTO</c>/<c>MERGE INTO</c> becomes a model named after that object, with the statements that define
/// it. A table created by DDL alone declares its columns (<see cref="DbtModel.Ddl"/>); an inline table-valued function is
/// read as its query; a procedure (or other function) is read at model level, from the objects it names. The scan is
/// light (tokens only); the SQL parser does the real work later.
/// </summary>
internal static class PlainSqlReader
{
    private sealed record Target(string Name, string Kind, string Path, string Sql, int Line)
    {
        /// <summary>The columns of a table created by DDL alone; null when a query or insert defines the table.</summary>
        public ImmutableArray<DbtColumn>? Columns { get; init; }

        /// <summary>A procedure, or a function that is not one query: read at model level from <see cref="Reads"/>.</summary>
        public bool ModelLevel { get; init; }

        /// <summary>Objects a model-level routine names after FROM, JOIN, INTO, UPDATE, USING, APPLY.</summary>
        public ImmutableArray<string> Reads { get; init; } = [];

        /// <summary>An INSERT or MERGE inside a routine, or of literal rows only: it loads data, it does not define the table.</summary>
        public bool IsLoad { get; init; }
    }

    public static ImmutableArray<DbtModel> Read(IEnumerable<string> paths, IFileSource files, List<FileDiagnostic> diagnostics)
    {
        var targets = new List<Target>();
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var sqlPaths = paths.Where(p => p.EndsWith(".sql", StringComparison.OrdinalIgnoreCase)).ToList();
        // In a SQL Server database project the schema is declared: DDL defines tables, DML anywhere only loads them.
        var declarative = paths.Any(p => p.EndsWith(".sqlproj", StringComparison.OrdinalIgnoreCase));
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

        var names = new PlainSqlNames(targets.Select(t => t.Name));
        return [.. targets
            .GroupBy(t => t.Name.ToLowerInvariant(), StringComparer.Ordinal)
            .Select(group =>
            {
                var first = group.OrderBy(t => t.Kind == "insert" ? 1 : 0).First();
                var model = new DbtModel
                {
                    UniqueId = "sql." + first.Name,
                    Name = first.Name,
                    Path = first.Path,
                    RawSql = string.Join("\n", group.Select(t => t.Sql)),
                    RenderedSql = string.Join("\n", group.Select(t => t.Sql.TrimEnd().TrimEnd(';') + ";")),
                    ContentHash = hashes[first.Path],
                    Materialization = first.Kind,
                };
                if (first.Columns is { } columns && group.All(t => t.Columns is not null || t.IsLoad || declarative && t.Kind == "insert"))
                {
                    // Nothing but DDL defines the table (procedures and literal rows only load it): its columns are
                    // declared, there is no query to bind.
                    return model with { Language = DbtModel.Ddl, RenderedSql = "", RawSql = first.Sql, Columns = columns };
                }

                return first.ModelLevel && group.Count() == 1
                    ? model with
                    {
                        Language = DbtModel.Routine,
                        RenderedSql = "",
                        DependsOn = [.. first.Reads.Select(names.Resolve).OfType<string>().Where(n => !n.Equals(first.Name, StringComparison.OrdinalIgnoreCase))
                            .Distinct(StringComparer.OrdinalIgnoreCase).Select(n => "sql." + n)],
                    }
                    : model;
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

                var semantic = false;
                while (j < tokens.Count && tokens[j].Kind == SqlTokens.Kind.Word && tokens[j].Text.ToUpperInvariant() is
                    "TEMP" or "TEMPORARY" or "TRANSIENT" or "SECURE" or "MATERIALIZED" or "RECURSIVE" or "GLOBAL" or "LOCAL" or "EXTERNAL" or "UNLOGGED" or "SEMANTIC")
                {
                    semantic |= tokens[j].IsWord("SEMANTIC");
                    j++;
                }

                if (j < tokens.Count && (tokens[j].IsWord("VIEW") || tokens[j].IsWord("TABLE")))
                {
                    var kind = semantic ? "semantic_view" : tokens[j].Text.ToLowerInvariant();
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
                else if (j < tokens.Count && (tokens[j].IsWord("FUNCTION") || tokens[j].IsWord("PROCEDURE") || tokens[j].IsWord("PROC"))
                    && ReadName(tokens, j + 1) is { } routine)
                {
                    found.Add((i, routine, tokens[j].IsWord("FUNCTION") ? "function" : "procedure"));
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
            var (index, name, kind) = found[k];
            var start = tokens[index].Start;
            var next = found.FindIndex(k + 1, f => f.TokenIndex != index);
            var end = next >= 0 ? tokens[found[next].TokenIndex].Start : text.Length;
            var target = new Target(name, kind, path, TrimBatchSeparator(text[start..end]), tokens[index].Line);
            yield return kind switch
            {
                "table" => target with { Columns = ColumnList(tokens, index) is { } list ? TableColumnDefinitions.Read(tokens, list) : null },
                "function" or "procedure" => Routine(target, text, tokens, index, found.Skip(k + 1).Where(f => f.Kind is not "insert").Select(f => f.TokenIndex).FirstOrDefault(tokens.Count)),
                _ => target with { IsLoad = InRoutine(tokens, found, k) || LiteralRows(tokens, index) },
            };
        }
    }

    /// <summary>The INSERT or MERGE found at <paramref name="k"/> sits in the body of a routine of the same batch.</summary>
    private static bool InRoutine(List<SqlTokens.Token> tokens, List<(int TokenIndex, string Name, string Kind)> found, int k)
    {
        var routine = found.Take(k).LastOrDefault(f => f.Kind != "insert");
        return routine.Kind is "function" or "procedure"
            && !tokens.Skip(routine.TokenIndex).Take(found[k].TokenIndex - routine.TokenIndex).Any(t => t.IsWord("GO"));
    }

    /// <summary>An <c>INSERT ... VALUES</c> (or <c>DEFAULT VALUES</c>): rows written as literals, read from no table.</summary>
    private static bool LiteralRows(List<SqlTokens.Token> tokens, int insert)
    {
        var depth = 0;
        for (var i = insert + 1; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == SqlTokens.Kind.Symbol)
            {
                depth += token.Text switch { "(" => 1, ")" => -1, _ => 0 };
            }
            else if (depth == 0 && (token.IsWord("VALUES") || token.IsWord("SELECT") || token.IsWord("WITH") || token.IsWord("USING") || token.IsWord("EXEC") || token.IsWord("EXECUTE")))
            {
                return token.IsWord("VALUES");
            }
        }

        return false;
    }

    /// <summary>The token that opens the column list of the CREATE TABLE at <paramref name="create"/>, if it has one.</summary>
    private static int? ColumnList(List<SqlTokens.Token> tokens, int create)
    {
        for (var j = create + 1; j < tokens.Count && j < create + 16; j++)
        {
            if (tokens[j].Kind == SqlTokens.Kind.Symbol && tokens[j].Text is "(" or ";")
            {
                return tokens[j].Text == "(" ? j : null;
            }

            if (tokens[j].IsWord("AS") || tokens[j].IsWord("LIKE") || tokens[j].IsWord("CLONE"))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// A function or procedure. An inline table-valued function (<c>RETURNS TABLE AS RETURN (query)</c>) keeps only its
    /// query, with the header blanked out so positions stay those of the file; any other routine is read at model level
    /// from the objects its body names up to <paramref name="end"/> (the next object created in the file).
    /// </summary>
    private static Target Routine(Target target, string text, List<SqlTokens.Token> tokens, int create, int end)
    {
        var returns = tokens.FindIndex(create, end - create, t => t.IsWord("RETURNS"));
        var @return = returns >= 0 && returns + 1 < end && tokens[returns + 1].IsWord("TABLE")
            ? tokens.FindIndex(returns, end - returns, t => t.IsWord("RETURN"))
            : -1;
        if (@return >= 0 && @return + 1 < end)
        {
            var open = tokens[@return + 1].Kind == SqlTokens.Kind.Symbol && tokens[@return + 1].Text == "(";
            var queryStart = tokens[open ? @return + 2 : @return + 1].Start;
            var close = open ? Closing(tokens, @return + 1, end) : -1;
            var queryEnd = close >= 0 ? tokens[close].Start : end < tokens.Count ? tokens[end].Start : text.Length;
            var start = tokens[create].Start;
            var header = new string([.. text[start..queryStart].Select(c => c == '\n' ? '\n' : ' ')]);
            return target with { Sql = TrimBatchSeparator(header + text[queryStart..queryEnd]) };
        }

        var reads = new List<string>();
        for (var i = create + 1; i < end; i++)
        {
            if ((tokens[i].IsWord("FROM") || tokens[i].IsWord("JOIN") || tokens[i].IsWord("INTO") || tokens[i].IsWord("UPDATE") || tokens[i].IsWord("USING") || tokens[i].IsWord("APPLY"))
                && ReadName(tokens, i + 1) is { } name)
            {
                reads.Add(name);
            }
        }

        return target with { ModelLevel = true, Reads = [.. reads] };
    }

    private static int Closing(List<SqlTokens.Token> tokens, int open, int end)
    {
        var depth = 0;
        for (var i = open; i < end; i++)
        {
            if (tokens[i].Kind == SqlTokens.Kind.Symbol)
            {
                depth += tokens[i].Text switch { "(" => 1, ")" => -1, _ => 0 };
                if (depth == 0)
                {
                    return i;
                }
            }
        }

        return -1;
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
