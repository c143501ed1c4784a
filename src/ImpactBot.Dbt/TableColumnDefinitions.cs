using System.Collections.Immutable;
using System.Text;

namespace ImpactBot.Dbt;

/// <summary>
/// Reads the column list of a table created by DDL (<c>CREATE TABLE t (a INT NOT NULL, b DECIMAL(18, 2), ...)</c>):
/// names, types as written (spaces dropped: <c>DECIMAL(18,2)</c>) and lines. Constraints and table options are skipped.
/// </summary>
internal static class TableColumnDefinitions
{
    // Words that end a column's type: constraints and column options of the dialects read here.
    private static readonly HashSet<string> TypeEnd = new(StringComparer.OrdinalIgnoreCase)
    {
        "NOT", "NULL", "DEFAULT", "CONSTRAINT", "PRIMARY", "UNIQUE", "REFERENCES", "IDENTITY", "COLLATE", "GENERATED", "CHECK",
        "AS", "SPARSE", "MASKED", "ENCRYPTED", "ROWGUIDCOL", "FILESTREAM", "AUTO_INCREMENT", "AUTOINCREMENT", "COMMENT", "WITH",
        "INDEX", "HIDDEN", "OPTIONS", "ENCODE", "DISTKEY", "SORTKEY",
    };

    // Words that start a table-level item rather than a column.
    private static readonly HashSet<string> TableItems = new(StringComparer.OrdinalIgnoreCase)
    {
        "CONSTRAINT", "PRIMARY", "FOREIGN", "UNIQUE", "CHECK", "INDEX", "PERIOD", "KEY", "LIKE", "EXCLUDE",
    };

    /// <summary>
    /// The columns of the list that opens at token <paramref name="open"/> (a <c>(</c>), or null when a query follows the
    /// list (<c>CREATE TABLE t (a, b) AS SELECT ...</c>: the query decides the columns).
    /// </summary>
    public static ImmutableArray<DbtColumn>? Read(List<SqlTokens.Token> tokens, int open)
    {
        var close = Matching(tokens, open);
        if (close < 0 || QueryFollows(tokens, close + 1))
        {
            return null;
        }

        var columns = ImmutableArray.CreateBuilder<DbtColumn>();
        var itemStart = open + 1;
        var depth = 0;
        for (var i = open + 1; i <= close; i++)
        {
            var token = tokens[i];
            if (IsSymbol(token, "(") || IsSymbol(token, ")") && i < close)
            {
                depth += token.Text == "(" ? 1 : -1;
            }
            else if (depth == 0 && (IsSymbol(token, ",") || i == close))
            {
                if (Column(tokens, itemStart, i) is { } column)
                {
                    columns.Add(column);
                }

                itemStart = i + 1;
            }
        }

        return columns.ToImmutable();
    }

    private static DbtColumn? Column(List<SqlTokens.Token> tokens, int start, int end)
    {
        if (start >= end || tokens[start].Kind == SqlTokens.Kind.Symbol || tokens[start].Kind == SqlTokens.Kind.Word && TableItems.Contains(tokens[start].Text))
        {
            return null;
        }

        var type = new StringBuilder();
        var depth = 0;
        for (var i = start + 1; i < end; i++)
        {
            var token = tokens[i];
            if (depth == 0 && token.Kind == SqlTokens.Kind.Word && TypeEnd.Contains(token.Text))
            {
                break;
            }

            depth += IsSymbol(token, "(") ? 1 : IsSymbol(token, ")") ? -1 : 0;
            if (type.Length > 0 && token.Kind != SqlTokens.Kind.Symbol && tokens[i - 1].Kind != SqlTokens.Kind.Symbol)
            {
                type.Append(' ');
            }

            type.Append(token.Text);
        }

        return new DbtColumn { Name = tokens[start].Text, DataType = type.Length == 0 ? null : type.ToString(), Line = tokens[start].Line };
    }

    private static int Matching(List<SqlTokens.Token> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            depth += IsSymbol(tokens[i], "(") ? 1 : IsSymbol(tokens[i], ")") ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A query after the column list, before the statement ends (<c>;</c>, <c>GO</c> or the next CREATE).</summary>
    private static bool QueryFollows(List<SqlTokens.Token> tokens, int from)
    {
        var depth = 0;
        for (var i = from; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (depth == 0 && (IsSymbol(token, ";") || token.IsWord("GO") || token.IsWord("CREATE")))
            {
                return false;
            }

            if (depth == 0 && (token.IsWord("SELECT") || token.IsWord("WITH") && i + 1 < tokens.Count && tokens[i + 1].Kind == SqlTokens.Kind.Word
                || token.IsWord("AS") && i + 1 < tokens.Count && (tokens[i + 1].IsWord("SELECT") || tokens[i + 1].IsWord("WITH") || IsSymbol(tokens[i + 1], "("))))
            {
                return true;
            }

            depth += IsSymbol(token, "(") ? 1 : IsSymbol(token, ")") ? -1 : 0;
        }

        return false;
    }

    private static bool IsSymbol(SqlTokens.Token token, string symbol) => token.Kind == SqlTokens.Kind.Symbol && token.Text == symbol;
}
