using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ImpactBot.Dbt.Yaml;

/// <summary>
/// YAML merge keys (<c>- &lt;&lt;: *time_period</c> followed by more keys), as PyYAML reads them for dbt: the merged
/// mapping's entries are added where the mapping does not set them itself (with a list of mappings, the first one that
/// sets a key wins), and the <c>&lt;&lt;</c> entry goes. YamlDotNet's representation model leaves them as plain keys.
/// </summary>
internal static class YamlMerges
{
    public static void Resolve(YamlNode root) => Resolve(root, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));

    private static void Resolve(YamlNode node, HashSet<YamlNode> done)
    {
        if (!done.Add(node))
        {
            return;
        }

        switch (node)
        {
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    Resolve(item, done);
                }

                break;
            case YamlMappingNode mapping:
                foreach (var value in mapping.Children.Values)
                {
                    Resolve(value, done);
                }

                Merge(mapping);
                break;
        }
    }

    private static void Merge(YamlMappingNode mapping)
    {
        var mergeKey = mapping.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: "<<", Style: ScalarStyle.Plain or ScalarStyle.Any });
        if (mergeKey is null)
        {
            return;
        }

        var merged = mapping.Children[mergeKey] switch
        {
            YamlMappingNode one => [one],
            YamlSequenceNode many => many.Children.OfType<YamlMappingNode>().ToList(),
            _ => new List<YamlMappingNode>(),
        };
        mapping.Children.Remove(mergeKey);
        foreach (var source in merged)
        {
            foreach (var entry in source.Children)
            {
                if (!mapping.Children.ContainsKey(entry.Key))
                {
                    mapping.Children.Add(entry.Key, entry.Value);
                }
            }
        }
    }
}
