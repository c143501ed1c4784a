using ImpactBot.Core.Changes;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Impact;
using static ImpactBot.Core.Tests.TestGraphs;

namespace ImpactBot.Core.Tests.Changes;

public sealed class OwnersOnlyChangeTests
{
    [Test]
    public void OwnersChangedOnly_IsAnOwnersChangeThatAffectsNobody()
    {
        var before = Model("orders", Col("id", "raw.id")) with { Owners = ["@a"] };
        var reader = Model("report", Col("id", "orders.id"));
        var baseGraph = GraphOf(before, reader);
        var headGraph = GraphOf(before with { Owners = ["@a", "@b", "@c"] }, reader);

        var changes = ChangeDetector.Detect(baseGraph, headGraph, [".github/CODEOWNERS"]);
        var impacts = ImpactAnalyzer.Analyze(baseGraph, headGraph, changes);

        Assert.That(changes.Select(c => (c.Asset, c.Kind)), Is.EqualTo(new[] { ("orders", AssetChangeKind.OwnersOnly) }));
        Assert.That(changes[0].Reasons, Is.EqualTo(new[] { "owners: @a -> @a @b @c" }));
        Assert.That(impacts, Is.Empty);
    }
}
