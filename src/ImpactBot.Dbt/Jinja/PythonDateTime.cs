using System.Globalization;
using System.Text;

namespace ImpactBot.Dbt.Jinja;

/// <summary>What templates do with <c>run_started_at</c> and <c>modules.datetime</c>: attributes, strftime, arithmetic, str().</summary>
internal static class PythonDateTime
{
    public static object? Attribute(DateTimeValue value, string name) => name switch
    {
        "year" => (long)value.Local.Year,
        "month" => (long)value.Local.Month,
        "day" => (long)value.Local.Day,
        "hour" => (long)value.Local.Hour,
        "minute" => (long)value.Local.Minute,
        "second" => (long)value.Local.Second,
        "microsecond" => (long)(value.Local.Ticks % TimeSpan.TicksPerSecond / 10),
        "tzinfo" => value.Zone is null ? null : new TimeZoneValue(value.Zone, ZoneName(value.Zone)),
        _ => new BoundMethod(value, name),
    };

    public static object? Method(DateTimeValue value, string name, List<object?> args, Dictionary<string, object?> named)
    {
        object? Arg(int i, string key) => named.TryGetValue(key, out var v) ? v : i < args.Count ? args[i] : null;
        switch (name)
        {
            case "strftime":
                return Arg(0, "format") is string format ? Strftime(value, format) : null;
            case "isoformat":
                return Iso(value, Arg(0, "sep") as string ?? "T");
            case "date":
                return value with { Local = value.Local.Date, Zone = null, IsDate = true };
            case "astimezone":
                var zone = Arg(0, "tz") is TimeZoneValue tz ? tz.Zone : TimeZoneInfo.Utc;
                return new DateTimeValue(TimeZoneInfo.ConvertTime(value.Instant, zone).DateTime, zone);
            case "replace":
                var local = value.Local;
                local = new DateTime(
                    (int)(JinjaValues.Number(Arg(-1, "year")) ?? local.Year),
                    (int)(JinjaValues.Number(Arg(-1, "month")) ?? local.Month),
                    (int)(JinjaValues.Number(Arg(-1, "day")) ?? local.Day),
                    (int)(JinjaValues.Number(Arg(-1, "hour")) ?? local.Hour),
                    (int)(JinjaValues.Number(Arg(-1, "minute")) ?? local.Minute),
                    (int)(JinjaValues.Number(Arg(-1, "second")) ?? local.Second),
                    DateTimeKind.Unspecified);
                var replacedZone = named.TryGetValue("tzinfo", out var z) ? (z as TimeZoneValue)?.Zone : value.Zone;
                return new DateTimeValue(local, replacedZone, value.IsDate);
            case "timestamp":
                return value.Instant.ToUnixTimeMilliseconds() / 1000.0;
            case "weekday":
                return (long)(((int)value.Local.DayOfWeek + 6) % 7);
            case "isoweekday":
                return (long)(((int)value.Local.DayOfWeek + 6) % 7) + 1;
            case "toordinal":
                return (long)(value.Local.Date - DateTime.MinValue.Date).TotalDays + 1;
            default:
                return null;
        }
    }

