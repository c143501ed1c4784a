using System.Collections.Frozen;

namespace ImpactBot.Sql.Dialects;

/// <summary>
/// The one table of dialect names: each dialect's own name, then aliases and every dbt adapter type whose SQL one of
/// the dialects reads. The CLI, the config reader, the dbt reader and the README's list all come from here.
/// </summary>
public static class DialectNames
{
    private const string ClickHouseNote =
        "ClickHouse has no dialect of its own here yet: it is read as duckdb, the closest; ClickHouse-only syntax " +
        "(ARRAY JOIN, FINAL, backtick identifiers) may not parse and lowers lineage precision for those models";

    /// <summary>Dialect names first (in <see cref="DialectFacts.All"/> order), then aliases grouped by dialect.</summary>
    public static IReadOnlyList<DialectName> All { get; } =
    [
        .. DialectFacts.All.Select(d => new DialectName(d.Name, d.Dialect)),
        new("postgresql", SqlDialect.Postgres),
        new("materialize", SqlDialect.Postgres),
        new("risingwave", SqlDialect.Postgres),
        new("greenplum", SqlDialect.Postgres),
        new("motherduck", SqlDialect.DuckDb),
        new("clickhouse", SqlDialect.DuckDb, ClickHouseNote),
        new("spark", SqlDialect.Databricks),
        new("sparksql", SqlDialect.Databricks),
        new("glue", SqlDialect.Databricks),
        new("fabricspark", SqlDialect.Databricks),
        new("presto", SqlDialect.Trino),
        new("athena", SqlDialect.Trino),
        new("starburst", SqlDialect.Trino),
        new("t-sql", SqlDialect.TSql),
        new("sqlserver", SqlDialect.TSql),
        new("mssql", SqlDialect.TSql),
        new("synapse", SqlDialect.TSql),
        new("fabric", SqlDialect.TSql),
    ];

    private static readonly FrozenDictionary<string, DialectName> ByName =
        All.ToFrozenDictionary(n => n.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The dialects' own names, for "allowed: ..." messages and help text.</summary>
    public static string Canonical { get; } = string.Join(", ", DialectFacts.All.Select(d => d.Name));

    /// <summary>Finds a name or alias (case-insensitive, surrounding blanks ignored).</summary>
    public static DialectName? Find(string? name) => name is null ? null : ByName.GetValueOrDefault(name.Trim());

    public static SqlDialect? Parse(string? name) => Find(name)?.Dialect;

    /// <summary>The README's dialect list: each dialect with its aliases, then the notes of approximate ones.</summary>
    public static string MarkdownList()
    {
        var dialects = DialectFacts.All.Select(d =>
        {
            var aliases = All.Where(n => n.Dialect == d.Dialect && n.Name != d.Name).Select(n => $"`{n.Name}`").ToList();
            return aliases.Count == 0 ? $"`{d.Name}`" : $"`{d.Name}` (also {string.Join(", ", aliases)})";
        });
        var notes = All.Where(n => n.Note is not null).Select(n => $"`{n.Name}`: {n.Note}.");
        return $"Dialects: {string.Join("; ", dialects)}. {string.Join(" ", notes)}";
    }
}
