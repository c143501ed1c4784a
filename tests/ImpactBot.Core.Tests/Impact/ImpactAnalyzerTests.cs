using ImpactBot.Core.Changes;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Impact;
using static ImpactBot.Core.Tests.TestGraphs;

namespace ImpactBot.Core.Tests.Impact;

public sealed class ImpactAnalyzerTests
{
    private static readonly AssetNode Stg = Model("stg_payments", Col("payment_id", "raw.id"), Col("amount", "raw.amount"), Col("method", "raw.method"));

    private static AssetChange Modified(string asset, params ColumnChange[] columns) =>
        new(asset, AssetType.Model, AssetChangeKind.Modified) { Columns = [.. columns] };

    private static AssetImpact Only(IEnumerable<AssetImpact> impacts, string asset) => impacts.Single(i => i.Asset == asset);

    [Test]
    public void Analyze_ExpressionChange_ReachesChainWithPath()
    {
        var graph = GraphOf(
            Stg,
            Model("orders", Col("total_amount", "stg_payments.amount:aggregate")),
            Model("customers", Col("lifetime_value", "orders.total_amount:aggregate")));

        var impacts = ImpactAnalyzer.Analyze(graph, graph, [Modified("stg_payments", new ColumnChange("amount", ColumnChangeKind.Expression))]);

        Assert.That(impacts.Select(i => (i.Asset, i.Severity)), Is.EqualTo(new[] { ("orders", Severity.Values), ("customers", Severity.Values) }));
        Assert.That(Only(impacts, "customers").Path, Is.EqualTo("stg_payments.amount -> orders.total_amount -> customers.lifetime_value"));
        Assert.That(Only(impacts, "customers").Via, Is.EqualTo(new[] { "orders" }));
    }

    [Test]
    public void Analyze_ColumnChange_ReaderOfOtherColumnsNotAffected()
    {
        var graph = GraphOf(
            Stg,
            Model("by_method", Col("method", "stg_payments.method")),
            Model("orders", Col("total", "stg_payments.amount:aggregate")));

        var impacts = ImpactAnalyzer.Analyze(graph, graph, [Modified("stg_payments", new ColumnChange("amount", ColumnChangeKind.Expression))]);

        Assert.That(impacts.Select(i => i.Asset), Is.EqualTo(new[] { "orders" }));
    }

    [Test]
    public void Analyze_RemovedColumn_BreaksFirstHopAndFoldsEverythingDownstreamOfItUnderIt()
    {
        var graph = GraphOf(
            Stg,
            Model("orders", Col("amount", "stg_payments.amount"), Col("payment_id", "stg_payments.payment_id")),
            Model("customers", Col("ltv", "orders.amount:aggregate")),
            Model("ids", Col("payment_id", "orders.payment_id")));

        var impacts = ImpactAnalyzer.Analyze(graph, graph, [Modified("stg_payments", new ColumnChange("amount", ColumnChangeKind.Removed))]);

        // orders fails to build: whatever reads it is stale, also ids, which reads another of its columns.
        Assert.That(impacts.Select(i => (i.Asset, i.Severity, i.FoldedUnder)), Is.EqualTo(new[] { ("orders", Severity.Breaking, (string?)null), ("customers", Severity.Breaking, "orders"), ("ids", Severity.Breaking, "orders") }));
        Assert.That(Only(impacts, "orders").Reason, Is.EqualTo("reads removed column stg_payments.amount"));
        Assert.That(Only(impacts, "orders").Columns, Is.EqualTo(new[] { "amount" }));
    }

    [Test]
    public void Analyze_RemovedColumn_ReferenceCarriesFileAndLine()
    {
        var graph = GraphOf(Stg, Model("orders", Col("amount", "stg_payments.amount")));

        var impacts = ImpactAnalyzer.Analyze(graph, graph, [Modified("stg_payments", new ColumnChange("amount", ColumnChangeKind.Removed))],
            (path, column) => path == "models/orders.sql" && column == "amount" ? 12 : 0);

        Assert.That(Only(impacts, "orders").References, Is.EqualTo(new[] { new ColumnReference("amount", "models/orders.sql", 12) }));
    }

