using System.Collections.Immutable;
using System.Globalization;

namespace ImpactBot.Dbt;

/// <summary>A YAML/JSON/Jinja data value kept as data (meta, vars, config values): scalar, list or map.</summary>
public abstract record DbtValue
{
    /// <summary>The scalar text, or null for lists, maps and null.</summary>
    public virtual string? Text => null;

    /// <summary>A scalar as one string, a list as its scalar items; anything else as empty.</summary>
    public ImmutableArray<string> AsStrings() => this switch
    {
        DbtScalar { Value: { } v } => [v],
        DbtList list => [.. list.Items.Select(i => i.Text).OfType<string>()],
        _ => [],
    };
}

/// <summary>A scalar; <see cref="Value"/> is null for YAML/JSON null.</summary>
public sealed record DbtScalar(string? Value) : DbtValue
{
    public static readonly DbtScalar Null = new((string?)null);

    public override string? Text => Value;

    public static DbtScalar Of(bool value) => new(value ? "true" : "false");

    public static DbtScalar Of(double value) => new(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>The value read as a boolean (true/false/yes/no, any case), or null.</summary>
    public bool? AsBool() => Value?.ToUpperInvariant() switch
    {
        "TRUE" or "YES" or "ON" => true,
        "FALSE" or "NO" or "OFF" => false,
        _ => null,
    };
}

public sealed record DbtList(ImmutableArray<DbtValue> Items) : DbtValue;

/// <summary>A map; keys keep their order of appearance.</summary>
public sealed record DbtMap(ImmutableArray<KeyValuePair<string, DbtValue>> Entries) : DbtValue
{
    public static readonly DbtMap Empty = new(ImmutableArray<KeyValuePair<string, DbtValue>>.Empty);

    public DbtValue? this[string key]
    {
        get
        {
            foreach (var (k, v) in Entries)
            {
                if (k == key)
                {
                    return v;
                }
            }

            return null;
        }
    }

    /// <summary>This map with <paramref name="other"/>'s entries added or replacing (dbt's config merge for meta).</summary>
    public DbtMap Merge(DbtMap? other)
    {
        if (other is null || other.Entries.IsEmpty)
        {
            return this;
        }

        var result = Entries.ToList();
        foreach (var (key, value) in other.Entries)
        {
            var index = result.FindIndex(e => e.Key == key);
            if (index >= 0)
            {
                result[index] = new(key, value);
            }
            else
            {
                result.Add(new(key, value));
            }
        }

        return new DbtMap([.. result]);
    }
}
