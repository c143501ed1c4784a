namespace ImpactBot.Dbt.Jinja;

/// <summary>
/// dbt's cross-database macros (<c>dbt.type_string()</c>, <c>dbt.date_trunc()</c>, <c>dbt_utils.generate_surrogate_key()</c>...)
/// rendered as the plain SQL they produce, so models using them keep complete column lineage. Arguments that are SQL
/// snippets (column names, expressions) are inserted as written, as dbt does.
/// </summary>
internal static class CrossDatabaseMacros
{
    /// <summary>dbt's parameter names, so keyword calls (<c>dbt.dateadd(datepart='day', interval=1, ...)</c>) expand too.</summary>
    private static readonly Dictionary<string, string[]> Parameters = new(StringComparer.Ordinal)
    {
        ["date_trunc"] = ["datepart", "date"],
        ["dateadd"] = ["datepart", "interval", "from_date_or_timestamp"],
        ["datediff"] = ["first_date", "second_date", "datepart"],
        ["safe_cast"] = ["field", "type"],
        ["cast"] = ["field", "type"],
        ["cast_bool_to_text"] = ["field"],
        ["split_part"] = ["string_text", "delimiter_text", "part_number"],
        ["concat"] = ["fields"],
        ["hash"] = ["field"],
        ["length"] = ["expression"],
        ["position"] = ["substring_text", "string_text"],
        ["replace"] = ["field", "old_chars", "new_chars"],
        ["right"] = ["string_text", "length_expression"],
        ["any_value"] = ["expression"],
        ["bool_or"] = ["expression"],
        ["listagg"] = ["measure", "delimiter_text", "order_by_clause", "limit_num"],
        ["last_day"] = ["date", "datepart"],
        ["escape_single_quotes"] = ["expression"],
        ["string_literal"] = ["value"],
        ["generate_surrogate_key"] = ["field_list"],
        ["surrogate_key"] = ["field_list"],
    };

    public static string? Expand(string name, List<object?> positional, IReadOnlyDictionary<string, object?> named, string targetType)
    {
        var shortName = name.StartsWith("dbt.", StringComparison.Ordinal) ? name[4..]
            : name.StartsWith("dbt_utils.", StringComparison.Ordinal) ? name[10..]
            : name;
        var args = named.Count == 0 || !Parameters.TryGetValue(shortName, out var parameters) ? positional : Merge(positional, named, parameters);
        if (args is null)
        {
            return null;
        }

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
            "safe_cast" or "cast" when args.Count == 2 => $"cast({A(0)} as {A(1)})",
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

    /// <summary>Positional arguments first, then keywords in the macro's parameter order; null when a keyword is unknown or a gap is left.</summary>
    private static List<object?>? Merge(List<object?> positional, IReadOnlyDictionary<string, object?> named, string[] parameters)
    {
        if (named.Keys.Any(k => Array.IndexOf(parameters, k) < positional.Count))
        {
            return null;
        }

        var args = new List<object?>(positional);
        foreach (var parameter in parameters.Skip(positional.Count))
        {
            if (!named.TryGetValue(parameter, out var value))
            {
                break;
            }

            args.Add(value);
        }

        return args.Count - positional.Count == named.Count ? args : null;
    }

    private static string SurrogateKey(List<object?> fields) =>
        "md5(" + string.Join(" || '-' || ", fields.Select(f => $"coalesce(cast({JinjaValues.Print(f)} as varchar), '_dbt_utils_surrogate_key_null_')")) + ")";
}