    [Test]
    public void Analyze_FilterColumnRemoved_BreaksReaderThatOnlyFiltersOnIt()
    {
        var graph = GraphOf(Stg, Model("big_orders", Col("payment_id", "stg_payments.payment_id")) with { RowSources = [Edge("stg_payments.amount:filter")] });

        var impacts = ImpactAnalyzer.Analyze(graph, graph, [Modified("stg_payments", new ColumnChange("amount", ColumnChangeKind.Removed))]);

        Assert.That(Only(impacts, "big_orders").Severity, Is.EqualTo(Severity.Breaking));
    }

    [Test]
    public void Analyze_ValueChangeOfFilterColumn_ReachesEveryColumnOfReader()
    {
        var graph = GraphOf(
            Stg,
            Model("big", Col("payment_id", "stg_payments.payment_id")) with { RowSources = [Edge("stg_payments.amount:filter")] },
            Model("downstream", Col("payment_id", "big.payment_id")));

        var impacts = ImpactAnalyzer.Analyze(graph, graph, [Modified("stg_payments", new ColumnChange("amount", ColumnChangeKind.Expression))]);

        Assert.That(impacts.Select(i => (i.Asset, i.Severity)), Is.EqualTo(new[] { ("big", Severity.Values), ("downstream", Severity.Values) }));
    }

    [Test]
    public void Analyze_RowChange_ReachesReadersOfAnyColumn()
    {
        var graph = GraphOf(Stg, Model("by_method", Col("method", "stg_payments.method")));
        var change = new AssetChange("stg_payments", AssetType.Model, AssetChangeKind.Modified) { Rows = [RowChangeKind.Filter] };

        var impacts = ImpactAnalyzer.Analyze(graph, graph, [change]);

        Assert.That(Only(impacts, "by_method").Severity, Is.EqualTo(Severity.Values));
        Assert.That(Only(impacts, "by_method").Reason, Does.Contain("filter"));
    }

    [Test]
    public void Analyze_AddedColumn_ReachesOnlyStarReaders()
    {
        var graph = GraphOf(
            Stg,
            Model("star_reader", Col("*", "stg_payments.*")) with { HasWildcard = true },
            Model("explicit_reader", Col("amount", "stg_payments.amount")));

        var impacts = ImpactAnalyzer.Analyze(graph, graph, [Modified("stg_payments", new ColumnChange("fee", ColumnChangeKind.Added))]);

        Assert.That(impacts.Select(i => (i.Asset, i.Severity)), Is.EqualTo(new[] { ("star_reader", Severity.Schema) }));
    }

    [Test]
    public void Analyze_AddedColumn_PassesThroughExpandedStarByName()
    {
        var head = GraphOf(
            Stg with { Columns = Stg.Columns.Add(Col("fee", "raw.fee")) },
            Model("copy_all", Col("payment_id", "stg_payments.payment_id"), Col("fee", "stg_payments.fee")),
            Model("uses_other", Col("ltv", "copy_all.payment_id:aggregate")));

        var impacts = ImpactAnalyzer.Analyze(head, head, [Modified("stg_payments", new ColumnChange("fee", ColumnChangeKind.Added))]);

        Assert.That(impacts.Select(i => (i.Asset, i.Severity)), Is.EqualTo(new[] { ("copy_all", Severity.Schema) }));
    }

    [Test]
    public void Analyze_RemovedColumnReadThroughStarExpandedAtBase_FoundFromBaseGraphAndPassedOn()
    {
        var baseGraph = GraphOf(Stg, Model("copy_all", Col("payment_id", "stg_payments.payment_id"), Col("amount", "stg_payments.amount")));
        var headGraph = GraphOf(
            Stg with { Columns = [.. Stg.Columns.Where(c => c.Name != "amount")] },
            Model("copy_all", Col("payment_id", "stg_payments.payment_id")));

        var impacts = ImpactAnalyzer.Analyze(baseGraph, headGraph, [Modified("stg_payments", new ColumnChange("amount", ColumnChangeKind.Removed))]);

        // copy_all's SQL is unchanged and copies the column as it is: it builds, without the column.
        Assert.That(Only(impacts, "copy_all").Severity, Is.EqualTo(Severity.Schema));
        Assert.That(Only(impacts, "copy_all").Reason, Is.EqualTo("passes stg_payments.amount on unchanged: its column amount is gone with it"));
    }