    /// <summary><c>datetime.datetime(...)</c>, <c>datetime.date(...)</c>, <c>timedelta(...)</c> and friends; null for anything else.</summary>
    public static object? Call(string name, List<object?> args, Dictionary<string, object?> named, DateTimeValue now)
    {
        long N(int i, string key, long fallback) =>
            named.TryGetValue(key, out var v) && JinjaValues.Number(v) is { } n ? (long)n : i < args.Count && JinjaValues.Number(args[i]) is { } p ? (long)p : fallback;
        double D(string key) => named.TryGetValue(key, out var v) && JinjaValues.Number(v) is { } n ? n : 0;
        switch (name)
        {
            case "datetime.datetime":
                return new DateTimeValue(
                    new DateTime((int)N(0, "year", 1970), (int)N(1, "month", 1), (int)N(2, "day", 1), (int)N(3, "hour", 0), (int)N(4, "minute", 0), (int)N(5, "second", 0), DateTimeKind.Unspecified),
                    named.GetValueOrDefault("tzinfo") is TimeZoneValue tz ? tz.Zone : null);
            case "datetime.date":
                return new DateTimeValue(new DateTime((int)N(0, "year", 1970), (int)N(1, "month", 1), (int)N(2, "day", 1)), null, IsDate: true);
            case "datetime.timedelta":
                var positional = args.Select(a => JinjaValues.Number(a) ?? 0).ToList();
                double P(int i) => i < positional.Count ? positional[i] : 0;
                return new TimeDeltaValue(
                    TimeSpan.FromDays(P(0) + D("days") + (7 * D("weeks")))
                    + TimeSpan.FromSeconds(P(1) + D("seconds") + (60 * D("minutes")) + (3600 * D("hours")))
                    + TimeSpan.FromMilliseconds((P(2) / 1000) + D("milliseconds") + (D("microseconds") / 1000)));
            case "datetime.datetime.now" or "datetime.datetime.utcnow" or "datetime.datetime.today":
                return args.Count > 0 && args[0] is TimeZoneValue z ? new DateTimeValue(TimeZoneInfo.ConvertTime(now.Instant, z.Zone).DateTime, z.Zone)
                    : name.EndsWith("utcnow", StringComparison.Ordinal) ? now with { Zone = null } : now;
            case "datetime.date.today":
                return now with { Local = now.Local.Date, Zone = null, IsDate = true };
            case "datetime.datetime.strptime" when args is [string text, string format]:
                return DateTime.TryParseExact(text, NetFormat(format), CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? new DateTimeValue(parsed, null)
                    : null;
            case "datetime.datetime.fromisoformat" or "datetime.date.fromisoformat" when args is [string iso]:
                return DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var offset)
                    ? new DateTimeValue(offset.DateTime, iso.Length > 10 && (iso.Contains('+', StringComparison.Ordinal) || iso.EndsWith('Z')) ? TimeZoneInfo.Utc : null, name.StartsWith("datetime.date.", StringComparison.Ordinal))
                    : null;
            default:
                return null;
        }
    }

    /// <summary>datetime ± timedelta, datetime − datetime; null when the operands are no dates.</summary>
    public static object? Arithmetic(string op, object? left, object? right) => (op, left, right) switch
    {
        ("+", DateTimeValue d, TimeDeltaValue t) => d with { Local = d.Local + t.Span },
        ("+", TimeDeltaValue t, DateTimeValue d) => d with { Local = d.Local + t.Span },
        ("-", DateTimeValue d, TimeDeltaValue t) => d with { Local = d.Local - t.Span },
        ("-", DateTimeValue a, DateTimeValue b) => new TimeDeltaValue(a.Instant - b.Instant),
        ("+", TimeDeltaValue a, TimeDeltaValue b) => new TimeDeltaValue(a.Span + b.Span),
        ("-", TimeDeltaValue a, TimeDeltaValue b) => new TimeDeltaValue(a.Span - b.Span),
        ("*", TimeDeltaValue a, long n) => new TimeDeltaValue(a.Span * n),
        _ => null,
    };

    public static object? DeltaAttribute(TimeDeltaValue delta, string name) => name switch
    {
        "days" => (long)Math.Floor(delta.Span.TotalDays),
        "seconds" => (long)(delta.Span - TimeSpan.FromDays(Math.Floor(delta.Span.TotalDays))).TotalSeconds,
        "total_seconds" => new BoundMethod(delta, name),
        _ => Undefined.Instance,
    };

    /// <summary>Python's <c>str()</c> of a date or datetime.</summary>
    public static string Print(DateTimeValue value) => value.IsDate ? value.Local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Iso(value, " ");

    public static string Print(TimeDeltaValue delta)
    {
        var days = (long)Math.Floor(delta.Span.TotalDays);
        var rest = delta.Span - TimeSpan.FromDays(days);
        var time = $"{(int)rest.TotalHours}:{rest.Minutes:00}:{rest.Seconds:00}";
        return days == 0 ? time : $"{days} day{(Math.Abs(days) == 1 ? "" : "s")}, {time}";
    }

