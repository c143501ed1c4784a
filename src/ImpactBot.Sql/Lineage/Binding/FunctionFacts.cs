using System.Collections.Frozen;

namespace ImpactBot.Sql.Lineage.Binding;

/// <summary>What the binder needs to know about function names, kept as data. Names compare case-insensitively.</summary>
internal static class FunctionFacts
{
    /// <summary>Aggregate functions across the supported dialects (used without OVER they aggregate rows).</summary>
    public static readonly FrozenSet<string> Aggregates = new[]
    {
        "any_value", "approx_count_distinct", "approx_distinct", "approx_percentile", "approx_quantiles", "approx_top_k",
        "array_agg", "array_concat_agg", "array_union_agg", "arrayagg", "avg", "bit_and", "bit_or", "bit_xor", "bitand_agg",
        "bitor_agg", "bitxor_agg", "bool_and", "bool_or", "booland_agg", "boolor_agg", "checksum_agg", "collect_list",
        "collect_set", "corr", "count", "count_big", "count_if", "countif", "covar_pop", "covar_samp", "every", "first",
        "group_concat", "grouping", "hll", "hll_count_distinct", "json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg",
        "kurtosis", "last", "listagg", "logical_and", "logical_or", "max", "max_by", "median", "min", "min_by", "mode",
        "object_agg", "percentile", "percentile_approx", "percentile_cont", "percentile_disc", "regr_avgx", "regr_avgy",
        "regr_count", "regr_intercept", "regr_r2", "regr_slope", "skewness", "stddev", "stddev_pop", "stddev_samp", "stdev",
        "stdevp", "string_agg", "sum", "var", "var_pop", "var_samp", "variance", "varp", "xmlagg", "arg_max", "arg_min",
        "argmax", "argmin", "histogram", "list", "product", "fsum", "kurtosis_pop", "approx_count_distinct_ds_hll",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Functions whose first argument only chooses between the others (IFF(cond, a, b)).</summary>
    public static readonly FrozenSet<string> ConditionFirst = new[] { "iff", "if", "iif" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>GROUP BY items that are grouping constructs rather than values.</summary>
    public static readonly FrozenSet<string> GroupingSets = new[] { "rollup", "cube", "grouping sets", "grouping_sets" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Snowflake FLATTEN's output columns, in order (BRIEF: SEQ, KEY, PATH, INDEX, VALUE, THIS).</summary>
    public static readonly string[] FlattenColumns = ["SEQ", "KEY", "PATH", "INDEX", "VALUE", "THIS"];

    public static bool IsAggregate(string name) => Aggregates.Contains(name);
}
