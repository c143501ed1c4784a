using System.Collections.Frozen;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Syntax.Ast;

namespace ImpactBot.Sql.Lineage.Binding;

/// <summary>
/// Date-part keywords written as bare names in function arguments (<c>dateadd(day, 1, x)</c>): they are literals,
/// not columns. Kept as data: per function, the argument position of the part and the fewest arguments the part form
/// takes (Spark's two-argument <c>datediff(end, start)</c> has none).
/// </summary>
internal static class DateParts
{
    /// <summary>Part names and their common abbreviations across Snowflake, BigQuery, Redshift, Databricks and T-SQL.</summary>
    private static readonly FrozenSet<string> Names = new[]
    {
        "year", "years", "yyyy", "yyy", "yy", "y", "yr", "yrs", "isoyear", "yearofweek", "yearofweekiso",
        "quarter", "quarters", "qtr", "qtrs", "qq", "q",
        "month", "months", "mm", "mon", "mons", "m",
        "week", "weeks", "wk", "wy", "ww", "w", "isoweek", "weekiso", "weekofyear", "week_iso",
        "day", "days", "dd", "d", "dayofmonth", "dayofweek", "dayofweekiso", "dow", "dow_iso", "dw", "weekday",
        "dayofyear", "doy", "dy", "yd",
        "hour", "hours", "hh", "hr", "hrs", "h",
        "minute", "minutes", "mi", "n", "min", "mins",
        "second", "seconds", "ss", "s", "sec", "secs",
        "millisecond", "milliseconds", "ms", "msec", "msecs",
        "microsecond", "microseconds", "us", "usec", "usecs", "mcs",
        "nanosecond", "nanoseconds", "ns", "nsec", "nsecs", "nanosec",
        "epoch", "epoch_second", "epoch_seconds", "epoch_millisecond", "epoch_microsecond", "epoch_nanosecond",
        "timezone_hour", "timezone_minute", "tzh", "tzm",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The part comes first (Snowflake, Redshift, Databricks, T-SQL and the dialects that accept bare parts).</summary>
    private static readonly FrozenDictionary<string, (int Position, int MinArguments)> PartFirst = new Dictionary<string, (int, int)>
    {
        ["dateadd"] = (0, 3),
        ["datediff"] = (0, 3),
        ["datediff_big"] = (0, 3),
        ["date_diff"] = (0, 3),
        ["timeadd"] = (0, 3),
        ["timediff"] = (0, 3),
        ["timestampadd"] = (0, 3),
        ["timestampdiff"] = (0, 3),
        ["timestamp_add"] = (0, 3),
        ["timestamp_diff"] = (0, 3),
        ["date_trunc"] = (0, 2),
        ["datetrunc"] = (0, 2),
        ["time_trunc"] = (0, 2),
        ["date_part"] = (0, 2),
        ["datepart"] = (0, 2),
        ["datename"] = (0, 2),
        ["date_bucket"] = (0, 3),
        ["last_day"] = (1, 2),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>BigQuery puts the part last: <c>date_trunc(x, month)</c>, <c>date_diff(a, b, day)</c>.</summary>
    private static readonly FrozenDictionary<string, (int Position, int MinArguments)> PartLast = new Dictionary<string, (int, int)>
    {
        ["date_trunc"] = (1, 2),
        ["datetime_trunc"] = (1, 2),
        ["timestamp_trunc"] = (1, 2),
        ["time_trunc"] = (1, 2),
        ["date_diff"] = (2, 3),
        ["datetime_diff"] = (2, 3),
        ["timestamp_diff"] = (2, 3),
        ["time_diff"] = (2, 3),
        ["last_day"] = (1, 2),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether argument <paramref name="index"/> of <paramref name="call"/> is a bare date part.</summary>
    public static bool IsDatePart(SqlDialect dialect, FunctionCall call, int index) =>
        call.Arguments[index] is ColumnRef { Parts.Length: 1 } r && !r.Last.Quoted && Names.Contains(r.Last.Text) &&
        (dialect == SqlDialect.BigQuery ? PartLast : PartFirst).TryGetValue(call.Name.Last.Text, out var entry) &&
        entry.Position == index && call.Arguments.Length >= entry.MinArguments;
}
