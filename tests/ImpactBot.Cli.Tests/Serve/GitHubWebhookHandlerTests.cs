using ImpactBot.Cli.Serve;
using ImpactBot.Core.Config;
using ImpactBot.GitHub;
using ImpactBot.Testing.GitHub;
using Microsoft.Extensions.Logging;
using Moq;
using static ImpactBot.Cli.Tests.Serve.WebhookPayloads;

namespace ImpactBot.Cli.Tests.Serve;

/// <summary>Checklist edits on GitHub: the status policy comes from .impactbot.yml at the pull request's head.</summary>
public sealed class GitHubWebhookHandlerTests
{
    private const string HeadSha = "headsha1";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private FakeGitHubServer gitHub = null!;
    private GitHubConnection connection = null!;
    private Mock<ILogger> logger = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        gitHub = await FakeGitHubServer.StartAsync();
        connection = new GitHubConnection(
            new GitHubConnectionOptions(gitHub.ApiUrl, "ghp_fakeHandlerToken"),
            new GitHubResilienceOptions { MaxRetries = 1, BaseDelay = TimeSpan.Zero, AttemptTimeout = TimeSpan.FromSeconds(5) });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        connection.Dispose();
        await gitHub.DisposeAsync();
    }

    [SetUp]
    public void Reset()
    {
        gitHub.Reset();
        gitHub.PullRequests[1] = new FakePullRequest(1, HeadSha, "basesha1");

        // ana may write but is neither the item's owner nor a maintainer.
        gitHub.Permissions["ana"] = ("write", "write");
        logger = new Mock<ILogger>();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
    }

    [Test]
    public async Task HandleAsync_AcknowledgeAnyoneAtHead_NonOwnerTickPasses()
    {
        gitHub.Files[(HeadSha, ".impactbot.yml")] = "acknowledge: anyone\n";

        var state = await TickAsync();

        Assert.That(state, Is.EqualTo("success"));
        Assert.That(gitHub.Requests.Single(r => r.Operation == "GET /repos/{owner}/{repo}/contents/{path}").Query, Is.EqualTo("?ref=" + HeadSha));
    }

    [Test]
    public async Task HandleAsync_NoConfigFile_OwnersOnlyKeepsFailing()
    {
        gitHub.Files[("basesha1", ".impactbot.yml")] = "acknowledge: anyone\n";

        var state = await TickAsync();

        Assert.That(state, Is.EqualTo("failure"), "only the head's file counts");
        VerifyWarnings(Times.Never());
    }

    [TestCase("acknowledge: anyone\nfail-on: sometimes\n")]
    [TestCase("acknowledge: [anyone\n")]
    public async Task HandleAsync_BrokenConfig_UsesDefaultsAndWarns(string text)
    {
        gitHub.Files[(HeadSha, ".impactbot.yml")] = text;

        var state = await TickAsync();

        Assert.That(state, Is.EqualTo("failure"));
        VerifyWarnings(Times.Once());
    }

    [TestCase(null, "success")]
    [TestCase(FailOn.Breaking, "failure")]
    public async Task HandleAsync_FileSaysNeverNonOwnerTicks_ImpactbotFailOnWins(FailOn? failOn, string expected)
    {
        gitHub.Files[(HeadSha, ".impactbot.yml")] = "fail-on: never\n";

        var state = await TickAsync(failOn);

        Assert.That(state, Is.EqualTo(expected));
    }

    [Test]
    public async Task HandleAsync_AckAllByATeamMember_AcknowledgesInServeWithoutADispatch()
    {
        gitHub.AddTeamMember("octo-org/data", "ana");
        var report = gitHub.AddComment(Report.Replace("severity=breaking -->", "severity=breaking owners=@octo-org/data -->", StringComparison.Ordinal), gitHub.CurrentUser);
        var command = gitHub.AddComment("/impact ack all", new FakeUser("ana", 5));
        var handler = new GitHubWebhookHandler(connection, Http, new ServeOptions { GitHubApiUrl = gitHub.ApiUrl, GitHubToken = "ghp_fakeHandlerToken", GitHubWebhookSecret = "s" }, logger.Object);

        var result = await handler.HandleAsync("issue_comment", CreatedCommentBody(gitHub, command.Id, command.Body, "ana"), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo("acknowledged"), result.Detail);
        Assert.Multiple(() =>
        {
            Assert.That(gitHub.CommentsOn(1).Single(c => c.Id == report.Id).Body, Does.Contain("- [x] ").And.Contain($"by=@ana via=ic{command.Id}"));
            Assert.That(gitHub.CheckRuns.Single()["conclusion"]?.ToString(), Is.EqualTo("success"));
            Assert.That(gitHub.Reactions.Select(r => (r.CommentId, r.Content)), Is.EqualTo(new[] { (command.Id, "rocket") }));
            Assert.That(gitHub.Requests.Any(r => r.Path.EndsWith("/dispatches", StringComparison.Ordinal)), Is.False, "nothing to analyse");
        });
    }

    /// <summary>ana ticks the box of the bot's report; returns the published check conclusion.</summary>
    private async Task<string?> TickAsync(FailOn? failOn = null)
    {
        var body = Ticked(Report);
        var comment = gitHub.AddComment(body);
        var options = new ServeOptions { GitHubApiUrl = gitHub.ApiUrl, GitHubToken = "ghp_fakeHandlerToken", GitHubWebhookSecret = "s", FailOn = failOn };
        var handler = new GitHubWebhookHandler(connection, Http, options, logger.Object);

        var result = await handler.HandleAsync("issue_comment", EditedCommentBody(gitHub, comment.Id, body), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo("acknowledged"), result.Detail);
        return gitHub.CheckRuns.Select(r => r["conclusion"]?.ToString()).Concat(gitHub.Statuses.Select(s => s.Status["state"]?.ToString())).Single();
    }

    private void VerifyWarnings(Times times) =>
        logger.Verify(
            l => l.Log(LogLevel.Warning, It.IsAny<EventId>(), It.Is<It.IsAnyType>((v, _) => v.ToString()!.Contains(".impactbot.yml", StringComparison.Ordinal)), It.IsAny<Exception?>(), It.IsAny<Func<It.IsAnyType, Exception?, string>>()),
            times);
}
