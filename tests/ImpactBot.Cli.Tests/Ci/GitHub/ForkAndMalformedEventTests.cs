using ImpactBot.Testing.GitHub;

namespace ImpactBot.Cli.Tests.Ci.GitHub;

/// <summary>
/// Fork pull requests through the two-workflow pattern (an unprivileged pull_request run, then a privileged workflow_run job
/// that finds the pull request itself and reads its head as data), and events the bot cannot read.
/// </summary>
public sealed class ForkAndMalformedEventTests
{
    private const string Fork = "outside-contributor";
    private FakeGitHubServer server = null!;
    private ActionsScenario scenario = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        server = await FakeGitHubServer.StartAsync();
        scenario = new ActionsScenario(server);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        scenario.Dispose();
        await server.DisposeAsync();
    }

    [SetUp]
    public void ResetServer()
    {
        scenario.ResetServer();
        server.PullRequests[ActionsScenario.Number] = server.PullRequests[ActionsScenario.Number] with { HeadRepositoryFullName = $"{Fork}/{server.Repo}" };
    }

    [Test]
    public async Task Run_WorkflowRunAfterAForkPullRequestRun_PostsTheReportAndSetsTheRequiredCheckOnTheHead()
    {
        var (code, output, error) = await scenario.RunAsync("workflow_run", scenario.WorkflowRunEvent(Fork, "change"));

        Assert.That(code, Is.EqualTo(0), output + error);
        var check = server.CheckRuns.Single();
        Assert.Multiple(() =>
        {
            Assert.That(server.CommentsOn(ActionsScenario.Number).Single().Body, Does.Contain("customers"));
            Assert.That((check["name"]?.ToString(), check["head_sha"]?.ToString(), check["conclusion"]?.ToString()), Is.EqualTo(("impactbot", scenario.HeadSha, "failure")));
            Assert.That(server.Requests.Single(r => r.Path.EndsWith("/pulls", StringComparison.Ordinal)).Query, Does.Contain($"head={Fork}%3Achange").Or.Contain($"head={Fork}:change"));
        });
    }

    [Test]
    public async Task Run_WorkflowRunForAnOutdatedHead_PostsNothing()
    {
        var (code, output, _) = await scenario.RunAsync("workflow_run", scenario.WorkflowRunEvent(Fork, "change", headSha: scenario.BaseSha));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(output, Does.Contain("no open pull request"));
            Assert.That(server.CommentsOn(ActionsScenario.Number), Is.Empty);
            Assert.That(server.CheckRuns, Is.Empty);
        });
    }

    [Test]
    public async Task Run_WorkflowRunOfAPush_IsIgnored()
    {
        var payload = scenario.WorkflowRunEvent(Fork, "change").Replace("\"event\":\"pull_request\"", "\"event\":\"push\"", StringComparison.Ordinal);

        var (code, output, _) = await scenario.RunAsync("workflow_run", payload);

        Assert.That((code, server.CheckRuns.Count), Is.EqualTo((0, 0)));
        Assert.That(output, Does.Contain("not by a pull request"));
    }

    [Test]
    public async Task Run_UnreadablePullRequestPayloadNamingItsHead_FailsTheJobAndSetsTheCheckToError()
    {
        var payload = $$$"""{"action": "opened", "number": "seven", "pull_request": {"head": {"sha": "{{{scenario.HeadSha}}}"} } }""";

        var (code, output, _) = await scenario.RunAsync("pull_request", payload);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Failure));
            Assert.That(output, Does.Contain("::error").And.Contain("cannot read the pull_request event"));
            var (sha, status) = server.Statuses.Single();
            Assert.That((sha, status["state"]?.ToString(), status["context"]?.ToString()), Is.EqualTo((scenario.HeadSha, "error", "impactbot")));
            Assert.That(server.CommentsOn(ActionsScenario.Number), Is.Empty);
        });
    }

    [TestCase("not json at all")]
    [TestCase("""{"action": 5}""")]
    public async Task Run_UnparsablePayload_FailsClearlyWithoutTouchingGitHub(string payload)
    {
        var (code, output, _) = await scenario.RunAsync("issue_comment", payload);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Failure));
            Assert.That(output, Does.Contain("::error").And.Contain("issue_comment"));
            Assert.That(server.Requests, Is.Empty);
        });
    }
}
