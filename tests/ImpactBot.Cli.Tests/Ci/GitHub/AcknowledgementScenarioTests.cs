using ImpactBot.Core.Publishing;
using ImpactBot.Testing.GitHub;

namespace ImpactBot.Cli.Tests.Ci.GitHub;

/// <summary>
/// End to end on GitHub Actions: who may acknowledge (owners, team members through the API or the teams: map, maintainers),
/// ticks that do not count, /impact ack, and a forged hidden acknowledger — against the fake GitHub API.
/// </summary>
public sealed class AcknowledgementScenarioTests : ActionsScenarioFixture
{
    private const string Bot = "github-actions[bot]";

    [Test]
    public async Task Run_TeamMemberTicksTheTeamsItem_CountsThroughTheTeamApi()
    {
        Server.AddTeamMember("acme/finance", "fin-ana");
        var report = await OpenedAsync();

        var (code, _, error) = await TickAsync(report, "revenue_daily", "fin-ana");

        Assert.That(code, Is.EqualTo(0), error);
        var item = Item(Report().Body, "revenue_daily");
        Assert.Multiple(() =>
        {
            Assert.That((item.Ticked, item.AcknowledgedBy, item.Via), Is.EqualTo((true, (string?)"fin-ana", (string?)"tick")));
            Assert.That(Report().Body, Does.Contain($"- ✅ `{item.ShortId}` `@fin-ana` ticked"));
            Assert.That(Server.Requests.Any(r => r.Path.EndsWith("/orgs/acme/teams/finance/memberships/fin-ana", StringComparison.Ordinal)), Is.True);
        });
    }

    [Test]
    public async Task Run_TeamsUnreadableByTheToken_TheTeamsMapDecides()
    {
        Server.TeamsReadable = false;
        Server.Files[(Scenario.HeadSha, ".impactbot.yml")] = "acknowledge: owners\nteams:\n  \"@acme/finance\": [fin-bo]\n";
        var report = await OpenedAsync();

        await TickAsync(report, "revenue_daily", "fin-bo");

        Assert.That(Item(Report().Body, "revenue_daily").AcknowledgedBy, Is.EqualTo("fin-bo"));
    }

    [Test]
    public async Task Run_NonMemberTicks_TickIsUndoneAndTheCommentSaysWhy()
    {
        Server.AddTeamMember("acme/finance", "fin-ana");
        var report = await OpenedAsync();

        var (code, _, error) = await TickAsync(report, "revenue_daily", "writer");

        Assert.That(code, Is.EqualTo(0), error);
        var item = Item(Report().Body, "revenue_daily");
        Assert.Multiple(() =>
        {
            Assert.That((item.Ticked, item.AcknowledgedBy), Is.EqualTo((false, (string?)null)));
            Assert.That(Report().Body, Does.Contain($"- ⛔ `{item.ShortId}` `@writer` ticked — did not count: not an owner of `@acme/finance`; ask a member or a maintainer"));
            Assert.That(Report().Body, Does.Contain($"ack `{item.ShortId}`: `@acme/finance` or a maintainer"), "each item says who may acknowledge it");
        });
    }

