namespace ImpactBot.Sql.Dialects;

public enum SqlDialect
{
    Snowflake,
    BigQuery,
    Postgres,
    Redshift,
    DuckDb,
    Databricks,
    Trino,
    TSql,
}
