using ImpactBot.Core.Impact;
using ImpactBot.Core.Publishing;

namespace ImpactBot.Core.Tests.Publishing;

public sealed class ChecklistTests
{
    private const string Body = """
        <!-- impactbot:report -->
        ## Impact
        - [ ] `orders` loses `customer_id` <!-- impactbot:item=orders:customer_id severity=breaking owners=@ana,@org/data -->
        - [x] `revenue` values change <!-- impactbot:item=revenue severity=values by=@bob -->
          * [X] nested <!-- impactbot:item=nested -->
        - [ ] plain line without marker
        """;

    [Test]
    public void Parse_Body_ReturnsItemsWithAttributes()
    {
        var items = Checklist.Parse(Body);

        Assert.That(items.Select(i => (i.Id, i.Ticked, i.Severity)), Is.EqualTo(new[]
        {
            ("orders:customer_id", false, Severity.Breaking),
            ("revenue", true, Severity.Values),
            ("nested", true, Severity.Info),
        }));
        Assert.That(items[0].Owners, Is.EqualTo(new[] { "@ana", "@org/data" }));
        Assert.That(items[0].Text, Is.EqualTo("`orders` loses `customer_id`"));
        Assert.That(items[1].AcknowledgedBy, Is.EqualTo("bob"));
    }

    [Test]
    public void Parse_CrLfBody_FindsItems() =>
        Assert.That(Checklist.Parse(Body.Replace("\n", "\r\n", StringComparison.Ordinal)), Has.Length.EqualTo(3));

    [Test]
    public void CarryTicks_LiveTicked_TicksSameIdAndDropsRemovedOnes()
    {
        var live = "- [x] a <!-- impactbot:item=a by=@ana -->\n- [x] gone <!-- impactbot:item=gone -->\n- [ ] c <!-- impactbot:item=c -->";
        var fresh = "- [ ] a changed text <!-- impactbot:item=a severity=breaking -->\n- [ ] b <!-- impactbot:item=b -->\n- [x] c <!-- impactbot:item=c -->";

        var merged = Checklist.CarryTicks(fresh, live);

        Assert.That(merged, Is.EqualTo(
            "- [x] a changed text <!-- impactbot:item=a severity=breaking by=@ana -->\n- [ ] b <!-- impactbot:item=b -->\n- [ ] c <!-- impactbot:item=c -->"));
    }

    [Test]
    public void RecordAcknowledgements_NewTick_RecordsEditor()
    {
        var before = "- [ ] a <!-- impactbot:item=a -->\n- [x] b <!-- impactbot:item=b by=@ana -->";
        var after = "- [x] a <!-- impactbot:item=a -->\n- [x] b <!-- impactbot:item=b by=@ana -->";

        var recorded = Checklist.ApplyEdit(after, before, "bob", new Dictionary<string, AckRefusal>());

        Assert.That(Checklist.Parse(recorded).Select(i => i.AcknowledgedBy), Is.EqualTo(new[] { "bob", "ana" }));
    }

    [Test]
    public void RecordAcknowledgements_Unticked_ForgetsAcknowledger()
    {
        var before = "- [x] a <!-- impactbot:item=a by=@ana -->";

        var recorded = Checklist.ApplyEdit("- [ ] a <!-- impactbot:item=a by=@ana -->", before, "bob", new Dictionary<string, AckRefusal>());

        Assert.That(recorded, Is.EqualTo("- [ ] a <!-- impactbot:item=a -->"));
    }

    [Test]
    public void CarryTicks_ItemWithNewKey_TakesTheTickRecordedUnderItsEarlierId()
    {
        var live = $"- [x] orders {ReportMarker.ItemMarker("oldid", Severity.Breaking, acknowledgedBy: "alice")}\n";
        var fresh = $"- [ ] orders {ReportMarker.ItemMarker("newkey", Severity.Breaking, was: "oldid")}\n- [ ] other {ReportMarker.ItemMarker("newkey2", Severity.Breaking, was: "gone")}\n";

        var merged = Checklist.Parse(Checklist.CarryTicks(fresh, live));

        Assert.That(merged.Select(i => (i.Id, i.Ticked, i.AcknowledgedBy)), Is.EqualTo(new[] { ("newkey", true, (string?)"alice"), ("newkey2", false, null) }));
    }

    [Test]
    public void CarryTicks_SameKey_WinsOverTheEarlierId()
    {
        var live = $"- [ ] a {ReportMarker.ItemMarker("key", Severity.Values)}\n- [x] b {ReportMarker.ItemMarker("old", Severity.Values, acknowledgedBy: "bob")}\n";
        var fresh = $"- [ ] a {ReportMarker.ItemMarker("key", Severity.Values, was: "old")}\n";

        Assert.That(Checklist.Parse(Checklist.CarryTicks(fresh, live)).Single().Ticked, Is.False);
    }
}
