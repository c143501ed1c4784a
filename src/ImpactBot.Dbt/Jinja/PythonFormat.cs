using System.Globalization;
using System.Text;

namespace ImpactBot.Dbt.Jinja;

/// <summary>Python string formatting as templates use it: <c>'%s_%d' % (a, b)</c> and <c>'{}_{name}'.format(a, name=b)</c>.</summary>
internal static class PythonFormat
{
    public static object Percent(string format, object? operand)
    {
        var values = operand is List<object?> list ? list : [operand];
        var named = operand as Dictionary<string, object?>;
        var sb = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 == format.Length)
            {
                sb.Append(format[i]);
                continue;
            }

            if (format[i + 1] == '%')
            {
                sb.Append('%');
                i++;
                continue;
            }

            string? key = null;
            var j = i + 1;
            if (format[j] == '(' && format.IndexOf(')', j) is var close and > 0)
            {
                key = format[(j + 1)..close];
                j = close + 1;
            }

            var spec = j;
            while (j < format.Length && (char.IsDigit(format[j]) || format[j] is '.' or '-' or '+' or ' ' or '0'))
            {
                j++;
            }

            if (j == format.Length)
            {
                sb.Append(format[i..]);
                break;
            }

            var value = key is not null && named is not null ? named.GetValueOrDefault(key) : next < values.Count ? values[next++] : null;
            sb.Append(Convert(value, format[j], format[spec..j]));
            i = j;
        }

        return values.Any(v => v is UnknownValue) ? new UnknownValue(sb.ToString()) : sb.ToString();
    }

    /// <summary><c>str.format</c>: positional <c>{}</c>/<c>{0}</c> and named <c>{name}</c> fields with an optional <c>:spec</c>.</summary>
    public static object Format(string format, List<object?> args, Dictionary<string, object?> named)
    {
        var sb = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
            {
                sb.Append(c);
                i++;
                continue;
            }

            var close = c == '{' ? format.IndexOf('}', i) : -1;
            if (close < 0)
            {
                sb.Append(c);
                continue;
            }

            var field = format[(i + 1)..close];
            var colon = field.IndexOf(':', StringComparison.Ordinal);
            var name = colon >= 0 ? field[..colon] : field;
            var spec = colon >= 0 ? field[(colon + 1)..] : "";
            var value = name.Length == 0 ? (next < args.Count ? args[next++] : null)
                : int.TryParse(name, CultureInfo.InvariantCulture, out var index) ? (index < args.Count ? args[index] : null)
                : named.GetValueOrDefault(name);
            sb.Append(spec.Length > 0 && spec[^1] is 'd' or 'f' or 's' ? Convert(value, spec[^1], spec[..^1]) : JinjaValues.Print(value));
            i = close;
        }

        return sb.ToString();
    }

    private static string Convert(object? value, char type, string spec)
    {
        var width = 0;
        var precision = -1;
        var leftAlign = spec.Contains('-', StringComparison.Ordinal);
        var zero = spec.TrimStart('-', '+', ' ').StartsWith('0');
        var parts = spec.Trim('-', '+', ' ').Split('.');
        if (parts[0].Length > 0)
        {
            int.TryParse(parts[0], CultureInfo.InvariantCulture, out width);
        }

        if (parts.Length > 1)
        {
            int.TryParse(parts[1], CultureInfo.InvariantCulture, out precision);
        }

        var text = type switch
        {
            'd' or 'i' => JinjaValues.Number(value) is { } n ? ((long)n).ToString(CultureInfo.InvariantCulture) : JinjaValues.Print(value),
            'f' or 'F' => JinjaValues.Number(value) is { } f ? f.ToString("F" + (precision < 0 ? 6 : precision), CultureInfo.InvariantCulture) : JinjaValues.Print(value),
            'r' => value is string s ? "'" + s + "'" : JinjaValues.Print(value),
            _ => JinjaValues.Print(value),
        };
        return text.Length >= width ? text : leftAlign ? text.PadRight(width) : text.PadLeft(width, zero ? '0' : ' ');
    }
}
