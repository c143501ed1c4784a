using System.Collections.Immutable;

namespace ImpactBot.Dbt.Analysis;

/// <summary>
/// The columns of the tested node that a data test's arguments name, so the test is affected only when one of them
/// changes: <c>column_name</c>, column lists (<c>combination_of_columns</c>, <c>partition_by</c>...), single-column
/// arguments (<c>column_A</c>, <c>lower_bound_column</c>...) and the identifiers of SQL expressions (<c>expression</c>,
/// <c>where</c>). Empty when the arguments name none: the test then reads the node as a whole.
/// </summary>
internal static class TestColumns
{
    private static readonly string[] ColumnArguments =
    [
        "column_name", "column_A", "column_B", "lower_bound_column", "upper_bound_column", "date_col", "timestamp_column",
    ];

    private static readonly string[] ListArguments = ["combination_of_columns", "partition_by", "group_by_columns", "group_by", "column_list"];

    private static readonly string[] ExpressionArguments = ["expression", "where", "row_condition", "condition"];

    // Words of an expression that are never a column: operators, literals and common type/date-part names.
    private static readonly HashSet<string> NotColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "not", "is", "null", "true", "false", "in", "between", "like", "ilike", "rlike", "similar", "to",
        "case", "when", "then", "else", "end", "as", "distinct", "exists", "any", "all", "some", "interval", "escape",
        "current_date", "current_timestamp", "current_time", "localtimestamp", "date", "timestamp", "time",
        "day", "days", "week", "month", "year", "hour", "minute", "second", "quarter", "int", "integer", "bigint",
        "numeric", "decimal", "float", "double", "varchar", "string", "text", "boolean", "precision", "over",
        "partition", "by", "order", "asc", "desc", "nulls", "first", "last", "filter", "within", "group",
    };

    /// <summary>The tested node's columns the test reads, in order of appearance, each once.</summary>
    public static ImmutableArray<string> Of(DbtDataTest test)
    {
        var columns = new List<string>();
        void Add(string? name)
        {
            if (!string.IsNullOrWhiteSpace(name) && !columns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                columns.Add(name);
            }
        }

        Add(test.Column);
        var args = test.Arguments;
        var config = args["config"] as DbtMap ?? DbtMap.Empty;
        foreach (var name in ColumnArguments)
        {
            Add(args[name]?.Text);
        }

        foreach (var name in ListArguments)
        {
            foreach (var item in args[name]?.AsStrings() ?? [])
            {
                Add(item);
            }
        }

        // A field without a parent (dbt_utils.recency, cardinality_equality's own side) is a column of the tested node.
        if (test.ToRef is null && test.ToSource is null)
        {
            Add(test.Field);
        }

        foreach (var name in ExpressionArguments)
        {
            foreach (var identifier in Identifiers(args[name]?.Text).Concat(Identifiers(config[name]?.Text)))
            {
                Add(identifier);
            }
        }

        return [.. columns];
    }

    /// <summary>Column-like words of a SQL expression: not a function name, not a qualifier (<c>o.</c>), not a keyword.</summary>
    internal static IEnumerable<string> Identifiers(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            yield break;
        }

        var tokens = SqlTokens.Tokenize(expression);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var beforeDot = i + 1 < tokens.Count && tokens[i + 1] is { Kind: SqlTokens.Kind.Symbol, Text: "." };
            var call = i + 1 < tokens.Count && tokens[i + 1] is { Kind: SqlTokens.Kind.Symbol, Text: "(" };
            var castType = i > 0 && tokens[i - 1] is { Kind: SqlTokens.Kind.Symbol, Text: ":" };
            if (token.Kind == SqlTokens.Kind.QuotedIdentifier && !beforeDot)
            {
                yield return token.Text;
            }
            else if (token.Kind == SqlTokens.Kind.Word && !beforeDot && !call && !castType && !NotColumns.Contains(token.Text))
            {
                yield return token.Text;
            }
        }
    }
}
