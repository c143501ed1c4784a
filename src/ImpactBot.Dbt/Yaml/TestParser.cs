using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace ImpactBot.Dbt.Yaml;

/// <summary>Reads the <c>data_tests:</c>/<c>tests:</c> list of a node or a column in any of dbt's spellings.</summary>
internal static class TestParser
{
    public static ImmutableArray<DbtDataTest> Parse(YamlMappingNode owner, string attachedTo, string nodeName, string? column, string path)
    {
        var tests = ImmutableArray.CreateBuilder<DbtDataTest>();
        foreach (var item in owner.Items("data_tests").Concat(owner.Items("tests")))
        {
            if (Parse(item, attachedTo, nodeName, column, path) is { } test)
            {
                tests.Add(test);
            }
        }

        return tests.ToImmutable();
    }

    private static DbtDataTest? Parse(YamlNode item, string attachedTo, string nodeName, string? column, string path)
    {
        string testName;
        DbtMap args;
        switch (item)
        {
            case YamlScalarNode { Value: { Length: > 0 } name }:
                testName = name;
                args = DbtMap.Empty;
                break;
            case YamlMappingNode map when map.Str("test_name") is { } explicitName:
                testName = explicitName;
                args = (DbtMap)YamlNodes.ToValue(map);
                break;
            case YamlMappingNode { Children.Count: 1 } map when map.Children.First().Key is YamlScalarNode { Value: { } key }:
                testName = key;
                args = map.Children.First().Value is YamlMappingNode body ? (DbtMap)YamlNodes.ToValue(body) : DbtMap.Empty;
                break;
            default:
                return null;
        }

        if (args["arguments"] is DbtMap arguments)
        {
            args = args.Merge(arguments);
        }

        var line = item.Line();
        var to = ReferenceParser.Parse(args["to"]?.Text, line);
        var shortName = testName.Contains('.', StringComparison.Ordinal) ? testName[(testName.LastIndexOf('.') + 1)..] : testName;
        return new DbtDataTest
        {
            Name = args["name"]?.Text ?? string.Join("_", new[] { shortName, nodeName, column }.Where(p => p is not null)),
            TestName = testName,
            AttachedTo = attachedTo,
            Column = column ?? args["column_name"]?.Text,
            ToRef = to.Ref,
            ToSource = to.Source,
            Field = args["field"]?.Text,
            Values = args["values"]?.AsStrings() ?? [],
            Arguments = args,
            Path = path,
            Line = line,
        };
    }
}
