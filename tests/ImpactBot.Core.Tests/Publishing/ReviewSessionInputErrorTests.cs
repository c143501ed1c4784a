using ImpactBot.Core.Files;
using ImpactBot.Core.Graph;
using ImpactBot.Core.Platform;
using ImpactBot.Core.Publishing;
using ImpactBot.Core.Report;
using ImpactBot.Sql.Text;

namespace ImpactBot.Core.Tests.Publishing;

/// <summary>Input errors (duplicate names, an unreadable changed file) fail the check even when no impact blocks.</summary>
public sealed class ReviewSessionInputErrorTests
{
    [Test]
    public async Task Publish_ReportWithDuplicateNames_StatusFailsNamingTheFile()
    {
        var platform = new InMemoryReviewPlatform();
        var report = new ImpactReport("base", "head", [], [], [new FileDiagnostic(GraphBuilder.DuplicateCode, "two models are named 'orders'", "models/b/orders.sql", 1, 0, DiagnosticSeverity.Error)]);

        var session = new ReviewSession(platform, new ReviewSessionOptions());
        var (_, status) = await session.PublishAsync(report, session.Render(report), new ReportMeta("head"), CancellationToken.None);

        Assert.That(status.State, Is.EqualTo(StatusState.Failure));
        Assert.That(status.Description, Does.Contain("models/b/orders.sql").And.Contain(GraphBuilder.DuplicateCode));
        Assert.That(platform.Statuses.Single().State, Is.EqualTo(StatusState.Failure));
    }

    [Test]
    public async Task Publish_ReportWithOnlyWarnings_StatusPasses()
    {
        var platform = new InMemoryReviewPlatform();
        var report = new ImpactReport("base", "head", [], [], [new FileDiagnostic("unparsed-span", "skipped", "models/a.sql", 3, 1)]);

        var session = new ReviewSession(platform, new ReviewSessionOptions());
        var (_, status) = await session.PublishAsync(report, session.Render(report), new ReportMeta("head"), CancellationToken.None);

        Assert.That(status.State, Is.EqualTo(StatusState.Success));
    }

    [Test]
    public void Evaluate_BodyOfAReportWithInputErrors_FailsAlthoughNothingIsLeftToTick()
    {
        var report = new ImpactReport("base", "head", [], [], [new FileDiagnostic(GraphBuilder.DuplicateCode, "two models are named 'orders'", "models/b/orders.sql", 1, 0, DiagnosticSeverity.Error)]);
        var options = new ReviewSessionOptions();
        var body = new ReviewSession(new InMemoryReviewPlatform(), options).Render(report);

        var status = StatusEvaluator.Evaluate(body, options.Policy);

        Assert.That(body, Does.Contain("errors=1"));
        Assert.That(status.State, Is.EqualTo(StatusState.Failure));
        Assert.That(status.Description, Does.Contain("1 input error"));
    }
}
