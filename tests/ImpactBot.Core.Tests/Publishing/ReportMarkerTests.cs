using ImpactBot.Core.Impact;
using ImpactBot.Core.Publishing;

namespace ImpactBot.Core.Tests.Publishing;

public sealed class ReportMarkerTests
{
    private static readonly DateTimeOffset Committed = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Test]
    public void MetaLine_AllFields_WritesHiddenComment() =>
        Assert.That(
            ReportMarker.MetaLine(new ReportMeta("abc123", "42", Committed)),
            Is.EqualTo("<!-- impactbot:meta head=abc123 run=42 committed=2026-03-04T05:06:07Z -->"));

    [Test]
    public void ParseMeta_ComposedBody_RoundTrips()
    {
        var meta = new ReportMeta("abc123", "42", Committed);

        Assert.That(ReportMarker.ParseMeta(ReportMarker.Compose("## Impact\n", meta)), Is.EqualTo(meta));
    }

    [Test]
    public void ParseMeta_NoMeta_ReturnsNull() =>
        Assert.That(ReportMarker.ParseMeta("<!-- impactbot:report -->\nhello"), Is.Null);

    [Test]
    public void Compose_ContentWithOldHeader_ReplacesHeader()
    {
        var old = ReportMarker.Compose("body\n", new ReportMeta("old"));

        var body = ReportMarker.Compose(old, new ReportMeta("new", "7"));

        Assert.That(body, Is.EqualTo("<!-- impactbot:report -->\n<!-- impactbot:meta head=new run=7 -->\nbody\n"));
    }

    [TestCase("<!-- impactbot:report -->\nx", true)]
    [TestCase("\n  <!-- impactbot:report -->", true)]
    [TestCase("see <!-- impactbot:report -->", false)]
    [TestCase("<!-- impactbot:report-outdated -->", false)]
    public void IsReport_Body_DetectsLeadingMarker(string body, bool expected) =>
        Assert.That(ReportMarker.IsReport(body), Is.EqualTo(expected));

    [Test]
    public void ItemMarker_OwnersAndAcknowledger_WritesAttributes() =>
        Assert.That(
            ReportMarker.ItemMarker("model.orders:customer_id", Severity.Breaking, ["a", "@org/team"], "bob"),
            Is.EqualTo("<!-- impactbot:item=model.orders:customer_id severity=breaking owners=@a,@org/team by=@bob -->"));

    [Test]
    public void ItemMarker_IdWithSpace_Throws() =>
        Assert.That(() => ReportMarker.ItemMarker("a b", Severity.Info), Throws.ArgumentException);
}
