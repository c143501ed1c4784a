using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace ImpactBot.Dbt.Yaml;

/// <summary>Lenient accessors over the YAML representation model: a missing or wrongly shaped key reads as absent.</summary>
internal static class YamlNodes
{
    public static YamlNode? Get(this YamlMappingNode mapping, string key)
    {
        foreach (var (k, v) in mapping.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && name == key)
            {
                return v;
            }
        }

        return null;
    }

    public static string? Str(this YamlMappingNode mapping, string key) =>
        mapping.Get(key) is YamlScalarNode { Value: { } v } && !IsNull(mapping.Get(key)!) ? v : null;

    public static YamlMappingNode? Map(this YamlMappingNode mapping, string key) => mapping.Get(key) as YamlMappingNode;

    public static bool? Bool(this YamlMappingNode mapping, string key) =>
        mapping.Get(key) is YamlScalarNode scalar ? new DbtScalar(scalar.Value).AsBool() : null;

    /// <summary>The items of a sequence; a single mapping or scalar reads as one item; absent reads as none.</summary>
    public static IEnumerable<YamlNode> Items(this YamlMappingNode mapping, string key) => Items(mapping.Get(key));

    public static IEnumerable<YamlNode> Items(YamlNode? node) => node switch
    {
        YamlSequenceNode seq => seq.Children,
        null => [],
        YamlScalarNode s when IsNull(s) => [],
        _ => [node],
    };

    public static IEnumerable<YamlMappingNode> Maps(this YamlMappingNode mapping, string key) =>
        mapping.Items(key).OfType<YamlMappingNode>();

    public static ImmutableArray<string> Strings(this YamlMappingNode mapping, string key) =>
        [.. mapping.Items(key).OfType<YamlScalarNode>().Where(s => !IsNull(s)).Select(s => s.Value!)];

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: not (YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted) } s
        && s.Value is null or "" or "~" or "null" or "Null" or "NULL";

    public static int Line(this YamlNode node) => (int)node.Start.Line;

    public static int Column(this YamlNode node) => (int)node.Start.Column;

    public static DbtValue ToValue(YamlNode node) => node switch
    {
        YamlScalarNode s => IsNull(s) ? DbtScalar.Null : new DbtScalar(s.Value),
        YamlSequenceNode seq => new DbtList([.. seq.Children.Select(ToValue)]),
        YamlMappingNode map => new DbtMap([.. map.Children
            .Where(e => e.Key is YamlScalarNode { Value: not null })
            .Select(e => new KeyValuePair<string, DbtValue>(((YamlScalarNode)e.Key).Value!, ToValue(e.Value)))]),
        _ => DbtScalar.Null,
    };

    public static DbtMap MapValue(this YamlMappingNode mapping, string key) =>
        mapping.Get(key) is YamlMappingNode m ? (DbtMap)ToValue(m) : DbtMap.Empty;
}
