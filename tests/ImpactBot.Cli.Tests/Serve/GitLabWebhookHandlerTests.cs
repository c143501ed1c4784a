using ImpactBot.Cli.Serve;
using ImpactBot.Core.Config;
using ImpactBot.GitLab;
using ImpactBot.GitLab.Http;
using ImpactBot.GitLab.Webhooks;
using ImpactBot.Testing.GitLab;
using Microsoft.Extensions.Logging;
using Moq;
using static ImpactBot.Cli.Tests.Serve.WebhookPayloads;

namespace ImpactBot.Cli.Tests.Serve;

/// <summary>Edits of the bot's report note: the policy comes from .impactbot.yml at the head, the status goes on the head pipeline.</summary>
public sealed class GitLabWebhookHandlerTests
{
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private FakeGitLabServer gitLab = null!;
    private Mock<ILogger> logger = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => gitLab = await FakeGitLabServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await gitLab.DisposeAsync();

    [SetUp]
    public void Reset()
    {
        gitLab.Reset();
        logger = new Mock<ILogger>();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
    }

    [Test]
    public async Task HandleAsync_AcknowledgeAnyoneAtHead_ReporterTickPasses()
    {
        gitLab.SetFile(FakeGitLabServer.HeadSha, ".impactbot.yml", "acknowledge: anyone\n");

        var status = await EditReportAsync(FakeGitLabServer.Bob);

        Assert.That((status.Sha, status.Status), Is.EqualTo((FakeGitLabServer.HeadSha, "success")));
        Assert.That(gitLab.RequestsTo("GET", "/repository/files/.impactbot.yml/raw").Single().Query, Is.EqualTo("?ref=" + FakeGitLabServer.HeadSha));
    }

    [Test]
    public async Task HandleAsync_NoConfigFile_OwnersOnlyKeepsFailing()
    {
        gitLab.SetFile(FakeGitLabServer.BaseSha, ".impactbot.yml", "acknowledge: anyone\n");

        var status = await EditReportAsync(FakeGitLabServer.Bob);

        Assert.That(status.Status, Is.EqualTo("failed"), "only the head's file counts");
        VerifyWarnings(Times.Never());
    }

    [TestCase("acknowledge: anyone\nfail-on: sometimes\n")]
    [TestCase("acknowledge: [anyone\n")]
    public async Task HandleAsync_BrokenConfig_UsesDefaultsAndWarns(string text)
    {
        gitLab.SetFile(FakeGitLabServer.HeadSha, ".impactbot.yml", text);

        var status = await EditReportAsync(FakeGitLabServer.Bob);

        Assert.That(status.Status, Is.EqualTo("failed"));
        VerifyWarnings(Times.Once());
    }

    [TestCase(null, "success")]
    [TestCase(FailOn.Breaking, "failed")]
    public async Task HandleAsync_FileSaysNeverNonOwnerTicks_ImpactbotFailOnWins(FailOn? failOn, string expected)
    {
        gitLab.SetFile(FakeGitLabServer.HeadSha, ".impactbot.yml", "fail-on: never\n");

        var status = await EditReportAsync(FakeGitLabServer.Bob, failOn);

        Assert.That(status.Status, Is.EqualTo(expected));
    }

    [Test]
    public async Task HandleAsync_HeadPipelineOnTheHead_StatusCarriesItsId()
    {
        var pipeline = gitLab.FinishedPipeline();
        gitLab.HeadPipeline = pipeline;

        var status = await EditReportAsync(FakeGitLabServer.Alice);

        Assert.That(status.PipelineId, Is.EqualTo(pipeline.Id));
        Assert.That(gitLab.RequestsTo("POST", $"/statuses/{FakeGitLabServer.HeadSha}").Single().Body, Does.Contain($"\"pipeline_id\":{pipeline.Id}"));
    }

    [Test]
    public async Task HandleAsync_NoHeadPipeline_StatusWithoutPipelineId()
    {
        var status = await EditReportAsync(FakeGitLabServer.Alice);

        Assert.That(status.PipelineId, Is.Null);
        Assert.That(gitLab.RequestsTo("POST", $"/statuses/{FakeGitLabServer.HeadSha}").Single().Body, Does.Not.Contain("pipeline_id"));
    }

    [Test]
    public async Task HandleAsync_HeadPipelineOnAMergeCommit_StatusWithoutPipelineId()
    {
        // A merged-results pipeline runs on a merge commit; GitLab would refuse its id for a status on the head.
        gitLab.HeadPipeline = gitLab.FinishedPipeline(sha: "4444444444444444444444444444444444444444");

        var status = await EditReportAsync(FakeGitLabServer.Alice);

        Assert.That(status.PipelineId, Is.Null);
    }

    /// <summary><paramref name="editor"/> ticks the box of the bot's report note; returns the published status.</summary>
    private async Task<FakeCommitStatus> EditReportAsync(FakeUser editor, FailOn? failOn = null)
    {
        var report = gitLab.AddNote(FakeGitLabServer.Bot, Report);
        var edited = gitLab.EditNote(report.Id, Ticked);
        var options = new ServeOptions { GitLabApiUrl = gitLab.ApiBaseUrl, GitLabToken = FakeGitLabServer.BotToken, GitLabWebhookSecret = "s", FailOn = failOn };
        var client = new GitLabClient(Http, new GitLabClientOptions(gitLab.ApiBaseUrl, GitLabCredentials.PrivateToken(FakeGitLabServer.BotToken))
        {
            Resilience = new GitLabResilienceOptions { MaxRetries = 1, BaseDelay = TimeSpan.Zero, UseJitter = false, AttemptTimeout = TimeSpan.FromSeconds(5) },
        });
        var handler = new GitLabWebhookHandler(client, options, logger.Object);

        var result = await handler.HandleAsync(GitLabNoteHook.EventName, NoteHookBody(report.Id, editor, edited.Body, "update", FakeGitLabServer.Bot.Id), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo("acknowledged"), result.Detail);
        return gitLab.Statuses.Single();
    }

    private void VerifyWarnings(Times times) =>
        logger.Verify(
            l => l.Log(LogLevel.Warning, It.IsAny<EventId>(), It.Is<It.IsAnyType>((v, _) => v.ToString()!.Contains(".impactbot.yml", StringComparison.Ordinal)), It.IsAny<Exception?>(), It.IsAny<Func<It.IsAnyType, Exception?, string>>()),
            times);
}
