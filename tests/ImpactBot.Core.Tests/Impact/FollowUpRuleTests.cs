using ImpactBot.Core.Changes;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Impact;
using static ImpactBot.Core.Tests.TestGraphs;

namespace ImpactBot.Core.Tests.Impact;

/// <summary>Follow-ups match how the affected asset is built.</summary>
public sealed class FollowUpRuleTests
{
    private static readonly AssetNode Stg = Model("stg", Col("amount", "raw.amount"), Col("email", "raw.email"));

    private static string[] FollowUpsOf(AssetTraits traits, ColumnChangeKind kind = ColumnChangeKind.Expression, string column = "amount")
    {
        var reader = Model("fct", Col(column, $"stg.{column}")) with { Traits = traits };
        var graph = GraphOf(Stg, reader);
        var change = new AssetChange("stg", AssetType.Model, AssetChangeKind.Modified) { Columns = [new ColumnChange(column, kind)] };
        return [.. ImpactAnalyzer.Analyze(graph, graph, [change]).Single(i => i.Asset == "fct").FollowUps];
    }

    [Test]
    public void Incremental_AsksForAFullRefresh() =>
        Assert.That(FollowUpsOf(new AssetTraits { Materialization = "incremental" }), Is.EqualTo(new[] { "incremental model: existing rows are not rewritten; run `dbt run --full-refresh -s fct` or backfill" }));

    [Test]
    public void IncrementalWithFullRefreshFalse_NeverSuggestsFullRefresh()
    {
        var followUps = FollowUpsOf(new AssetTraits { Materialization = "incremental", FullRefresh = false });

        Assert.That(followUps.Single(), Does.Contain("`--full-refresh` is ignored").And.Contain("backfill").And.Not.Contain("run `dbt run --full-refresh"));
    }

    [Test]
    public void Microbatch_ReprocessesBatches() =>
        Assert.That(FollowUpsOf(new AssetTraits { Materialization = "incremental", IncrementalStrategy = "microbatch" }).Single(), Does.Contain("--event-time-start").And.Not.Contain("--full-refresh"));

    [Test]
    public void Table_NeedsNothing() =>
        Assert.That(FollowUpsOf(new AssetTraits { Materialization = "table" }), Is.Empty);

    [Test]
    public void VersionedModelThatBreaks_AddsANewVersion() =>
        Assert.That(FollowUpsOf(new AssetTraits { Materialization = "table", LatestVersion = 2, Access = "public" }, ColumnChangeKind.Removed, "email").Single(), Does.Contain("add v3").And.Contain("deprecation_date on v2"));

    [Test]
    public void ContractedModelThatBreaks_PublishesANewVersion() =>
        Assert.That(FollowUpsOf(new AssetTraits { Materialization = "table", Contracted = true }, ColumnChangeKind.Removed, "email").Single(), Does.Contain("publish a new model version"));
}
