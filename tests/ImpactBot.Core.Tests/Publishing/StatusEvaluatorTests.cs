using ImpactBot.Core.Config;
using ImpactBot.Core.Impact;
using ImpactBot.Core.Platform;
using ImpactBot.Core.Publishing;

namespace ImpactBot.Core.Tests.Publishing;

public sealed class StatusEvaluatorTests
{
    private static ChecklistItem Item(string id, Severity severity, bool ticked = false, string? by = null, params string[] owners) =>
        new(id, ticked, severity) { AcknowledgedBy = by, Owners = [.. owners] };

    [Test]
    public void Evaluate_TwoUntickedBreaking_FailsWithCount()
    {
        var decision = StatusEvaluator.Evaluate(
            [Item("a", Severity.Breaking), Item("b", Severity.Breaking), Item("c", Severity.Values)],
            new StatusPolicy());

        Assert.That(decision.State, Is.EqualTo(StatusState.Failure));
        Assert.That(decision.Description, Is.EqualTo("2 breaking impacts awaiting acknowledgement"));
    }

    [Test]
    public void Evaluate_AllBreakingTicked_Succeeds()
    {
        var decision = StatusEvaluator.Evaluate([Item("a", Severity.Breaking, ticked: true)], new StatusPolicy());

        Assert.That((decision.State, decision.Description), Is.EqualTo((StatusState.Success, "All 1 breaking impact acknowledged")));
    }

    [Test]
    public void Evaluate_FailOnValues_CountsBothSeverities() =>
        Assert.That(
            StatusEvaluator.Evaluate([Item("a", Severity.Breaking), Item("b", Severity.Values), Item("c", Severity.Schema)], new StatusPolicy(FailOn.Values)).Description,
            Is.EqualTo("1 breaking and 1 values impacts awaiting acknowledgement"));

    [TestCase(FailOn.Breaking, StatusState.Success)]
    [TestCase(FailOn.Values, StatusState.Success)]
    [TestCase(FailOn.Any, StatusState.Failure)]
    [TestCase(FailOn.Never, StatusState.Success)]
    public void Evaluate_UntickedSchemaItem_FailsOnlyForAny(FailOn failOn, StatusState expected) =>
        Assert.That(StatusEvaluator.Evaluate([Item("a", Severity.Schema)], new StatusPolicy(failOn)).State, Is.EqualTo(expected));

    [Test]
    public void Evaluate_NoItems_SaysNoImpacts() =>
        Assert.That(StatusEvaluator.Evaluate([], new StatusPolicy()).Description, Is.EqualTo("No breaking impacts"));

    [Test]
    public void Evaluate_OwnersOnlyTickByStranger_ListsUnconfirmed()
    {
        var items = new[]
        {
            Item("a", Severity.Breaking, ticked: true, by: "mallory", "@ana"),
            Item("b", Severity.Breaking, ticked: true, by: "ana", "@ana"),
            Item("c", Severity.Breaking, ticked: true, by: "lead", "@ana"),
        };

        var decision = StatusEvaluator.Evaluate(items, new StatusPolicy(Acknowledge: AcknowledgePolicy.OwnersOrMaintainers), item => item.AcknowledgedBy is "ana" or "lead");

        Assert.That(decision.State, Is.EqualTo(StatusState.Failure));
        Assert.That(decision.Unconfirmed.Select(i => i.Id), Is.EqualTo(new[] { "a" }));
        Assert.That(decision.Description, Is.EqualTo("1 breaking impact awaiting acknowledgement (1 ticked by someone who may not acknowledge)"));
    }
}
