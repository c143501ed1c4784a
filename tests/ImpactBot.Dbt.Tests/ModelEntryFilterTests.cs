using ImpactBot.Dbt.Yaml;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace ImpactBot.Dbt.Tests;

public sealed class ModelEntryFilterTests
{
    private const string Properties = """
        version: 2
        groups:
          - name: finance
            owner: {name: Finance}
        sources:
          - name: shop
            tables: [{name: orders}]
        models:
          - name: orders
            columns:
              - name: id
          - description: the name comes last here
            name: payments
          - name: customers
        """;

    [Test]
    public void Filter_KeepsTheNamedModelsAndGroupsAtTheirLines()
    {
        var root = Load(ModelEntryFilter.Filter(Properties, new HashSet<string> { "payments" })!);

        var keys = root.Children.Keys.Select(k => k.ToString());
        Assert.That(keys, Is.EqualTo(new[] { "groups", "models" }));
        var models = (YamlSequenceNode)root.Children["models"];
        var payments = (YamlMappingNode)models.Children.Single();
        Assert.That(payments.Children[new YamlScalarNode("name")].ToString(), Is.EqualTo("payments"));
        Assert.That(payments.Start.Line, Is.EqualTo(12), "positions are those of the whole file");
    }

    [Test]
    public void Filter_NoModelNamed_KeepsAnEmptyModelList()
    {
        var root = Load(ModelEntryFilter.Filter(Properties, new HashSet<string> { "ghost" })!);

        Assert.That(((YamlSequenceNode)root.Children["models"]).Children, Is.Empty);
    }

    [TestCase("models:\n  - &base\n    name: a\n  - <<: *base\n    name: b\n", TestName = "Filter_FileWithAnchors_IsLeftWhole")]
    [TestCase("models:\n  - name: a\n---\nmodels:\n  - name: b\n", TestName = "Filter_FileWithTwoDocuments_IsLeftWhole")]
    [TestCase("- name: a\n", TestName = "Filter_FileNotAMapping_IsLeftWhole")]
    public void Filter_UnsafeToCut_ReturnsNull(string text)
    {
        Assert.That(ModelEntryFilter.Filter(text, new HashSet<string> { "a" }), Is.Null);
    }

    private static YamlMappingNode Load(IReadOnlyList<ParsingEvent> events)
    {
        var stream = new YamlStream();
        stream.Load(new ModelEntryFilter.Replay(events));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
