using System.Collections.Immutable;

namespace ImpactBot.Dbt;

/// <summary>Typed reads of a merged config map.</summary>
internal static class ConfigValues
{
    public static string? Str(this DbtMap config, string key) => config[key] is DbtScalar { Value: { Length: > 0 } v } ? v : null;

    public static bool Flag(this DbtMap config, string key, bool fallback) => config[key] is DbtScalar s && s.AsBool() is { } b ? b : fallback;

    public static ImmutableArray<string> List(this DbtMap config, string key) => config[key]?.AsStrings() ?? [];

    public static bool ContractEnforced(this DbtMap config) => config["contract"] switch
    {
        DbtMap contract => contract["enforced"] is DbtScalar s && s.AsBool() == true,
        DbtScalar s => s.AsBool() == true,
        _ => false,
    };

    public static DbtMap Meta(this DbtMap config) => config["meta"] as DbtMap ?? DbtMap.Empty;
}
