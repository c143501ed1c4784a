using ImpactBot.Testing.GitHub;

namespace ImpactBot.Cli.Tests.Ci.GitHub;

/// <summary>
/// Fork pull requests through the two-workflow pattern (an unprivileged pull_request run, then a privileged workflow_run job
/// that finds the pull request itself and reads its head as data), and events the bot cannot read.
/// </summary>
public sealed class ForkAndMalformedEventTests : ActionsScenarioFixture
{
    private const string Fork = "outside-contributor";

    private protected override void OnReset()
    {
        Server.PullRequests[ActionsScenario.Number] = Server.PullRequests[ActionsScenario.Number] with { HeadRepositoryFullName = $"{Fork}/{Server.Repo}" };
    }

    [Test]
    public async Task Run_WorkflowRunAfterAForkPullRequestRun_PostsTheReportAndSetsTheRequiredCheckOnTheHead()
    {
        var (code, output, error) = await Scenario.RunAsync("workflow_run", Scenario.WorkflowRunEvent(Fork, "change"));

        Assert.That(code, Is.EqualTo(0), output + error);
        var check = Server.CheckRuns.Single();
        Assert.Multiple(() =>
        {
            Assert.That(Server.CommentsOn(ActionsScenario.Number).Single().Body, Does.Contain("customers"));
            Assert.That((check["name"]?.ToString(), check["head_sha"]?.ToString(), check["conclusion"]?.ToString()), Is.EqualTo(("impactbot", Scenario.HeadSha, "failure")));
            Assert.That(Server.Requests.Single(r => r.Path.EndsWith("/pulls", StringComparison.Ordinal)).Query, Does.Contain($"head={Fork}%3Achange").Or.Contain($"head={Fork}:change"));
        });
    }

    [Test]
    public async Task Run_WorkflowRunForAnOutdatedHead_PostsNothing()
    {
        var (code, output, _) = await Scenario.RunAsync("workflow_run", Scenario.WorkflowRunEvent(Fork, "change", headSha: Scenario.BaseSha));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(output, Does.Contain("no open pull request"));
            Assert.That(Server.CommentsOn(ActionsScenario.Number), Is.Empty);
            Assert.That(Server.CheckRuns, Is.Empty);
        });
    }

    [Test]
    public async Task Run_WorkflowRunOfAPush_IsIgnored()
    {
        var payload = Scenario.WorkflowRunEvent(Fork, "change").Replace("\"event\":\"pull_request\"", "\"event\":\"push\"", StringComparison.Ordinal);

        var (code, output, _) = await Scenario.RunAsync("workflow_run", payload);

        Assert.That((code, Server.CheckRuns.Count), Is.EqualTo((0, 0)));
        Assert.That(output, Does.Contain("not by a pull request"));
    }

    [Test]
    public async Task Run_UnreadablePullRequestPayloadNamingItsHead_FailsTheJobAndSetsTheCheckToError()
    {
        var payload = $$$"""{"action": "opened", "number": "seven", "pull_request": {"head": {"sha": "{{{Scenario.HeadSha}}}"} } }""";

        var (code, output, _) = await Scenario.RunAsync("pull_request", payload);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Failure));
            Assert.That(output, Does.Contain("::error").And.Contain("cannot read the pull_request event"));
            var (sha, status) = Server.Statuses.Single();
            Assert.That((sha, status["state"]?.ToString(), status["context"]?.ToString()), Is.EqualTo((Scenario.HeadSha, "error", "impactbot")));
            Assert.That(Server.CommentsOn(ActionsScenario.Number), Is.Empty);
        });
    }

    [TestCase("not json at all")]
    [TestCase("""{"action": 5}""")]
    public async Task Run_UnparsablePayload_FailsClearlyWithoutTouchingGitHub(string payload)
    {
        var (code, output, _) = await Scenario.RunAsync("issue_comment", payload);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Failure));
            Assert.That(output, Does.Contain("::error").And.Contain("issue_comment"));
            Assert.That(Server.Requests, Is.Empty);
        });
    }
}
