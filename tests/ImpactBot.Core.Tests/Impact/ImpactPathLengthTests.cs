using ImpactBot.Core.Changes;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Impact;
using static ImpactBot.Core.Tests.TestGraphs;

namespace ImpactBot.Core.Tests.Impact;

/// <summary>Paths on very long chains keep their start and end: each impact's path stays bounded, so the walk stays linear.</summary>
public sealed class ImpactPathLengthTests
{
    [Test]
    public void Analyze_ChainOfThreeThousandModels_EveryImpactFoundWithBoundedPath()
    {
        var chain = Enumerable.Range(1, 3000).Select(i => Model($"m{i}", Col("v", $"m{i - 1}.v")));
        var graph = GraphOf([Model("m0", Col("v", "raw.v")), .. chain]);

        var impacts = ImpactAnalyzer.Analyze(graph, graph, [new AssetChange("m0", AssetType.Model, AssetChangeKind.Modified) { Columns = [new ColumnChange("v", ColumnChangeKind.Expression)] }]);

        Assert.That(impacts, Has.Length.EqualTo(3000));
        var last = impacts.Single(i => i.Asset == "m3000").Path;
        Assert.That(last, Does.StartWith("m0.v -> …").And.EndWith("m2999.v -> m3000.v"));
        Assert.That(last.Length, Is.LessThanOrEqualTo(2100));
        Assert.That(impacts.Single(i => i.Asset == "m3").Path, Is.EqualTo("m0.v -> m1.v -> m2.v -> m3.v"), "short paths are whole");
    }

    [Test]
    public void Shortened_LongPath_KeepsFirstHopAndTailAtArrowBoundaries()
    {
        var path = string.Join(" -> ", Enumerable.Range(0, 400).Select(i => $"asset{i}.col"));

        var shortened = ImpactWalk.Shortened(path);

        Assert.That(shortened, Does.StartWith("asset0.col -> … -> asset").And.EndWith(" -> asset399.col"));
        Assert.That(shortened.Split(" -> ").Skip(2), Has.All.Match("^asset\\d+\\.col$"));
        Assert.That(ImpactWalk.Shortened(shortened + " -> next.col"), Does.StartWith("asset0.col -> … -> ").And.EndWith("asset399.col -> next.col"));
    }
}
