using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using ImpactBot.Core.Files;
using nietras.SeparatedValues;

namespace ImpactBot.Dbt.Jinja;

/// <summary>
/// The rows of the project's seeds: after <c>dbt seed</c> a seed's table holds its CSV, each value cast to its column's
/// type, so a query over it is answered without a warehouse where it is simple enough (<see cref="ColumnValues"/>).
/// The CSV is read on first use, once per seed.
/// </summary>
internal sealed partial class SeedTables(IFileSource files, IReadOnlyDictionary<string, (string Path, ImmutableArray<RelationColumn> Columns)> seeds)
{
    private readonly ConcurrentDictionary<string, Lazy<List<string[]>>> _rows = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The relation (<c>__ref__.name</c>) is one of the project's seeds.</summary>
    public bool Contains(string relation) => seeds.ContainsKey(relation);

    /// <summary>
    /// dbt_utils' <c>get_column_values</c> over a seed: the distinct values of <paramref name="column"/> (null included,
    /// as <c>group by</c> keeps it) where the rows match <paramref name="where"/>, in the order <paramref name="orderBy"/>
    /// gives (<c>count(*) desc</c>, <c>count(*)</c>, or the column itself, either way; equal counts in the CSV's order),
    /// at most <paramref name="maxRecords"/>. Null when the relation is not a seed or a clause is more than this reads
    /// (a <c>where</c> other than one column compared to one literal): the query then needs the warehouse.
    /// </summary>
    public List<object?>? ColumnValues(string relation, string column, string? where, string orderBy, long? maxRecords)
    {
        if (!seeds.TryGetValue(relation, out var seed) || Index(seed.Columns, column) is not { } index)
        {
            return null;
        }

        Func<string[], bool> keep = _ => true;
        if (!string.IsNullOrWhiteSpace(where))
        {
            if (Comparison().Match(where) is not { Success: true } m || Index(seed.Columns, m.Groups["column"].Value) is not { } whereIndex)
            {
                return null;
            }

            var literal = m.Groups["literal"].Value;
            var negated = m.Groups["op"].Value is "!=" or "<>";
            var wanted = literal.StartsWith('\'') ? literal[1..^1].Replace("''", "'", StringComparison.Ordinal) : literal;
            var type = seed.Columns[whereIndex].DataType;
            keep = row => Value(Field(row, whereIndex), type) is { } value && Same(value, wanted) != negated;
        }

        var order = Regex.Replace(orderBy.Trim().ToLowerInvariant(), @"\s+", " ");
        var quoted = column.Trim('"').ToLowerInvariant();
        var (byCount, descending) = order switch
        {
            "count(*) desc" => (true, true),
            "count(*)" or "count(*) asc" => (true, false),
            _ when order == quoted || order == quoted + " asc" => (false, false),
            _ when order == quoted + " desc" => (false, true),
            _ => ((bool?)null, false),
        };
        if (byCount is null)
        {
            return null;
        }

        var columnType = seed.Columns[index].DataType;
        var groups = Rows(relation, seed.Path).Where(keep).Select(row => Value(Field(row, index), columnType))
            .GroupBy(v => v is null ? "\0null" : Convert.ToString(v, CultureInfo.InvariantCulture))
            .Select(g => (Value: g.First(), Count: g.Count()))
            .ToList();
        IEnumerable<(object? Value, int Count)> ordered = byCount == true
            ? descending ? groups.OrderByDescending(g => g.Count) : groups.OrderBy(g => g.Count)
            : descending ? groups.OrderBy(g => g.Value is null ? 0 : 1).ThenByDescending(g => g.Value, ValueOrder.Instance)
            : groups.OrderBy(g => g.Value is null ? 1 : 0).ThenBy(g => g.Value, ValueOrder.Instance);
        return [.. ordered.Take(maxRecords is { } max ? (int)Math.Min(max, int.MaxValue) : int.MaxValue).Select(g => g.Value)];
    }

    private static int? Index(ImmutableArray<RelationColumn> columns, string column)
    {
        var name = column.Trim().Trim('"');
        var index = columns.IndexOf(columns.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase))!);
        return index >= 0 ? index : null;
    }

    private static string? Field(string[] row, int index) => index < row.Length ? row[index] : null;

    /// <summary>A CSV field as the seed's table holds it: empty and <c>null</c> as NULL, numbers and booleans as such.</summary>
    private static object? Value(string? field, string? type)
    {
        if (field is null || field.Trim().Length == 0 || field.Trim().Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var column = new ColumnValue("", "", type);
        if (column.IsInteger && SeedColumnTypes.Number(field) is { } whole)
        {
            return (long)whole;
        }

        if ((column.IsFloat || column.IsNumeric) && SeedColumnTypes.Number(field) is { } number)
        {
            return (double)number;
        }

        return column.Dtype.ToLowerInvariant() is "boolean" or "bool" && bool.TryParse(field.Trim(), out var flag) ? flag : field;
    }

    private static bool Same(object value, string literal) => value switch
    {
        long l => decimal.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && l == n,
        double d => double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && d.Equals(n),
        bool b => bool.TryParse(literal, out var t) && b == t,
        _ => string.Equals(Convert.ToString(value, CultureInfo.InvariantCulture), literal, StringComparison.Ordinal),
    };

    private List<string[]> Rows(string relation, string path) =>
        _rows.GetOrAdd(relation, _ => new Lazy<List<string[]>>(() => Read(files.ReadText(path) ?? ""))).Value;

    private static List<string[]> Read(string csv)
    {
        var rows = new List<string[]>();
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromText(csv);
        foreach (var row in reader)
        {
            var fields = new string[row.ColCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = row[i].ToString();
            }

            rows.Add(fields);
        }

        return rows.Count == 0 ? rows : rows[1..];
    }

    /// <summary>One column compared to one literal: <c>condition = 'left'</c>, <c>"id" != 3</c>.</summary>
    [GeneratedRegex(@"^\s*""?(?<column>[A-Za-z_][A-Za-z0-9_]*)""?\s*(?<op>=|!=|<>)\s*(?<literal>'(?:[^']|'')*'|-?[0-9]+(\.[0-9]+)?|true|false)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Comparison();

    /// <summary>Values of one column in the warehouse's order: numbers by value, text ordinally.</summary>
    private sealed class ValueOrder : IComparer<object?>
    {
        public static readonly ValueOrder Instance = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (long a, long b) => a.CompareTo(b),
            (double a, double b) => a.CompareTo(b),
            (bool a, bool b) => a.CompareTo(b),
            _ => string.CompareOrdinal(Convert.ToString(x, CultureInfo.InvariantCulture), Convert.ToString(y, CultureInfo.InvariantCulture)),
        };
    }
}
