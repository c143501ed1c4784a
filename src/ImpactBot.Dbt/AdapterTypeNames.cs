namespace ImpactBot.Dbt;

/// <summary>
/// Type names as dbt's adapters write them: the types <c>dbt seed</c> creates a seed's columns with (each adapter's
/// <c>convert_*_type</c>), and a type as the warehouse then reports it to <c>adapter.get_columns_in_relation</c>.
/// </summary>
internal static class AdapterTypeNames
{
    /// <summary>The seed column type the adapter creates for values of <paramref name="kind"/>.</summary>
    public static string Seed(string targetType, SeedKind kind, bool hasDecimals) => (Family(targetType), kind) switch
    {
        ("bigquery", SeedKind.Text) => "string",
        ("bigquery", SeedKind.Number) => hasDecimals ? "float64" : "int64",
        ("bigquery", SeedKind.Boolean) => "bool",
        ("bigquery", SeedKind.DateTime) => "datetime",
        ("spark", SeedKind.Text) => "string",
        ("spark", SeedKind.Number) => hasDecimals ? "double" : "bigint",
        ("spark", SeedKind.DateTime) => "timestamp",
        (_, SeedKind.Text) => "text",
        (_, SeedKind.Number) => hasDecimals ? "float8" : "integer",
        (_, SeedKind.Boolean) => "boolean",
        (_, SeedKind.Date) => "date",
        (_, SeedKind.DateTime) => "timestamp without time zone",
        _ => "text",
    };

    /// <summary>
    /// A type as the warehouse reports it: Postgres and its kin list a column's type by its standard name
    /// (<c>float8</c> as <c>double precision</c>, <c>timestamp</c> as <c>timestamp without time zone</c>); other
    /// warehouses' names are kept as written. Null stays null (unknown).
    /// </summary>
    public static string? Reported(string targetType, string? type)
    {
        if (string.IsNullOrWhiteSpace(type) || Family(targetType) != "postgres")
        {
            return type;
        }

        var written = type.Trim();
        var open = written.IndexOf('(', StringComparison.Ordinal);
        var (name, size) = open > 0 ? (written[..open].Trim().ToLowerInvariant(), written[open..]) : (written.ToLowerInvariant(), "");
        var standard = name switch
        {
            "int" or "int4" or "serial" or "serial4" => "integer",
            "int8" or "serial8" or "bigserial" => "bigint",
            "int2" or "smallserial" or "serial2" => "smallint",
            "float" or "float8" or "double" => "double precision",
            "float4" => "real",
            "decimal" => "numeric",
            "bool" => "boolean",
            "varchar" => "character varying",
            "char" or "bpchar" => "character",
            "timestamp" => "timestamp without time zone",
            "timestamptz" => "timestamp with time zone",
            "time" => "time without time zone",
            "timetz" => "time with time zone",
            _ => null,
        };
        // Postgres lists a time's precision apart from its type name.
        return standard is null ? written : standard.StartsWith("time", StringComparison.Ordinal) ? standard : standard + size;
    }

    /// <summary>The adapter whose type names an adapter uses (dbt's adapter inheritance).</summary>
    private static string Family(string targetType) => targetType.ToLowerInvariant() switch
    {
        "bigquery" => "bigquery",
        "spark" or "databricks" => "spark",
        "postgres" or "redshift" or "alloydb" or "greenplum" or "materialize" => "postgres",
        var other => other,
    };
}
