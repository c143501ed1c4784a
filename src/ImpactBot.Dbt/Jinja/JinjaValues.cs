using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace ImpactBot.Dbt.Jinja;

/// <summary>Conversions, truth and printing of renderer values (string, long, double, bool, null, lists, dicts, markers).</summary>
internal static class JinjaValues
{
    /// <summary>True, false, or null when the value is unknown (the condition cannot be decided).</summary>
    public static bool? Truth(object? value) => value switch
    {
        null or Undefined => false,
        UnknownValue => null,
        bool b => b,
        long l => l != 0,
        double d => d != 0,
        string s => s.Length > 0,
        ICollection c => c.Count > 0,
        _ => true,
    };

    public static string Print(object? value)
    {
        var sb = new StringBuilder();
        Print(value, sb, nested: false);
        return sb.ToString();
    }

    private static void Print(object? value, StringBuilder sb, bool nested)
    {
        switch (value)
        {
            case null:
                sb.Append("None");
                break;
            case Undefined:
                break;
            case string s:
                sb.Append(nested ? "'" + s.Replace("'", "\\'", StringComparison.Ordinal) + "'" : s);
                break;
            case bool b:
                sb.Append(b ? "True" : "False");
                break;
            case long l:
                sb.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                sb.Append(d == Math.Floor(d) && Math.Abs(d) < 1e15 ? d.ToString("0.0", CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case UnknownValue u:
                sb.Append(u.Sql);
                break;
            case RelationValue r:
                sb.Append(r.Text);
                break;
            case ColumnValue c:
                sb.Append(c.Name);
                break;
            case DateTimeValue date:
                sb.Append(PythonDateTime.Print(date));
                break;
            case TimeDeltaValue delta:
                sb.Append(PythonDateTime.Print(delta));
                break;
            case TimeZoneValue zone:
                sb.Append(zone.Name);
                break;
            case List<object?> list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    sb.Append(i > 0 ? ", " : "");
                    Print(list[i], sb, nested: true);
                }

                sb.Append(']');
                break;
            case Dictionary<string, object?> dict:
                sb.Append('{');
                var first = true;
                foreach (var (k, v) in dict)
                {
                    sb.Append(first ? "" : ", ").Append('\'').Append(k).Append("': ");
                    Print(v, sb, nested: true);
                    first = false;
                }

                sb.Append('}');
                break;
            default:
                sb.Append(value.ToString());
                break;
        }
    }

    /// <summary>The items to loop over, or null when the value cannot be iterated (unknown or scalar).</summary>
    public static List<object?>? Iterate(object? value) => value switch
    {
        List<object?> list => list,
        Dictionary<string, object?> dict => [.. dict.Keys],
        string s => [.. s.Select(c => (object?)c.ToString())],
        null or Undefined => [],
        _ => null,
    };

    public static object? FromDbtValue(DbtValue? value) => value switch
    {
        null => Undefined.Instance,
        DbtScalar { Value: null } => null,
        DbtScalar s => ParseScalar(s.Value!),
        DbtList l => l.Items.Select(FromDbtValue).ToList(),
        DbtMap m => m.Entries.ToDictionary(e => e.Key, e => FromDbtValue(e.Value)),
        _ => Undefined.Instance,
    };

    private static object? ParseScalar(string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return l;
        }

        return new DbtScalar(text).AsBool() is { } b && text is "true" or "false" or "True" or "False" ? b : text;
    }

    public static DbtValue ToDbtValue(object? value) => value switch
    {
        null or Undefined => DbtScalar.Null,
        bool b => DbtScalar.Of(b),
        long l => new DbtScalar(l.ToString(CultureInfo.InvariantCulture)),
        double d => DbtScalar.Of(d),
        List<object?> list => new DbtList([.. list.Select(ToDbtValue)]),
        Dictionary<string, object?> dict => new DbtMap([.. dict.Select(e => new KeyValuePair<string, DbtValue>(e.Key, ToDbtValue(e.Value)))]),
        _ => new DbtScalar(Print(value)),
    };

    public static bool IsUnknown(object? value) => value is UnknownValue;

    /// <summary>Jinja equality; null when either side is unknown.</summary>
    public static bool? Equal(object? left, object? right)
    {
        if (left is UnknownValue || right is UnknownValue)
        {
            return null;
        }

        return (left, right) switch
        {
            (long a, double b) => a == b,
            (double a, long b) => a == b,
            (Undefined, null) or (null, Undefined) => true,
            (List<object?> a, List<object?> b) => a.Count == b.Count && a.Zip(b).All(p => Equal(p.First, p.Second) == true),
            (RelationValue a, RelationValue b) => a.Sql == b.Sql,
            _ => Equals(left, right),
        };
    }

    public static double? Number(object? value) => value switch
    {
        long l => l,
        double d => d,
        bool b => b ? 1 : 0,
        _ => null,
    };

    public static ImmutableArray<string> Strings(object? value) => value switch
    {
        string s => [s],
        List<object?> list => [.. list.OfType<string>()],
        _ => [],
    };
}
