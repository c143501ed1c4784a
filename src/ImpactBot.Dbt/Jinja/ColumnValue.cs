using System.Text.RegularExpressions;

namespace ImpactBot.Dbt.Jinja;

/// <summary>
/// dbt's <c>Column</c> as <c>adapter.get_columns_in_relation</c> gives it: a name, and a type as the warehouse reports it
/// (<see cref="Type"/>, null when unknown without a warehouse). <c>dtype</c> is the type without its size, which goes to
/// <c>char_size</c> (<c>character varying(20)</c>) or <c>numeric_precision</c>/<c>numeric_scale</c> (<c>numeric(28,6)</c>).
/// </summary>
internal sealed partial record ColumnValue
{
    private static readonly string[] StringTypes = ["text", "character varying", "character", "varchar", "char", "string"];
    private static readonly string[] IntegerTypes = ["smallint", "integer", "bigint", "smallserial", "serial", "bigserial", "int2", "int4", "int8", "int", "int64"];
    private static readonly string[] NumericTypes = ["numeric", "decimal", "number"];
    private static readonly string[] FloatTypes = ["real", "float4", "float", "double precision", "float8", "double", "float64"];

    public ColumnValue(string name, string quoted, string? type = null)
    {
        Name = name;
        Quoted = quoted;
        Type = string.IsNullOrWhiteSpace(type) ? null : type.Trim();
        if (Type is not null && Sized().Match(Type) is { Success: true } sized)
        {
            Dtype = sized.Groups["base"].Value;
            var first = long.Parse(sized.Groups["first"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var second = sized.Groups["second"].Success ? long.Parse(sized.Groups["second"].Value, System.Globalization.CultureInfo.InvariantCulture) : (long?)null;
            if (Is(StringTypes))
            {
                CharSize = first;
            }
            else if (Is(NumericTypes))
            {
                (NumericPrecision, NumericScale) = (first, second);
            }
            else
            {
                Dtype = Type;
            }
        }
        else
        {
            Dtype = Type ?? "";
        }
    }

    public string Name { get; }

    public string Quoted { get; }

    /// <summary>The type as the warehouse reports it; null when unknown.</summary>
    public string? Type { get; }

    /// <summary>dbt's <c>dtype</c>: the type without its size; empty when unknown.</summary>
    public string Dtype { get; }

    public long? CharSize { get; }

    public long? NumericPrecision { get; }

    public long? NumericScale { get; }

    public bool IsString => Is(StringTypes);

    public bool IsInteger => Is(IntegerTypes);

    public bool IsNumeric => Is(NumericTypes);

    public bool IsFloat => Is(FloatTypes);

    public bool IsNumber => IsInteger || IsNumeric || IsFloat;

    /// <summary>dbt's <c>string_size()</c>: the declared size, else 256 (a <c>text</c> column has none).</summary>
    public long StringSize => CharSize ?? 256;

    /// <summary>
    /// dbt's <c>data_type</c>: a sized string as <c>character varying(n)</c> (an unsized one, <c>text</c>, as it is, as
    /// dbt-postgres keeps it), a numeric with its precision and scale, else the type.
    /// </summary>
    public string DataType =>
        IsString && CharSize is { } size ? $"character varying({size})"
        : IsNumeric && NumericPrecision is { } precision ? $"{Dtype}({precision},{NumericScale ?? 0})"
        : Dtype;

    private bool Is(string[] types) => types.Contains(Dtype.ToLowerInvariant(), StringComparer.Ordinal);

    [GeneratedRegex(@"^(?<base>[A-Za-z_][A-Za-z0-9_ ]*?)\s*\(\s*(?<first>\d+)\s*(,\s*(?<second>\d+)\s*)?\)$")]
    private static partial Regex Sized();
}