    private static string Iso(DateTimeValue value, string separator)
    {
        if (value.IsDate)
        {
            return Print(value);
        }

        var micro = value.Local.Ticks % TimeSpan.TicksPerSecond / 10;
        var text = value.Local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + separator + value.Local.ToString("HH:mm:ss", CultureInfo.InvariantCulture)
            + (micro > 0 ? "." + micro.ToString("000000", CultureInfo.InvariantCulture) : "");
        return value.Zone is null ? text : text + Offset(value.Instant.Offset, colon: true);
    }

    public static string Strftime(DateTimeValue value, string format)
    {
        var d = value.Local;
        var sb = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 == format.Length)
            {
                sb.Append(format[i]);
                continue;
            }

            var code = format[++i];
            sb.Append(code switch
            {
                'Y' => d.Year.ToString("0000", CultureInfo.InvariantCulture),
                'y' => (d.Year % 100).ToString("00", CultureInfo.InvariantCulture),
                'm' => d.Month.ToString("00", CultureInfo.InvariantCulture),
                'd' => d.Day.ToString("00", CultureInfo.InvariantCulture),
                'H' => d.Hour.ToString("00", CultureInfo.InvariantCulture),
                'I' => ((d.Hour + 11) % 12 + 1).ToString("00", CultureInfo.InvariantCulture),
                'p' => d.Hour < 12 ? "AM" : "PM",
                'M' => d.Minute.ToString("00", CultureInfo.InvariantCulture),
                'S' => d.Second.ToString("00", CultureInfo.InvariantCulture),
                'f' => (d.Ticks % TimeSpan.TicksPerSecond / 10).ToString("000000", CultureInfo.InvariantCulture),
                'j' => d.DayOfYear.ToString("000", CultureInfo.InvariantCulture),
                'a' => d.ToString("ddd", CultureInfo.InvariantCulture),
                'A' => d.ToString("dddd", CultureInfo.InvariantCulture),
                'b' or 'h' => d.ToString("MMM", CultureInfo.InvariantCulture),
                'B' => d.ToString("MMMM", CultureInfo.InvariantCulture),
                'w' => ((int)d.DayOfWeek).ToString(CultureInfo.InvariantCulture),
                'u' => (((int)d.DayOfWeek + 6) % 7 + 1).ToString(CultureInfo.InvariantCulture),
                'U' => ISOWeek.GetWeekOfYear(d).ToString("00", CultureInfo.InvariantCulture),
                'V' or 'W' => ISOWeek.GetWeekOfYear(d).ToString("00", CultureInfo.InvariantCulture),
                'G' => ISOWeek.GetYear(d).ToString("0000", CultureInfo.InvariantCulture),
                'z' => value.Zone is null ? "" : Offset(value.Instant.Offset, colon: false),
                'Z' => value.Zone is null ? "" : ZoneName(value.Zone),
                'F' => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                'T' => d.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                '%' => "%",
                _ => "%" + code,
            });
        }

        return sb.ToString();
    }

    public static TimeZoneInfo? FindZone(string name)
    {
        if (name is "UTC" or "utc" or "Etc/UTC")
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    private static string ZoneName(TimeZoneInfo zone) => zone == TimeZoneInfo.Utc ? "UTC" : zone.Id;

    private static string Offset(TimeSpan offset, bool colon)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return $"{sign}{abs.Hours:00}{(colon ? ":" : "")}{abs.Minutes:00}";
    }

    private static string NetFormat(string python) => python
        .Replace("%Y", "yyyy", StringComparison.Ordinal).Replace("%m", "MM", StringComparison.Ordinal).Replace("%d", "dd", StringComparison.Ordinal)
        .Replace("%H", "HH", StringComparison.Ordinal).Replace("%M", "mm", StringComparison.Ordinal).Replace("%S", "ss", StringComparison.Ordinal);
}
