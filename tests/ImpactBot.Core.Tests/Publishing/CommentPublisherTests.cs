using ImpactBot.Core.Publishing;

namespace ImpactBot.Core.Tests.Publishing;

public sealed class CommentPublisherTests
{
    private const string Bot = "impact-bot";
    private static readonly DateTimeOffset Monday = new(2026, 2, 2, 9, 0, 0, TimeSpan.Zero);

    private static string Report(string head, string content) => ReportMarker.Compose(content, new ReportMeta(head));

    [Test]
    public async Task PublishAsync_NoReport_CreatesOne()
    {
        var platform = new InMemoryReviewPlatform(Bot);

        var result = await new CommentPublisher(platform).PublishAsync("## Impact\n", new ReportMeta("h1", "1"), PublishMode.Update, default);

        Assert.That(result.Outcome, Is.EqualTo(PublishOutcome.Created));
        Assert.That(platform.Comments.Single().Body, Is.EqualTo(ReportMarker.Compose("## Impact\n", new ReportMeta("h1", "1"))));
    }

    [Test]
    public async Task PublishAsync_Duplicates_KeepsOldestAndUpdatesIt()
    {
        var platform = new InMemoryReviewPlatform(Bot);
        var human = platform.Seed("ana", Report("h0", "a human quoting the marker"));
        var oldest = platform.Seed(Bot, Report("h0", "first"));
        platform.Seed(Bot, Report("h0", "second"));

        var result = await new CommentPublisher(platform).PublishAsync("third", new ReportMeta("h1"), PublishMode.Update, default);

        Assert.That(result, Is.EqualTo(new PublishResult(PublishOutcome.Updated, oldest.Id)));
        Assert.That(platform.Comments.Select(c => c.Id), Is.EqualTo(new[] { human.Id, oldest.Id }));
        Assert.That(platform.Comments[1].Body, Does.EndWith("third"));
    }

