using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using nietras.SeparatedValues;

namespace ImpactBot.Dbt;

/// <summary>
/// The types <c>dbt seed</c> gives a seed's columns when <c>column_types</c> does not: dbt reads the CSV with agate,
/// which keeps for each column the first of number, date (<c>%Y-%m-%d</c>), datetime (<c>%Y-%m-%d %H:%M:%S</c> or ISO
/// 8601 with a <c>T</c>), boolean (<c>true</c>/<c>false</c>) and text that every value casts to (empty and <c>null</c>
/// cast to all, so a column with no value is a number); the adapter then names the type
/// (<see cref="AdapterTypeNames.Seed"/>), a number with decimal places as a float, else as an integer.
/// </summary>
internal static partial class SeedColumnTypes
{
    [Flags]
    private enum Kinds
    {
        None = 0,
        Number = 1,
        Date = 2,
        DateTime = 4,
        Boolean = 8,
        All = Number | Date | DateTime | Boolean,
    }

    /// <summary>agate's currency symbols, which a number may start with.</summary>
    private const string CurrencySymbols = "$؋ƒ៛¥₡₱£€¢﷼₪₩₭₮₦฿₤₫";

    /// <summary>The type of each of the first <paramref name="columns"/> columns, in the adapter's names.</summary>
    public static ImmutableArray<string> Infer(string csv, int columns, string targetType)
    {
        var kinds = Enumerable.Repeat(Kinds.All, columns).ToArray();
        var decimals = new int[columns];
        using (var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromText(csv))
        {
            var header = true;
            foreach (var row in reader)
            {
                if (header)
                {
                    header = false;
                    continue;
                }

                for (var i = 0; i < Math.Min(columns, row.ColCount); i++)
                {
                    if (kinds[i] != Kinds.None)
                    {
                        kinds[i] = Test(row[i].Span.Trim(), kinds[i], ref decimals[i]);
                    }
                }
            }
        }

        return [.. kinds.Select((k, i) => AdapterTypeNames.Seed(targetType, Kind(k), decimals[i] > 0))];
    }

    private static SeedKind Kind(Kinds kinds) =>
        kinds.HasFlag(Kinds.Number) ? SeedKind.Number
        : kinds.HasFlag(Kinds.Date) ? SeedKind.Date
        : kinds.HasFlag(Kinds.DateTime) ? SeedKind.DateTime
        : kinds.HasFlag(Kinds.Boolean) ? SeedKind.Boolean
        : SeedKind.Text;

    /// <summary>The kinds left once <paramref name="value"/> is tested; a number's decimal places raise the column's.</summary>
    private static Kinds Test(ReadOnlySpan<char> value, Kinds kinds, ref int decimals)
    {
        if (value.IsEmpty || value.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            return kinds;
        }

        var text = value.ToString();
        if (kinds.HasFlag(Kinds.Number))
        {
            if (NumberDecimals(text) is { } places)
            {
                decimals = Math.Max(decimals, places);
            }
            else
            {
                kinds &= ~Kinds.Number;
            }
        }

        if (kinds.HasFlag(Kinds.Date) && !IsDate(text))
        {
            kinds &= ~Kinds.Date;
        }

        if (kinds.HasFlag(Kinds.DateTime) && !IsDateTime(text))
        {
            kinds &= ~Kinds.DateTime;
        }

        if (kinds.HasFlag(Kinds.Boolean) && text.Replace(",", "", StringComparison.Ordinal).Trim().ToLowerInvariant() is not ("true" or "false"))
        {
            kinds &= ~Kinds.Boolean;
        }

        return kinds;
    }

