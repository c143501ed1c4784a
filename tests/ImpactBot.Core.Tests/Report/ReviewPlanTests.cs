using ImpactBot.Core.Changes;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Impact;
using ImpactBot.Core.Report;
using static ImpactBot.Core.Tests.Report.ReportFixtures;

namespace ImpactBot.Core.Tests.Report;

public sealed class ReviewPlanTests
{
    [Test]
    public void Build_RanksBreakingThenConsumersThenValuesThenInfoAndTestsLast()
    {
        var report = ReportOf(
            [
                Affected("not_null_x", Severity.Breaking, "stg.a", AssetType.Test),
                Affected("info_model", Severity.Info, "stg.a"),
                Affected("values_model", Severity.Values, "stg.a"),
                Affected("dashboard", Severity.Values, "stg.a", AssetType.Exposure),
                Affected("broken_model", Severity.Breaking, "stg.a"),
            ],
            ColumnChange("stg", "a", ColumnChangeKind.Removed));

        var plan = ReviewPlan.Build(report);

        Assert.That(plan.Sections.Single().Items.Select(i => i.Asset), Is.EqualTo(new[] { "broken_model", "dashboard", "values_model", "info_model", "not_null_x" }));
    }

    [Test]
    public void Build_OneSectionPerRootCause_WorstFirst_TitledByTheChange()
    {
        var report = ReportOf(
            [Affected("a", Severity.Values, "stg.amount"), Affected("b", Severity.Breaking, "stg.email")],
            ColumnChange("stg", "amount", ColumnChangeKind.Expression),
            ColumnChange("stg", "email", ColumnChangeKind.Removed));

        var plan = ReviewPlan.Build(report);

        Assert.That(plan.Sections.Select(s => s.Title), Is.EqualTo(new[] { "model stg: removed email", "model stg: expression amount" }));
    }

    [Test]
    public void Build_StaleAssetsFoldIntoTheBrokenModelsItem()
    {
        var plan = ReviewPlan.Build(Large(values: 0, stale: 31));

        var item = plan.Items.Single();
        Assert.That((item.Asset, item.Folded.Length), Is.EqualTo(("int_broken", 31)));
        Assert.That(item.Folded.Last().Type, Is.EqualTo(AssetType.Test), "tests last among the folded");
    }

    [Test]
    public void ItemKey_SameAssetUnderAnotherCause_IsAnotherItem_AndStableAcrossRuns()
    {
        var a = Affected("orders", Severity.Values, "stg.amount");

        Assert.That(ReviewItem.KeyId("stg.amount", a), Is.EqualTo(ReviewItem.KeyId("STG.AMOUNT", a with { Reason = "other words" })));
        Assert.That(ReviewItem.KeyId("stg.amount", a), Is.Not.EqualTo(ReviewItem.KeyId("stg.status", a)));
    }

    [Test]
    public void Owners_TwelveCodeOwnersOnTheSameItems_AreOneRow_EachOwnerOnce()
    {
        var people = Enumerable.Range(1, 12).Select(i => $"@dev{i}").ToArray();
        var plan = ReviewPlan.Build(ReportOf(
            [Affected("a", Severity.Breaking, "stg.x", owners: people), Affected("b", Severity.Values, "stg.x", owners: people), Affected("c", Severity.Values, "stg.x", owners: ["@alice", .. people])],
            ColumnChange("stg", "x", ColumnChangeKind.Removed)));

        Assert.That(plan.Owners.Select(r => r.Owners.Length), Is.EqualTo(new[] { 12, 1 }));
        Assert.That(plan.Owners.SelectMany(r => r.Owners), Is.Unique);
        Assert.That(plan.Owners[1].Items.Select(i => i.Asset), Is.EqualTo(new[] { "c" }));
    }

    [Test]
    public void Owners_OfAConsumerStaleThroughABreak_AreToldWhichItemItWaitsFor()
    {
        var plan = ReviewPlan.Build(ReportOf(
            [Affected("int_broken", Severity.Breaking, "stg.x", owners: ["@eng"]), Affected("kpis", Severity.Breaking, "stg.x", AssetType.Exposure, "int_broken", "@carol")],
            ColumnChange("stg", "x", ColumnChangeKind.Removed)));

        var carol = plan.Owners.Single(r => r.Owners.Contains("@carol"));
        Assert.That(carol.Stale.Select(s => (s.Asset, s.Item.Asset)), Is.EqualTo(new[] { ("kpis", "int_broken") }));
    }
}
