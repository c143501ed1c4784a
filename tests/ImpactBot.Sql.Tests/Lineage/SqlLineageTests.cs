using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Lineage;
using ImpactBot.Sql.Lineage.Binding;

namespace ImpactBot.Sql.Tests.Lineage;

/// <summary>
/// SqlLineage end to end (parse + bind), split by construct over partial files. Expectations are written as
/// <c>"output: table.column kind [inferred] [candidate] [path=p], ..."</c> lines in output order plus an optional
/// <c>"row: ..."</c> line (absent means no row edges); names compare case-insensitively, edge order does not matter.
/// </summary>
public sealed partial class SqlLineageTests
{
    private static readonly DialectFacts Snowflake = DialectFacts.Snowflake;
    private static readonly DialectFacts Postgres = DialectFacts.Postgres;
    private static readonly DialectFacts BigQuery = DialectFacts.BigQuery;
    private static readonly DialectFacts DuckDb = DialectFacts.DuckDb;
    private static readonly DialectFacts Databricks = DialectFacts.Databricks;
    private static readonly DialectFacts Redshift = DialectFacts.Redshift;
    private static readonly DialectFacts Trino = DialectFacts.Trino;
    private static readonly DialectFacts TSql = DialectFacts.TSql;

    /// <summary>Schema text: <c>"orders(id, amount); customers(id, name)"</c>.</summary>
    private static DictionarySchemaProvider? Schema(DialectFacts dialect, string? text)
    {
        if (text is null)
        {
            return null;
        }

        var tables = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var entry in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var open = entry.IndexOf('(', StringComparison.Ordinal);
            tables[entry[..open].Trim()] = entry[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }

        return new DictionarySchemaProvider(dialect, tables);
    }

    private static QueryLineage AssertLineage(DialectFacts dialect, string sql, string? schema, params string[] expected)
    {
        var lineage = Analyze(dialect, sql, schema);
        AssertEdges(lineage, dialect, expected);
        return lineage;
    }

    /// <summary>Checks an analysed statement against expectation lines as <see cref="AssertLineage"/> takes them.</summary>
    private static void AssertEdges(QueryLineage lineage, DialectFacts dialect, params string[] expected)
    {
        var diagnostics = "\n" + string.Join("\n", lineage.Diagnostics);
        var outputs = expected.Where(e => !e.StartsWith("row:", StringComparison.Ordinal)).Select(Split).ToList();
        Assert.That(lineage.Columns.Select(c => c.Name.ToLowerInvariant()), Is.EqualTo(outputs.Select(o => o.Name.ToLowerInvariant())), "outputs" + diagnostics);
        for (var i = 0; i < outputs.Count; i++)
        {
            var got = lineage.Columns[i].Sources.Select(s => EdgeText.Of(s, dialect, caseSensitive: false).ToLowerInvariant()).Order();
            Assert.That(got, Is.EqualTo(outputs[i].Edges.Order()), $"sources of {outputs[i].Name}" + diagnostics);
        }

        var row = expected.Where(e => e.StartsWith("row:", StringComparison.Ordinal)).Select(Split).SingleOrDefault();
        var gotRow = lineage.Row.Select(s => EdgeText.Of(s, dialect, caseSensitive: false).ToLowerInvariant()).Order();
        Assert.That(gotRow, Is.EqualTo((row.Edges ?? []).Order()), "row edges" + diagnostics);
    }

    private static (string Name, List<string> Edges) Split(string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        var (name, rest) = colon < 0 ? (line.TrimEnd(':'), "") : (line[..colon], line[(colon + 2)..]);
        var edges = rest.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => e.ToLowerInvariant()).ToList();
        return (name, edges);
    }

    /// <summary>
    /// Analyses in <see cref="StrictMode"/>: an exception in the engine fails the test instead of hiding in a catch-all
    /// diagnostic, which must not appear either.
    /// </summary>
    private static QueryLineage Analyze(DialectFacts dialect, string sql, string? schema = null)
    {
        using var strict = StrictMode.Enable();
        var lineage = SqlLineage.Analyze(sql, dialect, Schema(dialect, schema));
        Assert.That(lineage.Diagnostics.Select(d => d.Code), Has.None.AnyOf(CatchAllCodes), string.Join("\n", lineage.Diagnostics));
        return lineage;
    }

    private static System.Collections.Immutable.ImmutableArray<QueryLineage> AnalyzeAll(string sql, DialectFacts dialect, DictionarySchemaProvider? schema = null)
    {
        using var strict = StrictMode.Enable();
        var all = SqlLineage.AnalyzeAll(sql, dialect, schema);
        Assert.That(all.SelectMany(l => l.Diagnostics).Select(d => d.Code), Has.None.AnyOf(CatchAllCodes));
        return all;
    }

    /// <summary>Codes of exceptions the engine turned into diagnostics: in a test, each is a bug.</summary>
    internal static readonly string[] CatchAllCodes = [SqlLineage.BinderErrorCode, SqlLineage.ParserErrorCode, ImpactBot.Sql.TSql.TSqlFrontEnd.InternalErrorCode];
}