    [Test]
    public async Task Run_EditRewritesTheHiddenAcknowledger_DoesNotCount()
    {
        var report = await OpenedAsync();
        await TickAsync(report, "customers", "writer");
        var refused = Report().Body;
        var id = Item(refused, "customers").Id;
        var line = refused.Split('\n').Single(l => l.Contains($"item={id} ", StringComparison.Ordinal));
        var forged = refused.Replace(line, "- [x] " + line["- [ ] ".Length..].Replace($"item={id} ", $"item={id} by=@alice via=tick ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.That(Item(forged, "customers"), Has.Property("Ticked").True.And.Property("AcknowledgedBy").EqualTo("alice"));
        Replace(report.Id, forged);

        var (code, output, error) = await Scenario.RunAsync("issue_comment", Scenario.CommentEvent("edited", report.Id, Bot, forged, sender: "writer", previousBody: refused));

        Assert.That(code, Is.EqualTo(0), output + error);
        var item = Item(Report().Body, "customers");
        Assert.Multiple(() =>
        {
            Assert.That(item.AcknowledgedBy, Is.Not.EqualTo("alice"), "who acknowledged comes from the event, never from the body");
            Assert.That(item.Ticked, Is.False, "writer's tick does not count");
            Assert.That(LatestCheckConclusion(), Is.EqualTo("failure"));
        });
    }

    [Test]
    public async Task Run_AckCommandByTheOwner_TicksRecordsTheCommandAndReactsRocket()
    {
        var report = await OpenedAsync();
        var id = Item(report.Body, "customers").ShortId;
        var command = Server.AddComment($"/impact ack {id}", new FakeUser("alice", 31), ActionsScenario.Number);

        var (code, _, error) = await Scenario.RunAsync("issue_comment", Scenario.CommentEvent("created", command.Id, "alice", command.Body));

        Assert.That(code, Is.EqualTo(0), error);
        var item = Item(Report().Body, "customers");
        Assert.Multiple(() =>
        {
            Assert.That((item.Ticked, item.AcknowledgedBy, item.Via), Is.EqualTo((true, (string?)"alice", (string?)$"ic{command.Id}")));
            Assert.That(Report().Body, Does.Contain($"- ✅ `{id}` `@alice` [/impact ack](#issuecomment-{command.Id})"));
            Assert.That(Reactions(command.Id), Is.EqualTo(new[] { "rocket" }));
        });
    }

    [Test]
    public async Task Run_AckCommandByANonOwner_DoesNotCountAndRepliesWhy()
    {
        var report = await OpenedAsync();
        var id = Item(report.Body, "customers").ShortId;
        var command = Server.AddComment($"/impact ack {id}", new FakeUser("writer", 6), ActionsScenario.Number);

        await Scenario.RunAsync("issue_comment", Scenario.CommentEvent("created", command.Id, "writer", command.Body));

        Assert.Multiple(() =>
        {
            Assert.That(Item(Report().Body, "customers").Ticked, Is.False);
            Assert.That(Report().Body, Does.Contain($"- ⛔ `{id}` `@writer` [/impact ack](#issuecomment-{command.Id}) — did not count: not an owner of `@alice`; ask an owner or a maintainer"));
            Assert.That(Reactions(command.Id), Is.EqualTo(new[] { "confused" }));
            Assert.That(Server.CommentsOn(ActionsScenario.Number)[^1].Body, Is.EqualTo($"@writer `/impact ack`: `{id}` did not count: not an owner of `@alice`; ask an owner or a maintainer."));
            Assert.That(LatestCheckConclusion(), Is.EqualTo("failure"));
        });
    }

    [Test]
    public async Task Run_AckAllByAMaintainer_AcknowledgesEverythingAndTheCheckPasses()
    {
        await OpenedAsync();
        var command = Server.AddComment("/impact ack all", new FakeUser("maintainer", 8), ActionsScenario.Number);

        var (code, _, error) = await Scenario.RunAsync("issue_comment", Scenario.CommentEvent("created", command.Id, "maintainer", command.Body));

        Assert.That(code, Is.EqualTo(0), error);
        Assert.Multiple(() =>
        {
            Assert.That(Checklist.Parse(Report().Body).All(i => i.Ticked && i.AcknowledgedBy == "maintainer"), Is.True);
            Assert.That(LatestCheckConclusion(), Is.EqualTo("success"));
            Assert.That(Reactions(command.Id), Is.EqualTo(new[] { "rocket" }));
        });
    }

    [Test]
    public async Task Run_AckAllByAWriterUnderOwnersOrMaintainers_NothingCounts()
    {
        await OpenedAsync();
        var command = Server.AddComment("/impact ack all", new FakeUser("writer", 6), ActionsScenario.Number);

        await Scenario.RunAsync("issue_comment", Scenario.CommentEvent("created", command.Id, "writer", command.Body));

        Assert.Multiple(() =>
        {
            Assert.That(Checklist.Parse(Report().Body).Any(i => i.Ticked), Is.False);
            Assert.That(Reactions(command.Id), Is.EqualTo(new[] { "confused" }));
            Assert.That(LatestCheckConclusion(), Is.EqualTo("failure"));
        });
    }

    [Test]
    public async Task Run_AckAllByAWriterUnderAnyoneWithWrite_CheckPasses()
    {
        Server.Files[(Scenario.HeadSha, ".impactbot.yml")] = "acknowledge: anyone-with-write\n";
        await OpenedAsync();
        var command = Server.AddComment("/impact ack all", new FakeUser("writer", 6), ActionsScenario.Number);

        await Scenario.RunAsync("issue_comment", Scenario.CommentEvent("created", command.Id, "writer", command.Body));

        Assert.That(LatestCheckConclusion(), Is.EqualTo("success"));
    }

    private async Task<FakeComment> OpenedAsync()
    {
        var (code, _, error) = await Scenario.RunAsync("pull_request", Scenario.PullRequestEvent("opened"));
        Assert.That(code, Is.EqualTo(0), error);
        return Report();
    }

    /// <summary><paramref name="login"/> ticks the item of <paramref name="asset"/> in the web UI; the edit event follows.</summary>
    private async Task<(int Code, string Output, string Error)> TickAsync(FakeComment report, string asset, string login)
    {
        var before = Report().Body;
        var line = before.Split('\n').Single(l => l.StartsWith("- [ ] ", StringComparison.Ordinal) && l.Contains($"`{asset}`", StringComparison.Ordinal));
        var ticked = before.Replace(line, "- [x] " + line["- [ ] ".Length..], StringComparison.Ordinal);
        Replace(report.Id, ticked);
        return await Scenario.RunAsync("issue_comment", Scenario.CommentEvent("edited", report.Id, Bot, ticked, sender: login, previousBody: before));
    }

    private void Replace(long id, string body)
    {
        lock (Server.Comments)
        {
            var index = Server.Comments.FindIndex(c => c.Id == id);
            Server.Comments[index] = Server.Comments[index] with { Body = body };
        }
    }

    private FakeComment Report() => Server.CommentsOn(ActionsScenario.Number).First(c => ReportMarker.IsReport(c.Body));

    private static ChecklistItem Item(string body, string asset) => Checklist.Parse(body).Single(i => i.Text.Contains($"`{asset}`", StringComparison.Ordinal));

    private string? LatestCheckConclusion() => Server.CheckRuns.Last()["conclusion"]?.GetValue<string>();

    private string[] Reactions(long commentId) => [.. Server.Reactions.Where(r => r.CommentId == commentId).Select(r => r.Content)];
}