    [Test]
    public async Task PublishAsync_TwoConcurrentRuns_LeaveOneComment()
    {
        var platform = new InMemoryReviewPlatform(Bot);

        await Task.WhenAll(
            new CommentPublisher(platform).PublishAsync("a", new ReportMeta("h1", "1"), PublishMode.Update, default),
            new CommentPublisher(platform).PublishAsync("a", new ReportMeta("h1", "2"), PublishMode.Update, default));

        Assert.That(platform.Comments, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task PublishAsync_TickedInLiveComment_CarriesTickOver()
    {
        var platform = new InMemoryReviewPlatform(Bot);
        var live = platform.Seed(Bot, Report("h0", "- [ ] x <!-- impactbot:item=x -->\n- [ ] y <!-- impactbot:item=y -->"));
        var publisher = new CommentPublisher(platform);
        platform.EditAsHuman(live.Id, b => b.Replace("- [ ] x", "- [x] x", StringComparison.Ordinal));

        await publisher.PublishAsync("- [ ] x again <!-- impactbot:item=x -->\n- [ ] z <!-- impactbot:item=z -->", new ReportMeta("h1"), PublishMode.Update, default);

        Assert.That(Checklist.Parse(platform.Comments.Single().Body).Select(i => (i.Id, i.Ticked)), Is.EqualTo(new[] { ("x", true), ("z", false) }));
    }

    [Test]
    public async Task PublishAsync_Rerun_KeepsRecordedAcknowledgementsAndTheirAuditLines()
    {
        var platform = new InMemoryReviewPlatform(Bot);
        var live = AcknowledgementLog.Write("- [x] x <!-- impactbot:item=xxxx1111 owners=@ana by=@ana via=ic5 -->\n- [ ] y <!-- impactbot:item=yyyy2222 owners=@ana no=@bob:tick:owner -->\n- [x] gone <!-- impactbot:item=gone by=@ana via=tick -->\n");
        platform.Seed(Bot, Report("h0", live));

        await new CommentPublisher(platform).PublishAsync("- [ ] x <!-- impactbot:item=xxxx1111 owners=@ana -->\n- [ ] y <!-- impactbot:item=yyyy2222 owners=@ana -->\n", new ReportMeta("h1"), PublishMode.Update, default);

        var body = platform.Comments.Single().Body;
        Assert.That(body, Does.Contain("- ✅ `xxxx111` `@ana` [/impact ack](#issuecomment-5)\n- ⛔ `yyyy222` `@bob` ticked — did not count: not an owner of `@ana`; ask an owner\n"));
        Assert.That(body, Does.Not.Contain("gone"), "the acknowledgement of an item that no longer exists goes with it");
    }

    [Test]
    public async Task PublishAsync_TickWhileAnalysing_ReReadsBeforeWriting()
    {
        var platform = new InMemoryReviewPlatform(Bot);
        var live = platform.Seed(Bot, Report("h0", "- [ ] x <!-- impactbot:item=x -->"));
        var ticked = false;
        var options = new CommentPublisherOptions
        {
            IsAncestor = (_, _, _) =>
            {
                // A human ticks the box while the publisher compares commits.
                if (!ticked)
                {
                    platform.EditAsHuman(live.Id, b => b.Replace("[ ]", "[x]", StringComparison.Ordinal));
                    ticked = true;
                }

                return ValueTask.FromResult(false);
            },
        };

        await new CommentPublisher(platform, options).PublishAsync("- [ ] x <!-- impactbot:item=x -->", new ReportMeta("h1"), PublishMode.Update, default);

        Assert.That(Checklist.Parse(platform.Comments.Single().Body).Single().Ticked, Is.True);
    }

    [Test]
    public async Task PublishAsync_SameReportOtherRun_SkipsWrite()
    {
        var platform = new InMemoryReviewPlatform(Bot);
        platform.Seed(Bot, ReportMarker.Compose("same", new ReportMeta("h1", "1")));

        var result = await new CommentPublisher(platform).PublishAsync("same", new ReportMeta("h1", "2"), PublishMode.Update, default);

        Assert.That(result.Outcome, Is.EqualTo(PublishOutcome.Unchanged));
        Assert.That(platform.Calls, Has.None.StartsWith("update"));
    }

    [Test]
    public async Task PublishAsync_LiveIsNewerByAncestry_LeavesItAlone()
    {
        var platform = new InMemoryReviewPlatform(Bot);
        platform.Seed(Bot, Report("new", "newer report"));
        var options = new CommentPublisherOptions { IsAncestor = (a, d, _) => ValueTask.FromResult(a == "old" && d == "new") };

        var result = await new CommentPublisher(platform, options).PublishAsync("older report", new ReportMeta("old"), PublishMode.Update, default);

        Assert.That(result.Outcome, Is.EqualTo(PublishOutcome.SkippedOlderHead));
        Assert.That(platform.Comments.Single().Body, Does.EndWith("newer report"));
    }

    [Test]
    public async Task PublishAsync_LiveIsNewerByCommitTime_LeavesItAlone()
    {
        var platform = new InMemoryReviewPlatform(Bot);
        platform.Seed(Bot, ReportMarker.Compose("newer", new ReportMeta("new", null, Monday.AddHours(1))));

        var result = await new CommentPublisher(platform).PublishAsync("older", new ReportMeta("old", null, Monday), PublishMode.Update, default);

        Assert.That(result.Outcome, Is.EqualTo(PublishOutcome.SkippedOlderHead));
    }

    [Test]
    public async Task PublishAsync_LiveIsOlderByCommitTime_Updates()
    {
        var platform = new InMemoryReviewPlatform(Bot);
        platform.Seed(Bot, ReportMarker.Compose("older", new ReportMeta("old", null, Monday)));

        var result = await new CommentPublisher(platform).PublishAsync("newer", new ReportMeta("new", null, Monday.AddHours(1)), PublishMode.Update, default);

        Assert.That(result.Outcome, Is.EqualTo(PublishOutcome.Updated));
    }

    [Test]
    public async Task PublishAsync_OwnersMentionedBefore_MentionsOnlyNewOwners()
    {
        var platform = new InMemoryReviewPlatform(Bot);
        platform.Seed(Bot, Report("h0", "owners: @ana"));

        await new CommentPublisher(platform).PublishAsync("owners: @ana @bob", new ReportMeta("h1"), PublishMode.Update, default);

        Assert.That(platform.Comments.Single().Body, Does.EndWith("owners: `@ana` @bob"));
    }

    [Test]
    public async Task PublishAsync_TooLong_TruncatesToLimit()
    {
        var platform = new InMemoryReviewPlatform(Bot);
        var content = string.Join('\n', Enumerable.Repeat("line of the report", 100));

        await new CommentPublisher(platform, new CommentPublisherOptions { MaxBodyLength = 500 })
            .PublishAsync(content, new ReportMeta("h1"), PublishMode.Update, default);

        var body = platform.Comments.Single().Body;
        Assert.That(body, Has.Length.LessThanOrEqualTo(500));
        Assert.That(body, Does.Contain("Report truncated").And.StartWith(ReportMarker.Report));
    }

    [Test]
    public async Task PublishAsync_ModeNew_PostsNewAndRetiresOld()
    {
        var platform = new InMemoryReviewPlatform(Bot);
        var old = platform.Seed(Bot, Report("h0", "- [x] a <!-- impactbot:item=a -->"));

        var result = await new CommentPublisher(platform).PublishAsync("- [ ] a <!-- impactbot:item=a -->", new ReportMeta("h1"), PublishMode.New, default);

        Assert.That(platform.Hidden, Is.EqualTo(new[] { old.Id }));
        Assert.That(platform.Comments.Single(c => c.Id == old.Id).Body, Does.StartWith(ReportMarker.Outdated));
        Assert.That(Checklist.Parse(platform.Comments.Single(c => c.Id == result.CommentId).Body).Single().Ticked, Is.True);
    }

    [Test]
    public void PublishAsync_CommentKeepsVanishing_GivesUpAfterThreeRounds()
    {
        var platform = new InMemoryReviewPlatform(Bot) { UpdatesGone = true };
        platform.Seed(Bot, Report("h0", "old"));
        var publisher = new CommentPublisher(platform);

        Assert.That(
            () => publisher.PublishAsync("new", new ReportMeta("h1"), PublishMode.Update, default),
            Throws.TypeOf<ImpactBot.Core.Platform.PlatformException>().With.Message.Contains("gave up after 3 rounds"));
        Assert.That(platform.Calls.Count(c => c.StartsWith("update", StringComparison.Ordinal)), Is.EqualTo(3));
    }

    [Test]
    public async Task PublishAsync_ModeOff_CallsNothing()
    {
        var platform = new InMemoryReviewPlatform(Bot);

        var result = await new CommentPublisher(platform).PublishAsync("x", new ReportMeta("h1"), PublishMode.Off, default);

        Assert.That(result.Outcome, Is.EqualTo(PublishOutcome.Disabled));
        Assert.That(platform.Calls, Is.Empty);
    }
}
