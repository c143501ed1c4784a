namespace ImpactBot.Dbt.Jinja;

/// <summary>
/// dbt's cross-database macros (<c>dbt.type_string()</c>, <c>dbt.date_trunc()</c>, <c>dbt_utils.generate_surrogate_key()</c>...)
/// rendered as the plain SQL they produce, so models using them keep complete column lineage. Arguments that are SQL
/// snippets (column names, expressions) are inserted as written, as dbt does.
/// </summary>
internal static class CrossDatabaseMacros
{
    public static string? Expand(string name, List<object?> args, string targetType)
    {
        var shortName = name.StartsWith("dbt.", StringComparison.Ordinal) ? name[4..]
            : name.StartsWith("dbt_utils.", StringComparison.Ordinal) ? name[10..]
            : name;
        var wide = targetType is "bigquery" or "databricks" or "spark";
        string A(int i) => i < args.Count ? JinjaValues.Print(args[i]) : "";
        return shortName switch
        {
            "type_string" => wide ? "string" : "varchar",
            "type_timestamp" => "timestamp",
            "type_bigint" => targetType == "bigquery" ? "int64" : "bigint",
            "type_int" => targetType == "bigquery" ? "int64" : "integer",
            "type_numeric" => "numeric",
            "type_float" => targetType == "bigquery" ? "float64" : "float",
            "type_boolean" => "boolean",
            "current_timestamp" or "current_timestamp_backcompat" or "current_timestamp_in_utc_backcompat" => "current_timestamp",
            "date_trunc" when args.Count == 2 => $"date_trunc('{A(0)}', {A(1)})",
            "dateadd" when args.Count == 3 => $"dateadd({A(0)}, {A(1)}, {A(2)})",
            "datediff" when args.Count == 3 => $"datediff({A(2)}, {A(0)}, {A(1)})",
            "safe_cast" when args.Count == 2 => $"cast({A(0)} as {A(1)})",
            "cast_bool_to_text" when args.Count == 1 => $"cast({A(0)} as varchar)",
            "split_part" when args.Count == 3 => $"split_part({A(0)}, {A(1)}, {A(2)})",
            "concat" when args.Count == 1 && args[0] is List<object?> parts => $"concat({string.Join(", ", parts.Select(JinjaValues.Print))})",
            "hash" when args.Count == 1 => $"md5(cast({A(0)} as varchar))",
            "length" when args.Count == 1 => $"length({A(0)})",
            "position" when args.Count == 2 => $"position({A(0)} in {A(1)})",
            "replace" when args.Count == 3 => $"replace({A(0)}, {A(1)}, {A(2)})",
            "right" when args.Count == 2 => $"right({A(0)}, {A(1)})",
            "any_value" when args.Count == 1 => $"any_value({A(0)})",
            "bool_or" when args.Count == 1 => $"bool_or({A(0)})",
            "listagg" when args.Count >= 1 => $"listagg({A(0)}{(args.Count > 1 ? ", " + A(1) : "")})",
            "last_day" when args.Count == 2 => $"last_day({A(0)})",
            "escape_single_quotes" when args.Count == 1 => A(0).Replace("'", "''", StringComparison.Ordinal),
            "string_literal" when args.Count == 1 => $"'{A(0)}'",
            "generate_surrogate_key" or "surrogate_key" when args.Count >= 1 => SurrogateKey(args[0] is List<object?> list ? list : args),
            _ => null,
        };
    }

    private static string SurrogateKey(List<object?> fields) =>
        "md5(" + string.Join(" || '-' || ", fields.Select(f => $"coalesce(cast({JinjaValues.Print(f)} as varchar), '_dbt_utils_surrogate_key_null_')")) + ")";
}
