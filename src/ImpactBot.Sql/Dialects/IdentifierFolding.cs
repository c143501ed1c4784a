namespace ImpactBot.Sql.Dialects;

/// <summary>How a dialect compares unquoted identifiers.</summary>
public enum IdentifierFolding
{
    /// <summary>Unquoted names fold to upper case (Snowflake).</summary>
    Upper,

    /// <summary>Unquoted names fold to lower case (Postgres).</summary>
    Lower,

    /// <summary>Names compare case-insensitively, quoted or not (BigQuery columns, DuckDB, Databricks, Trino, Redshift, T-SQL default collation).</summary>
    CaseInsensitive,

    /// <summary>Names compare exactly as written (BigQuery tables).</summary>
    Exact,
}
