using ImpactBot.Cli.Serve;
using ImpactBot.Core.Impact;
using ImpactBot.Core.Publishing;
using ImpactBot.GitLab;
using ImpactBot.GitLab.Http;
using ImpactBot.GitLab.Webhooks;
using ImpactBot.Testing.GitLab;
using Microsoft.Extensions.Logging.Abstractions;
using static ImpactBot.Cli.Tests.Serve.WebhookPayloads;

namespace ImpactBot.Cli.Tests.Serve;

/// <summary>
/// End to end through serve's GitLab webhook handler and the fake GitLab API: group owners through the group members API or the
/// teams: map, ticks that do not count, and /impact ack, which works for Developers (GitLab lets only Maintainers tick).
/// </summary>
public sealed class GitLabAcknowledgementTests
{
    private const string ItemId = "a1b2c3d4e5f6";
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private static readonly string TeamReport = string.Join('\n',
        ReportMarker.Report,
        "<!-- impactbot:meta head=abc123 -->",
        "## Impact",
        $"- [ ] **orders** reads stg_customers.last_name, which is removed {ReportMarker.ItemMarker(ItemId, Severity.Breaking, ["@group/data"])}",
        "",
        "<!-- impactbot:items breaking=1 values=0 schema=0 info=0 -->",
        "");

    private FakeGitLabServer gitLab = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => gitLab = await FakeGitLabServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await gitLab.DisposeAsync();

    [SetUp]
    public void Reset() => gitLab.Reset();

