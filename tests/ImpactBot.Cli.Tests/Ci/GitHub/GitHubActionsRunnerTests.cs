using System.Text.RegularExpressions;
using ImpactBot.Testing.GitHub;

namespace ImpactBot.Cli.Tests.Ci.GitHub;

/// <summary>End to end: <c>impactbot run</c> in a simulated Actions job against the fake GitHub API and a real repository.</summary>
public sealed partial class GitHubActionsRunnerTests
{
    private const string Marker = "<!-- impactbot:report -->";
    private const string Bot = "github-actions[bot]";
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
    public void ResetServer() => scenario.ResetServer();

    [Test]
    public async Task Run_PullRequestOpened_PostsOneReportAndFailingCheck()
    {
        var (code, output, error) = await scenario.RunAsync("pull_request", scenario.PullRequestEvent("opened"));

        Assert.That(code, Is.EqualTo(0), error);
        var comment = server.CommentsOn(ActionsScenario.Number).Single();
        Assert.Multiple(() =>
        {
            Assert.That(comment.Body, Does.StartWith(Marker));
            Assert.That(comment.Body, Does.Contain("customers").And.Contain("not_null"));
            Assert.That(comment.User.Login, Is.EqualTo(Bot));
            Assert.That(LatestCheck(), Is.EqualTo(("impactbot", "failure", scenario.HeadSha)));
            Assert.That(output, Does.Contain($"::add-mask::{ActionsScenario.Token}"));
            Assert.That(output.Replace($"::add-mask::{ActionsScenario.Token}", "", StringComparison.Ordinal), Does.Not.Contain(ActionsScenario.Token));
            Assert.That(error, Does.Not.Contain(ActionsScenario.Token));
        });
    }