    [Test]
    public void Analyze_ModelLevelDependency_AffectedAndFlagged()
    {
        var graph = GraphOf(Stg, new AssetNode("weekly_kpis", AssetType.Exposure) { DependsOn = ["stg_payments"], Owners = ["@carol"] });

        var impacts = ImpactAnalyzer.Analyze(graph, graph, [Modified("stg_payments", new ColumnChange("amount", ColumnChangeKind.Expression))]);

        var exposure = Only(impacts, "weekly_kpis");
        Assert.That(exposure.ModelLevel, Is.True);
        Assert.That(exposure.Severity, Is.EqualTo(Severity.Values));
        Assert.That(exposure.Owners, Is.EqualTo(new[] { "@carol" }));
    }

    [Test]
    public void Analyze_RemovedModel_BreaksEveryReader()
    {
        var baseGraph = GraphOf(Stg, Model("orders", Col("amount", "stg_payments.amount")));
        var headGraph = GraphOf(Model("orders", Col("amount", "stg_payments.amount")));

        var impacts = ImpactAnalyzer.Analyze(baseGraph, headGraph, [new AssetChange("stg_payments", AssetType.Model, AssetChangeKind.Removed)]);

        Assert.That(Only(impacts, "orders").Severity, Is.EqualTo(Severity.Breaking));
        Assert.That(Only(impacts, "orders").Reason, Is.EqualTo("reads removed model stg_payments"));
    }

    [Test]
    public void Analyze_TestOnRemovedColumn_BreakingWithFollowUp()
    {
        var graph = GraphOf(Stg, new AssetNode("not_null_stg_payments_amount", AssetType.Test) { References = [Edge("stg_payments.amount")] });

        var impacts = ImpactAnalyzer.Analyze(graph, graph, [Modified("stg_payments", new ColumnChange("amount", ColumnChangeKind.Removed))]);

        var test = Only(impacts, "not_null_stg_payments_amount");
        Assert.That(test.Severity, Is.EqualTo(Severity.Breaking));
        Assert.That(test.FollowUps.Single(), Does.Contain("update or remove"));
    }

    [Test]
    public void Analyze_IncrementalReader_AsksForFullRefresh()
    {
        var graph = GraphOf(Stg, Model("revenue", Col("revenue", "stg_payments.amount:aggregate")) with { Traits = new AssetTraits { Materialization = "incremental" } });

        var impacts = ImpactAnalyzer.Analyze(graph, graph, [Modified("stg_payments", new ColumnChange("amount", ColumnChangeKind.Expression))]);

        Assert.That(Only(impacts, "revenue").FollowUps.Single(), Does.Contain("--full-refresh"));
    }

    [Test]
    public void Analyze_ResultsInDependencyOrder()
    {
        var graph = GraphOf(
            Stg,
            Model("a", Col("x", "stg_payments.amount")),
            Model("b", Col("x", "a.x")),
            Model("c", Col("x", "b.x"), Col("y", "stg_payments.amount")));

        var impacts = ImpactAnalyzer.Analyze(graph, graph, [Modified("stg_payments", new ColumnChange("amount", ColumnChangeKind.Expression))]);

        Assert.That(impacts.Select(i => i.Asset), Is.EqualTo(new[] { "a", "b", "c" }));
    }

    [Test]
    public void Analyze_DocsOnlyChange_InfoForDirectReadersOnly()
    {
        var graph = GraphOf(Stg, Model("a", Col("x", "stg_payments.amount")), Model("b", Col("x", "a.x")));

        var impacts = ImpactAnalyzer.Analyze(graph, graph, [new AssetChange("stg_payments", AssetType.Model, AssetChangeKind.DocsOnly)]);

        Assert.That(impacts.Select(i => (i.Asset, i.Severity)), Is.EqualTo(new[] { ("a", Severity.Info) }));
    }

    [Test]
    public void Analyze_CycleInGraph_Terminates()
    {
        var graph = GraphOf(Model("a", Col("x", "b.x")), Model("b", Col("x", "a.x")));

        var impacts = ImpactAnalyzer.Analyze(graph, graph, [Modified("a", new ColumnChange("x", ColumnChangeKind.Expression))]);

        Assert.That(impacts.Select(i => i.Asset), Is.EquivalentTo(new[] { "a", "b" }));
    }
}