    /// <summary>
    /// The decimal places of a number as agate reads it (a sign, a currency symbol, <c>%</c>, thousands commas; the digits
    /// as Python's <c>Decimal</c>), trailing zeros not counted (<c>1.50</c> has one); null when it is not a number.
    /// </summary>
    internal static int? NumberDecimals(string value)
    {
        var text = Cleaned(value, out _);
        if (text.TrimStart('+', '-').ToLowerInvariant() is "inf" or "infinity" or "nan" or "snan")
        {
            return 0;
        }

        if (DecimalNumber().Match(text) is not { Success: true } match)
        {
            return null;
        }

        var whole = match.Groups["whole"].Value.Replace("_", "", StringComparison.Ordinal);
        var fraction = match.Groups["fraction"].Value.Replace("_", "", StringComparison.Ordinal);
        var exponent = match.Groups["exponent"].Success ? int.Parse(match.Groups["exponent"].Value, CultureInfo.InvariantCulture) : 0;
        var digits = (whole + fraction).TrimStart('0');
        if (digits.Length == 0)
        {
            return 0;
        }

        var trailingZeros = digits.Length - digits.TrimEnd('0').Length;
        return Math.Max(0, fraction.Length - exponent - trailingZeros);
    }

    /// <summary>The number agate reads in <paramref name="value"/> (see <see cref="NumberDecimals"/>); null when none or out of range.</summary>
    internal static decimal? Number(string value)
    {
        var text = Cleaned(value, out var negative);
        if (DecimalNumber().Match(text) is not { Success: true }
            || !decimal.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        return negative ? -number : number;
    }

    /// <summary>agate's clean-up before it reads a number: <c>%</c>, a leading minus, a currency symbol, thousands commas.</summary>
    private static string Cleaned(string value, out bool negative)
    {
        var text = value.Trim().Trim('%');
        negative = text.StartsWith('-');
        if (negative)
        {
            text = text[1..];
        }

        if (text.Length > 0 && CurrencySymbols.Contains(text[0], StringComparison.Ordinal))
        {
            text = text[1..];
        }

        return text.Replace(",", "", StringComparison.Ordinal).Trim();
    }

    /// <summary>Python's <c>strptime(value, '%Y-%m-%d')</c> succeeds.</summary>
    internal static bool IsDate(string value) =>
        DateFormat().Match(value) is { Success: true } m && ValidDate(m);

    /// <summary>Python's <c>strptime(value, '%Y-%m-%d %H:%M:%S')</c> or isodate's <c>parse_datetime</c> succeeds.</summary>
    internal static bool IsDateTime(string value) =>
        (DateTimeFormat().Match(value) is { Success: true } m && ValidDate(m))
        || (IsoDateTime().Match(value) is { Success: true } iso && ValidDate(iso));

    private static bool ValidDate(Match m) =>
        int.TryParse(m.Groups["y"].Value, CultureInfo.InvariantCulture, out var y) && y >= 1
        && int.TryParse(m.Groups["m"].Value, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12
        && int.TryParse(m.Groups["d"].Value.Trim(), CultureInfo.InvariantCulture, out var d) && d >= 1 && d <= DateTime.DaysInMonth(y, month);

    /// <summary>Python's <c>Decimal</c> literal: digits (underscores between them), a point, an exponent; one digit at least.</summary>
    [GeneratedRegex(@"^[+-]?(?=\.?[0-9])(?<whole>[0-9](_?[0-9])*)?(\.(?<fraction>[0-9](_?[0-9])*)?)?([eE](?<exponent>[+-]?[0-9]+))?$")]
    private static partial Regex DecimalNumber();

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<m>1[0-2]|0[1-9]|[1-9])-(?<d>3[01]|[12][0-9]|0[1-9]|[1-9]| [1-9])$")]
    private static partial Regex DateFormat();

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<m>1[0-2]|0[1-9]|[1-9])-(?<d>3[01]|[12][0-9]|0[1-9]|[1-9]| [1-9])\s+(2[0-3]|[01][0-9]|[0-9]):([0-5][0-9]|[0-9]):(6[01]|[0-5][0-9]|[0-9])$")]
    private static partial Regex DateTimeFormat();

    [GeneratedRegex(@"^(?<y>[0-9]{4})(-(?<m>[0-9]{2})-(?<d>[0-9]{2})|(?<m>[0-9]{2})(?<d>[0-9]{2}))T([01][0-9]|2[0-4])(:?[0-5][0-9](:?[0-6][0-9]([.,][0-9]+)?)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?$")]
    private static partial Regex IsoDateTime();
}

/// <summary>The kinds of values agate tells a seed's columns apart by.</summary>
internal enum SeedKind
{
    Number,
    Date,
    DateTime,
    Boolean,
    Text,
}
