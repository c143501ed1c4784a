using ImpactBot.Core.Publishing;
using ImpactBot.Testing.GitHub;

namespace ImpactBot.GitHub.Tests.Publishing;

/// <summary>Core's publisher over real HTTP: what two CI runs racing on one pull request leave behind.</summary>
public sealed class CommentPublisherOnGitHubTests : GitHubTestBase
{
    private const string Item = "- [ ] orders loses customer_id <!-- impactbot:item=orders:customer_id severity=breaking owners=@ana -->\n";

    [Test]
    public async Task PublishAsync_TwoRunsInParallel_LeaveExactlyOneComment()
    {
        for (var round = 0; round < 5; round++)
        {
            Server.Reset();
            var first = new CommentPublisher(Platform()).PublishAsync("run A\n" + Item, new ReportMeta("headsha1", "1"), PublishMode.Update, default);
            var second = new CommentPublisher(Platform()).PublishAsync("run B\n" + Item, new ReportMeta("headsha1", "2"), PublishMode.Update, default);

            await Task.WhenAll(first, second);

            Assert.That(Server.CommentsOn(PullNumber), Has.Count.EqualTo(1), $"round {round}");
        }
    }

    [Test]
    public async Task PublishAsync_DuplicatesOnServer_KeepsOldestWithTicks()
    {
        var oldest = Server.AddComment(ReportMarker.Compose(Item.Replace("[ ]", "[x]", StringComparison.Ordinal), new ReportMeta("h0")), null, PullNumber);
        Server.AddComment(ReportMarker.Compose(Item, new ReportMeta("h0")), null, PullNumber);
        var human = Server.AddComment(ReportMarker.Compose("quoted by a human", new ReportMeta("h0")), new FakeUser("ana", 7), PullNumber);

        var result = await new CommentPublisher(Platform()).PublishAsync("new\n" + Item, new ReportMeta("h1"), PublishMode.Update, default);

        Assert.That(result, Is.EqualTo(new PublishResult(PublishOutcome.Updated, oldest.Id)));
        Assert.That(Server.CommentsOn(PullNumber).Select(c => c.Id), Is.EqualTo(new[] { oldest.Id, human.Id }));
        Assert.That(Checklist.Parse(Server.CommentsOn(PullNumber)[0].Body).Single().Ticked, Is.True);
    }

    [Test]
    public async Task PublishAsync_UpdateHitsDeletedComment_StartsOver()
    {
        Server.AddComment(ReportMarker.Compose("old", new ReportMeta("h0")), null, PullNumber);
        Server.Inject("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", FakeFault.NotFound());

        var result = await new CommentPublisher(Platform()).PublishAsync("new", new ReportMeta("h1"), PublishMode.Update, default);

        Assert.That(result.Outcome, Is.EqualTo(PublishOutcome.Updated));
        Assert.That(Server.CommentsOn(PullNumber).Single().Body, Does.EndWith("new"));
    }

    [Test]
    public async Task PublishAsync_ModeNewWithActionsToken_HidesPreviousReport()
    {
        Server.CurrentUser = null;
        var old = Server.AddComment(ReportMarker.Compose("old @ana", new ReportMeta("h0")), Server.InstallationBot, PullNumber);

        await new CommentPublisher(Platform()).PublishAsync("new @ana", new ReportMeta("h1"), PublishMode.New, default);

        var comments = Server.CommentsOn(PullNumber);
        Assert.That(comments, Has.Count.EqualTo(2));
        Assert.That(comments.Single(c => c.Id == old.Id).Minimized, Is.True);
        Assert.That(comments.Single(c => c.Id != old.Id).Body, Does.EndWith("new `@ana`"));
    }
}
