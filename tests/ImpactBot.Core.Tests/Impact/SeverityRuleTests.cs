using ImpactBot.Core.Changes;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Impact;
using ImpactBot.Sql.Lineage;
using static ImpactBot.Core.Tests.TestGraphs;

namespace ImpactBot.Core.Tests.Impact;

/// <summary>Severity rules one by one: what breaks, what is stale through a break, what is escalated because others read it.</summary>
public sealed class SeverityRuleTests
{
    private static readonly AssetNode Stg = Model("stg_customers", Col("customer_id", "raw.id"), Col("email", "raw.email"));

    private static AssetChange Modified(string asset, params ColumnChange[] columns) =>
        new(asset, AssetType.Model, AssetChangeKind.Modified) { Columns = [.. columns] };

    private static AssetImpact Only(IEnumerable<AssetImpact> impacts, string asset) => impacts.Single(i => i.Asset == asset);

    [Test]
    public void ExposureDownstreamOfModelThatFailsToBuild_IsBreakingFoldedUnderThatModel()
    {
        var graph = GraphOf(
            Stg,
            Model("customers", Col("email", "stg_customers.email")),
            Model("mart", Col("email", "customers.email")),
            new AssetNode("crm_sync", AssetType.Exposure) { DependsOn = ["mart"] });

        var impacts = ImpactAnalyzer.Analyze(graph, graph, [Modified("stg_customers", new ColumnChange("email", ColumnChangeKind.Removed))]);

        var exposure = Only(impacts, "crm_sync");
        Assert.That((exposure.Severity, exposure.FoldedUnder, exposure.Cause), Is.EqualTo((Severity.Breaking, "customers", "stg_customers.email")));
        Assert.That(exposure.FollowUps, Is.Empty, "the fix is upstream, not in the exposure");
    }

    [Test]
    public void ReaderWithItsOwnValuesChangeBehindABrokenModel_IsStaleThroughTheBreak()
    {
        var graph = GraphOf(
            Stg,
            Model("customers", Col("email", "stg_customers.email")),
            Model("report", Col("email", "customers.email"), Col("id", "stg_customers.customer_id")));

        var impacts = ImpactAnalyzer.Analyze(graph, graph, [Modified("stg_customers", new ColumnChange("email", ColumnChangeKind.Removed), new ColumnChange("customer_id", ColumnChangeKind.Expression))]);

        // report also reads the changed customer_id, but nothing it holds refreshes until customers builds again.
        Assert.That((Only(impacts, "report").Severity, Only(impacts, "report").FoldedUnder), Is.EqualTo((Severity.Breaking, "customers")));
    }

    [Test]
    public void DirectBreakBehindAnotherBreak_KeepsItsOwnItem()
    {
        var graph = GraphOf(
            Stg,
            Model("customers", Col("email", "stg_customers.email")),
            Model("emails", Col("email", "stg_customers.email"), Col("customer_email", "customers.email")));

        var impacts = ImpactAnalyzer.Analyze(graph, graph, [Modified("stg_customers", new ColumnChange("email", ColumnChangeKind.Removed))]);

        Assert.That((Only(impacts, "emails").Severity, Only(impacts, "emails").FoldedUnder), Is.EqualTo((Severity.Breaking, (string?)null)));
        Assert.That(Only(impacts, "emails").StaleThrough, Is.EqualTo(new[] { "customers" }));
    }

    [TestCase(true, null)]
    [TestCase(false, "public")]
    public void PublishedModelColumnRemovedWithNoReaderHere_IsBreakingForReadersOutside(bool contracted, string? access)
    {
        var published = Model("dim_customers", Col("customer_id", "raw.id"), Col("email", "raw.email")) with { Traits = new AssetTraits { Contracted = contracted, Access = access } };
        var graph = GraphOf(published);

        var impacts = ImpactAnalyzer.Analyze(graph, graph, [Modified("dim_customers", new ColumnChange("email", ColumnChangeKind.Renamed) { NewName = "email_address" })]);

        var item = Only(impacts, "dim_customers");
        Assert.That(item.Severity, Is.EqualTo(Severity.Breaking));
        Assert.That(item.Reason, Does.Contain("consumers outside this project read email, renamed to email_address"));
    }

    [Test]
    public void PrivateModelColumnRemovedWithNoReader_AffectsNothing()
    {
        var graph = GraphOf(Stg);

        var impacts = ImpactAnalyzer.Analyze(graph, graph, [Modified("stg_customers", new ColumnChange("email", ColumnChangeKind.Removed))]);

        Assert.That(impacts, Is.Empty);
    }

    [Test]
    public void BrokenReader_EvidenceIsTheLineTheLineageRecorded()
    {
        var reader = Model("customers", new ColumnNode("email", [new ColumnEdge("stg_customers", "email", EdgeKind.Copy) { Line = 7 }]));
        var graph = GraphOf(Stg, reader);

        var impacts = ImpactAnalyzer.Analyze(graph, graph, [Modified("stg_customers", new ColumnChange("email", ColumnChangeKind.Removed))], (_, _) => 2);

        Assert.That(Only(impacts, "customers").References, Is.EqualTo(new[] { new ColumnReference("email", "models/customers.sql", 7) }));
    }
}
