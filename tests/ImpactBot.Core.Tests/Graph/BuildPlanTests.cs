using System.Collections.Immutable;
using ImpactBot.Core.Graph;

namespace ImpactBot.Core.Tests.Graph;

public sealed class BuildPlanTests
{
    private static AssetDefinition Asset(string id) => new(id, AssetType.Model) { Sql = "select 1" };

    [Test]
    public void Levels_ChainOf100000Models_OneLevelEachWithoutOverflowingTheStack()
    {
        const int count = 100_000;
        var assets = Enumerable.Range(0, count).Select(i => Asset($"m{i}")).Reverse().ToList();
        var upstreams = Enumerable.Range(1, count - 1).ToDictionary(i => $"m{i}", i => ImmutableArray.Create($"m{i - 1}"));

        var (levels, cyclic) = BuildPlan.Levels(assets, upstreams);

        Assert.That(levels, Has.Length.EqualTo(count));
        Assert.That(levels[0].Single().Id, Is.EqualTo("m0"));
        Assert.That(levels[^1].Single().Id, Is.EqualTo($"m{count - 1}"));
        Assert.That(cyclic, Is.Empty);
    }

    [Test]
    public void Levels_DiamondAndCycle_LevelsByDeepestUpstreamAndCycleApart()
    {
        var assets = new[] { "top", "left", "right", "base", "x", "y", "after" }.Select(Asset).ToList();
        var upstreams = new Dictionary<string, ImmutableArray<string>>
        {
            ["top"] = ["left", "right"],
            ["left"] = ["base"],
            ["right"] = ["left", "external"],
            ["x"] = ["y"],
            ["y"] = ["x"],
            ["after"] = ["x", "base"],
        };

        var (levels, cyclic) = BuildPlan.Levels(assets, upstreams);

        Assert.That(levels.Select(l => string.Join(",", l.Select(a => a.Id))), Is.EqualTo(new[] { "base", "left", "right", "top,after" }));
        Assert.That(cyclic.Select(a => a.Id), Is.EqualTo(new[] { "x", "y" }));
    }
}