    [Test]
    public async Task Tick_GroupMemberUnderOwners_CountsThroughTheGroupMembersApi()
    {
        gitLab.SetFile(FakeGitLabServer.HeadSha, ".impactbot.yml", "acknowledge: owners\n");
        gitLab.AddGroupMember("group/data", FakeGitLabServer.Alice);

        var (status, report) = await TickAsync(FakeGitLabServer.Alice);

        Assert.That(status, Is.EqualTo("success"));
        Assert.That(Checklist.Parse(report).Single().AcknowledgedBy, Is.EqualTo("alice"));
        Assert.That(gitLab.RequestsTo("GET", $"/groups/group%2Fdata/members/all/{FakeGitLabServer.Alice.Id}"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Tick_GroupsUnreadable_TheTeamsMapDecides()
    {
        gitLab.SetFile(FakeGitLabServer.HeadSha, ".impactbot.yml", "acknowledge: owners\nteams:\n  \"@group/data\": [alice]\n");
        gitLab.GroupsReadable = false;

        var (status, _) = await TickAsync(FakeGitLabServer.Alice);

        Assert.That(status, Is.EqualTo("success"));
    }

    [Test]
    public async Task Tick_NotAMemberUnderOwners_IsUntickedWithTheReason()
    {
        gitLab.SetFile(FakeGitLabServer.HeadSha, ".impactbot.yml", "acknowledge: owners\n");

        var (status, report) = await TickAsync(FakeGitLabServer.Alice);

        Assert.That(status, Is.EqualTo("failed"));
        Assert.That(Checklist.Parse(report).Single().Ticked, Is.False, "a tick that does not count is unticked, as on GitHub");
        Assert.That(report, Does.Contain("- ⛔ `a1b2c3d` `@alice` ticked — did not count: not an owner of `@group/data`; ask a member"));
    }

    [Test]
    public async Task Tick_GroupsUnreadableAndNotInTheMap_SaysMembershipCouldNotBeRead()
    {
        gitLab.SetFile(FakeGitLabServer.HeadSha, ".impactbot.yml", "acknowledge: owners\n");
        gitLab.GroupsReadable = false;

        var (_, report) = await TickAsync(FakeGitLabServer.Alice);

        Assert.That(report, Does.Contain("did not count: the members of `@group/data` cannot be read with this token and `teams:` in .impactbot.yml does not list them"));
    }

    [Test]
    public async Task AckCommand_DeveloperInTheOwningGroup_AcknowledgesWithAnAuditLine()
    {
        gitLab.AddGroupMember("group/data", FakeGitLabServer.Dave);
        var report = gitLab.AddNote(FakeGitLabServer.Bot, TeamReport);
        var command = gitLab.AddNote(FakeGitLabServer.Dave, "/impact ack a1b2c3d");

        var result = await Handler().HandleAsync(GitLabNoteHook.EventName, NoteHookBody(command.Id, FakeGitLabServer.Dave, command.Body, "create"), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo("acknowledged"), result.Detail);
        var body = gitLab.Notes.Single(n => n.Id == report.Id).Body;
        Assert.Multiple(() =>
        {
            Assert.That(Checklist.Parse(body).Single(), Has.Property("Ticked").True.And.Property("AcknowledgedBy").EqualTo("dave").And.Property("Via").EqualTo($"n{command.Id}"));
            Assert.That(body, Does.Contain($"- ✅ `a1b2c3d` `@dave` [/impact ack](#note_{command.Id})"));
            Assert.That(gitLab.Statuses.Single().Status, Is.EqualTo("success"));
            Assert.That(gitLab.Emoji.Where(e => e.AwardableId == command.Id).Select(e => e.Name), Is.EqualTo(new[] { "rocket" }));
        });
    }

    [Test]
    public async Task AckCommand_AllByAReporterOutsideTheGroup_NothingCountsAndTheReplySaysWhy()
    {
        var report = gitLab.AddNote(FakeGitLabServer.Bot, TeamReport);
        var command = gitLab.AddNote(FakeGitLabServer.Bob, "/impact ack all");

        await Handler().HandleAsync(GitLabNoteHook.EventName, NoteHookBody(command.Id, FakeGitLabServer.Bob, command.Body, "create"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(Checklist.Parse(gitLab.Notes.Single(n => n.Id == report.Id).Body).Single().Ticked, Is.False);
            Assert.That(gitLab.Statuses.Single().Status, Is.EqualTo("failed"));
            Assert.That(gitLab.Emoji.Where(e => e.AwardableId == command.Id).Select(e => e.Name), Is.EqualTo(new[] { "confused" }));
            Assert.That(gitLab.Notes[^1].Body, Is.EqualTo("@bob `/impact ack`: `a1b2c3d` did not count: not an owner of `@group/data`; ask a member or a maintainer."));
        });
    }

    [Test]
    public async Task AckCommand_AllByADeveloperUnderAnyoneWithWrite_Counts()
    {
        gitLab.SetFile(FakeGitLabServer.HeadSha, ".impactbot.yml", "acknowledge: anyone-with-write\n");
        gitLab.AddNote(FakeGitLabServer.Bot, TeamReport);
        var command = gitLab.AddNote(FakeGitLabServer.Dave, "/impact ack all");

        await Handler().HandleAsync(GitLabNoteHook.EventName, NoteHookBody(command.Id, FakeGitLabServer.Dave, command.Body, "create"), CancellationToken.None);

        Assert.That(gitLab.Statuses.Single().Status, Is.EqualTo("success"));
    }

    [Test]
    public async Task AckCommand_UnknownId_RepliesWithoutChangingTheReport()
    {
        var report = gitLab.AddNote(FakeGitLabServer.Bot, TeamReport);
        var command = gitLab.AddNote(FakeGitLabServer.Dave, "/impact ack ffff");

        await Handler().HandleAsync(GitLabNoteHook.EventName, NoteHookBody(command.Id, FakeGitLabServer.Dave, command.Body, "create"), CancellationToken.None);

        Assert.That(gitLab.Notes.Single(n => n.Id == report.Id).Body, Is.EqualTo(TeamReport));
        Assert.That(gitLab.Notes[^1].Body, Does.Contain("No single item has the id `ffff`"));
    }

    /// <summary><paramref name="editor"/> ticks the box in the bot's note; returns the status and the note as the bot left it.</summary>
    private async Task<(string Status, string Report)> TickAsync(FakeUser editor)
    {
        var report = gitLab.AddNote(FakeGitLabServer.Bot, TeamReport);
        var edited = gitLab.EditNote(report.Id, Ticked);

        var result = await Handler().HandleAsync(GitLabNoteHook.EventName, NoteHookBody(report.Id, editor, edited.Body, "update", FakeGitLabServer.Bot.Id), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo("acknowledged"), result.Detail);
        return (gitLab.Statuses.Single().Status, gitLab.Notes.Single(n => n.Id == report.Id).Body);
    }

    private GitLabWebhookHandler Handler()
    {
        var options = new ServeOptions { GitLabApiUrl = gitLab.ApiBaseUrl, GitLabToken = FakeGitLabServer.BotToken, GitLabWebhookSecret = "s" };
        var client = new GitLabClient(Http, new GitLabClientOptions(gitLab.ApiBaseUrl, GitLabCredentials.PrivateToken(FakeGitLabServer.BotToken))
        {
            Resilience = new GitLabResilienceOptions { MaxRetries = 1, BaseDelay = TimeSpan.Zero, UseJitter = false, AttemptTimeout = TimeSpan.FromSeconds(5) },
        });
        return new GitLabWebhookHandler(client, options, NullLogger.Instance);
    }
}