    [Test]
    public async Task Run_PullRequestOpened_WritesOutputsAndStepSummary()
    {
        await scenario.RunAsync("pull_request", scenario.PullRequestEvent("opened"));

        var outputs = File.ReadAllLines(scenario.OutputFile).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Multiple(() =>
        {
            Assert.That(outputs.Keys, Is.EquivalentTo(new[] { "report", "breaking", "affected", "snapshot" }));
            Assert.That(outputs["report"], Does.StartWith(scenario.RunnerTemp));
            Assert.That(File.ReadAllText(outputs["report"]), Does.Contain("\"impacts\"").And.Contain(scenario.HeadSha));
            Assert.That(int.Parse(outputs["breaking"], System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(2));
            Assert.That(int.Parse(outputs["affected"], System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(int.Parse(outputs["breaking"], System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(outputs["snapshot"], Is.Empty);
            Assert.That(File.ReadAllText(scenario.SummaryFile), Does.Contain("customers").And.Contain("not_null"));
        });
    }

    [Test]
    public async Task Run_SynchronizeAfterOpened_UpdatesTheSameComment()
    {
        await scenario.RunAsync("pull_request", scenario.PullRequestEvent("opened"));
        var first = server.CommentsOn(ActionsScenario.Number).Single();
        scenario.Repo.Checkout("change").Write("models/marts/orders.sql", File.ReadAllText(Path.Combine(scenario.Repo.Path, "models/marts/orders.sql")) + "\n-- touched\n");
        var newHead = scenario.Repo.Commit("touch orders");
        scenario.Repo.Checkout("main");
        server.PullRequests[ActionsScenario.Number] = server.PullRequests[ActionsScenario.Number] with { HeadSha = newHead };

        var (code, _, error) = await scenario.RunAsync("pull_request", scenario.PullRequestEvent("synchronize", headSha: newHead));

        Assert.That(code, Is.EqualTo(0), error);
        var comment = server.CommentsOn(ActionsScenario.Number).Single();
        Assert.Multiple(() =>
        {
            Assert.That(comment.Id, Is.EqualTo(first.Id));
            Assert.That(comment.Body, Does.Contain(newHead));
            Assert.That(LatestCheck().Sha, Is.EqualTo(newHead));
        });
        scenario.Repo.Git("branch", "-f", "change", scenario.HeadSha);
    }

    [Test]
    public async Task Run_SlashCommandByReader_ConfusedAndNoRerun()
    {
        await scenario.RunAsync("pull_request", scenario.PullRequestEvent("opened"));
        var report = server.CommentsOn(ActionsScenario.Number).Single();
        var command = server.AddComment("/impact", new FakeUser("reader", 5), ActionsScenario.Number);
        var checks = server.CheckRuns.Count;

        var (code, output, _) = await scenario.RunAsync("issue_comment", scenario.CommentEvent("created", command.Id, "reader", "/impact"));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(Reactions(command.Id), Is.EqualTo(new[] { "confused" }));
            Assert.That(server.CheckRuns, Has.Count.EqualTo(checks));
            Assert.That(server.CommentsOn(ActionsScenario.Number).Single(c => c.Id == report.Id).Body, Is.EqualTo(report.Body));
            Assert.That(server.CommentsOn(ActionsScenario.Number)[^1].Body, Does.Contain("write access"));
            Assert.That(output, Does.Contain("::notice"));
        });
    }

    [Test]
    public async Task Run_SlashCommandByWriter_EyesThenRocketAndSameComment()
    {
        await scenario.RunAsync("pull_request", scenario.PullRequestEvent("opened"));
        var report = server.CommentsOn(ActionsScenario.Number).Single();
        var command = server.AddComment("/impact full", new FakeUser("writer", 6), ActionsScenario.Number);
        var checks = server.CheckRuns.Count;

        var (code, _, error) = await scenario.RunAsync("issue_comment", scenario.CommentEvent("created", command.Id, "writer", "/impact full"));

        Assert.That(code, Is.EqualTo(0), error);
        Assert.Multiple(() =>
        {
            Assert.That(Reactions(command.Id), Is.EqualTo(new[] { "eyes", "rocket" }));
            Assert.That(server.CommentsOn(ActionsScenario.Number).Count(c => c.Body.StartsWith(Marker, StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(server.CommentsOn(ActionsScenario.Number).Single(c => c.Body.StartsWith(Marker, StringComparison.Ordinal)).Id, Is.EqualTo(report.Id));
            Assert.That(server.CheckRuns, Has.Count.GreaterThan(checks));
            Assert.That(server.Requests.Any(r => r.Operation == "GET /repos/{owner}/{repo}/collaborators/{username}/permission" && r.Path.Contains("/writer/", StringComparison.Ordinal)), Is.True);
        });
    }

    [Test]
    public async Task Run_SlashCommandWhenHeadIsUnknown_ConfusedWithReplyAndFailure()
    {
        var command = server.AddComment("/impact", new FakeUser("writer", 6), ActionsScenario.Number);
        server.PullRequests[ActionsScenario.Number] = server.PullRequests[ActionsScenario.Number] with { HeadSha = new string('e', 40) };

        var (code, _, error) = await scenario.RunAsync("issue_comment", scenario.CommentEvent("created", command.Id, "writer", "/impact"));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Failure));
            Assert.That(error, Does.Contain("is not a commit"));
            Assert.That(Reactions(command.Id), Is.EqualTo(new[] { "eyes", "confused" }));
            Assert.That(server.CommentsOn(ActionsScenario.Number)[^1].Body, Does.Contain("could not rerun the analysis"));
        });
    }

    [Test]
    public async Task Run_MaintainerTicksBreakingItems_StatusSucceedsWithoutAnalysis()
    {
        await scenario.RunAsync("pull_request", scenario.PullRequestEvent("opened"));
        var report = server.CommentsOn(ActionsScenario.Number).Single();
        File.Delete(scenario.OutputFile);
        var ticked = TickBreaking().Replace(report.Body, "- [x]$1");
        Assert.That(ticked, Is.Not.EqualTo(report.Body));
        lock (server.Comments)
        {
            server.Comments[server.Comments.FindIndex(c => c.Id == report.Id)] = report with { Body = ticked };
        }

        var (code, _, error) = await scenario.RunAsync("issue_comment", scenario.CommentEvent("edited", report.Id, Bot, ticked, sender: "maintainer", previousBody: report.Body));

        Assert.That(code, Is.EqualTo(0), error);
        Assert.Multiple(() =>
        {
            Assert.That(LatestCheck(), Is.EqualTo(("impactbot", "success", scenario.HeadSha)));
            Assert.That(server.CommentsOn(ActionsScenario.Number).Single().Body, Does.Contain("by=@maintainer"));
            Assert.That(File.Exists(scenario.OutputFile), Is.False, "no analysis, no outputs");
        });
    }

    [Test]
    public async Task Run_TickInAnEmptyWorkspace_NeedsNoCheckoutAndReadsTheConfigThroughTheApi()
    {
        await scenario.RunAsync("pull_request", scenario.PullRequestEvent("opened"));
        var report = server.CommentsOn(ActionsScenario.Number).Single();
        var ticked = TickBreaking().Replace(report.Body, "- [x]$1");
        lock (server.Comments)
        {
            server.Comments[server.Comments.FindIndex(c => c.Id == report.Id)] = report with { Body = ticked };
        }

        // No checkout at all: the tick job of the README's workflow skips actions/checkout.
        var empty = Directory.CreateTempSubdirectory("impactbot-empty-").FullName;
        server.Files[(scenario.HeadSha, ".impactbot.yml")] = "acknowledge: anyone\n";
        try
        {
            var (code, _, error) = await scenario.RunAsync(
                "issue_comment",
                scenario.CommentEvent("edited", report.Id, Bot, ticked, sender: "reader", previousBody: report.Body),
                new Dictionary<string, string> { ["GITHUB_WORKSPACE"] = empty });

            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(LatestCheck(), Is.EqualTo(("impactbot", "success", scenario.HeadSha)), "acknowledge: anyone came from the API");
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Test]
    public async Task Run_EditOfSomeoneElsesComment_Ignored()
    {
        var other = server.AddComment(Marker + "\n- [x] x", new FakeUser("writer", 6), ActionsScenario.Number);

        var (code, output, _) = await scenario.RunAsync("issue_comment", scenario.CommentEvent("edited", other.Id, "writer", other.Body, previousBody: Marker + "\n- [ ] x"));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(output, Does.Contain("::notice"));
            Assert.That(server.CheckRuns, Is.Empty);
        });
    }

    [Test]
    public async Task Run_TwoRunsAtOnce_StillOneComment()
    {
        var payload = scenario.PullRequestEvent("opened");

        var results = await Task.WhenAll(scenario.RunAsync("pull_request", payload), scenario.RunAsync("pull_request", payload));

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Code), Is.All.EqualTo(0));
            Assert.That(server.CommentsOn(ActionsScenario.Number).Count(c => c.Body.StartsWith(Marker, StringComparison.Ordinal)), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Run_ReadOnlyTokenOnForkPullRequest_WarnsAndLeavesReportInSummary()
    {
        server.Inject("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", FakeFault.Forbidden(), times: 5);

        var (code, output, error) = await scenario.RunAsync("pull_request", scenario.PullRequestEvent("opened", headRepository: "someone/warehouse"));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(output, Does.Contain("::warning").And.Contain("summary only"));
            Assert.That(server.CommentsOn(ActionsScenario.Number), Is.Empty);
            Assert.That(File.ReadAllText(scenario.SummaryFile), Does.Contain("customers"));
        });
    }

    [Test]
    public async Task Run_SnapshotInput_WritesSnapshotRelativeToWorkspace()
    {
        var (code, _, error) = await scenario.RunAsync("pull_request", scenario.PullRequestEvent("opened"), new Dictionary<string, string> { ["INPUT_SNAPSHOT"] = ".impactbot-cache/snapshot.json" });

        var expected = Path.Combine(scenario.Repo.Path, ".impactbot-cache", "snapshot.json");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(File.Exists(expected), Is.True);
            Assert.That(File.ReadAllText(scenario.OutputFile), Does.Contain($"snapshot={expected}"));
        });
        Directory.Delete(Path.GetDirectoryName(expected)!, recursive: true);
    }

    [Test]
    public async Task Run_PushWithSnapshotInput_BuildsSnapshotOfPushedCommitWithoutApiCalls()
    {
        var inputs = new Dictionary<string, string> { ["INPUT_SNAPSHOT"] = Path.Combine(scenario.RunnerTemp, "push", "snapshot.json") };

        var (code, output, error) = await scenario.RunAsync("push", "{}", inputs);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(File.Exists(inputs["INPUT_SNAPSHOT"]), Is.True);
            Assert.That(output, Does.Contain(scenario.BaseSha[..12]));
            Assert.That(File.ReadAllText(scenario.OutputFile), Does.Contain("snapshot=" + inputs["INPUT_SNAPSHOT"]));
            Assert.That(server.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task Run_RepositoryDispatchFromServe_RerunsThePullRequest()
    {
        var payload = $$$"""{"action":"impactbot","client_payload":{"pr":{{{ActionsScenario.Number}}},"full":false},"repository":{"full_name":"{{{server.Owner}}}/{{{server.Repo}}}"}}""";

        var (code, _, error) = await scenario.RunAsync("repository_dispatch", payload);

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(server.CommentsOn(ActionsScenario.Number).Single().Body, Does.StartWith(Marker).And.Contain("customers"));
        Assert.That(LatestCheck(), Is.EqualTo(("impactbot", "failure", scenario.HeadSha)));
    }

    [Test]
    public async Task Run_UnknownEvent_ExitsZeroWithNotice()
    {
        var (code, output, _) = await scenario.RunAsync("workflow_dispatch", "{}");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(output, Does.Contain("::notice").And.Contain("workflow_dispatch"));
            Assert.That(server.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task Run_FailJobInput_ExitsWithFailOnMet()
    {
        var (code, _, _) = await scenario.RunAsync("pull_request", scenario.PullRequestEvent("opened"), new Dictionary<string, string> { ["INPUT_FAIL-JOB"] = "true" });

        Assert.That(code, Is.EqualTo(ExitCodes.FailOnMet));
    }

    [Test]
    public async Task Run_FailOnNeverInput_CheckSucceeds()
    {
        await scenario.RunAsync("pull_request", scenario.PullRequestEvent("opened"), new Dictionary<string, string> { ["INPUT_FAIL-ON"] = "never" });

        Assert.That(LatestCheck().Conclusion, Is.EqualTo("success"));
    }

    [Test]
    public async Task Run_BadFailOnInput_BadInputExitCode()
    {
        var (code, _, error) = await scenario.RunAsync("pull_request", scenario.PullRequestEvent("opened"), new Dictionary<string, string> { ["INPUT_FAIL-ON"] = "sometimes" });

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(error, Does.Contain("fail-on"));
        });
    }

    [Test]
    public async Task Run_NotInActions_PrintsHintAndExitsZero()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await ImpactBotApp.RunAsync(["run"], TextReader.Null, output, error, new Dictionary<string, string>(), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(output.ToString(), Does.Contain("nothing to do"));
        });
    }

    [GeneratedRegex(@"- \[ \](.*severity=breaking.*)")]
    private static partial Regex TickBreaking();

    private (string? Name, string? Conclusion, string? Sha) LatestCheck()
    {
        var run = server.CheckRuns.Last();
        return (run["name"]?.GetValue<string>(), run["conclusion"]?.GetValue<string>(), run["head_sha"]?.GetValue<string>());
    }

    private string[] Reactions(long commentId) => [.. server.Reactions.Where(r => r.CommentId == commentId).Select(r => r.Content)];
}
