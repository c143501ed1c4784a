using ImpactBot.Sql.Dialects;

namespace ImpactBot.Core.Config;

/// <summary>Maps dialect names (as in .impactbot.yml, profiles.yml <c>type</c>, manifest <c>adapter_type</c>) to dialects.</summary>
public static class DialectNames
{
    public const string Allowed = "snowflake, bigquery, postgres, redshift, duckdb, databricks, trino, tsql";

    public static SqlDialect? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "snowflake" => SqlDialect.Snowflake,
        "bigquery" => SqlDialect.BigQuery,
        "postgres" or "postgresql" => SqlDialect.Postgres,
        "redshift" => SqlDialect.Redshift,
        "duckdb" => SqlDialect.DuckDb,
        "databricks" or "spark" => SqlDialect.Databricks,
        "trino" or "presto" or "athena" => SqlDialect.Trino,
        "tsql" or "t-sql" or "sqlserver" or "mssql" or "synapse" or "fabric" => SqlDialect.TSql,
        _ => null,
    };
}
