using System.Text.RegularExpressions;
using ImpactBot.Testing.GitHub;

namespace ImpactBot.Cli.Tests.Ci.GitHub;

/// <summary>End to end: <c>impactbot run</c> in a simulated Actions job against the fake GitHub API and a real repository.</summary>
public sealed partial class GitHubActionsRunnerTests : ActionsScenarioFixture
{
    private const string Marker = "<!-- impactbot:report -->";
    private const string Bot = "github-actions[bot]";

    [Test]
    public async Task Run_PullRequestOpened_PostsOneReportAndFailingCheck()
    {
        var (code, output, error) = await Scenario.RunAsync("pull_request", Scenario.PullRequestEvent("opened"));

        Assert.That(code, Is.EqualTo(0), error);
        var comment = Server.CommentsOn(ActionsScenario.Number).Single();
        Assert.Multiple(() =>
        {
            Assert.That(comment.Body, Does.StartWith(Marker));
            Assert.That(comment.Body, Does.Contain("customers").And.Contain("not_null"));
            Assert.That(comment.User.Login, Is.EqualTo(Bot));
            Assert.That(LatestCheck(), Is.EqualTo(("impactbot", "failure", Scenario.HeadSha)));
            Assert.That(output, Does.Contain($"::add-mask::{ActionsScenario.Token}"));
            Assert.That(output.Replace($"::add-mask::{ActionsScenario.Token}", "", StringComparison.Ordinal), Does.Not.Contain(ActionsScenario.Token));
            Assert.That(error, Does.Not.Contain(ActionsScenario.Token));
        });
    }

    [Test]
    public async Task Run_PullRequestOpened_WritesOutputsAndStepSummary()
    {
        await Scenario.RunAsync("pull_request", Scenario.PullRequestEvent("opened"));

        var outputs = File.ReadAllLines(Scenario.OutputFile).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Multiple(() =>
        {
            Assert.That(outputs.Keys, Is.EquivalentTo(new[] { "report", "breaking", "affected", "snapshot" }));
            Assert.That(outputs["report"], Does.StartWith(Scenario.RunnerTemp));
            Assert.That(File.ReadAllText(outputs["report"]), Does.Contain("\"impacts\"").And.Contain(Scenario.HeadSha));
            Assert.That(int.Parse(outputs["breaking"], System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(2));
            Assert.That(int.Parse(outputs["affected"], System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(int.Parse(outputs["breaking"], System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(outputs["snapshot"], Is.Empty);
            Assert.That(File.ReadAllText(Scenario.SummaryFile), Does.Contain("customers").And.Contain("not_null"));
        });
    }

    [Test]
    public async Task Run_SynchronizeAfterOpened_UpdatesTheSameComment()
    {
        await Scenario.RunAsync("pull_request", Scenario.PullRequestEvent("opened"));
        var first = Server.CommentsOn(ActionsScenario.Number).Single();
        Scenario.Repo.Checkout("change").Write("models/marts/orders.sql", File.ReadAllText(Path.Combine(Scenario.Repo.Path, "models/marts/orders.sql")) + "\n-- touched\n");
        var newHead = Scenario.Repo.Commit("touch orders");
        Scenario.Repo.Checkout("main");
        Server.PullRequests[ActionsScenario.Number] = Server.PullRequests[ActionsScenario.Number] with { HeadSha = newHead };

        var (code, _, error) = await Scenario.RunAsync("pull_request", Scenario.PullRequestEvent("synchronize", headSha: newHead));

        Assert.That(code, Is.EqualTo(0), error);
        var comment = Server.CommentsOn(ActionsScenario.Number).Single();
        Assert.Multiple(() =>
        {
            Assert.That(comment.Id, Is.EqualTo(first.Id));
            Assert.That(comment.Body, Does.Contain(newHead));
            Assert.That(LatestCheck().Sha, Is.EqualTo(newHead));
        });
        Scenario.Repo.Git("branch", "-f", "change", Scenario.HeadSha);
    }

    [Test]
    public async Task Run_SlashCommandByReader_ConfusedAndNoRerun()
    {
        await Scenario.RunAsync("pull_request", Scenario.PullRequestEvent("opened"));
        var report = Server.CommentsOn(ActionsScenario.Number).Single();
        var command = Server.AddComment("/impact", new FakeUser("reader", 5), ActionsScenario.Number);
        var checks = Server.CheckRuns.Count;

        var (code, output, _) = await Scenario.RunAsync("issue_comment", Scenario.CommentEvent("created", command.Id, "reader", "/impact"));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(Reactions(command.Id), Is.EqualTo(new[] { "confused" }));
            Assert.That(Server.CheckRuns, Has.Count.EqualTo(checks));
            Assert.That(Server.CommentsOn(ActionsScenario.Number).Single(c => c.Id == report.Id).Body, Is.EqualTo(report.Body));
            Assert.That(Server.CommentsOn(ActionsScenario.Number)[^1].Body, Does.Contain("write access"));
            Assert.That(output, Does.Contain("::notice"));
        });
    }

    [Test]
    public async Task Run_SlashCommandByWriter_EyesThenRocketAndSameComment()
    {
        await Scenario.RunAsync("pull_request", Scenario.PullRequestEvent("opened"));
        var report = Server.CommentsOn(ActionsScenario.Number).Single();
        var command = Server.AddComment("/impact full", new FakeUser("writer", 6), ActionsScenario.Number);
        var checks = Server.CheckRuns.Count;

        var (code, _, error) = await Scenario.RunAsync("issue_comment", Scenario.CommentEvent("created", command.Id, "writer", "/impact full"));

        Assert.That(code, Is.EqualTo(0), error);
        Assert.Multiple(() =>
        {
            Assert.That(Reactions(command.Id), Is.EqualTo(new[] { "eyes", "rocket" }));
            Assert.That(Server.CommentsOn(ActionsScenario.Number).Count(c => c.Body.StartsWith(Marker, StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(Server.CommentsOn(ActionsScenario.Number).Single(c => c.Body.StartsWith(Marker, StringComparison.Ordinal)).Id, Is.EqualTo(report.Id));
            Assert.That(Server.CheckRuns, Has.Count.GreaterThan(checks));
            Assert.That(Server.Requests.Any(r => r.Operation == "GET /repos/{owner}/{repo}/collaborators/{username}/permission" && r.Path.Contains("/writer/", StringComparison.Ordinal)), Is.True);
        });
    }

    [Test]
    public async Task Run_SlashCommandWhenHeadIsUnknown_ConfusedWithReplyAndFailure()
    {
        var command = Server.AddComment("/impact", new FakeUser("writer", 6), ActionsScenario.Number);
        Server.PullRequests[ActionsScenario.Number] = Server.PullRequests[ActionsScenario.Number] with { HeadSha = new string('e', 40) };

        var (code, _, error) = await Scenario.RunAsync("issue_comment", Scenario.CommentEvent("created", command.Id, "writer", "/impact"));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Failure));
            Assert.That(error, Does.Contain("is not a commit"));
            Assert.That(Reactions(command.Id), Is.EqualTo(new[] { "eyes", "confused" }));
            Assert.That(Server.CommentsOn(ActionsScenario.Number)[^1].Body, Does.Contain("could not rerun the analysis"));
        });
    }

    [Test]
    public async Task Run_MaintainerTicksBreakingItems_StatusSucceedsWithoutAnalysis()
    {
        await Scenario.RunAsync("pull_request", Scenario.PullRequestEvent("opened"));
        var report = Server.CommentsOn(ActionsScenario.Number).Single();
        File.Delete(Scenario.OutputFile);
        var ticked = TickBreaking().Replace(report.Body, "- [x]$1");
        Assert.That(ticked, Is.Not.EqualTo(report.Body));
        lock (Server.Comments)
        {
            Server.Comments[Server.Comments.FindIndex(c => c.Id == report.Id)] = report with { Body = ticked };
        }

        var (code, _, error) = await Scenario.RunAsync("issue_comment", Scenario.CommentEvent("edited", report.Id, Bot, ticked, sender: "maintainer", previousBody: report.Body));

        Assert.That(code, Is.EqualTo(0), error);
        Assert.Multiple(() =>
        {
            Assert.That(LatestCheck(), Is.EqualTo(("impactbot", "success", Scenario.HeadSha)));
            Assert.That(Server.CommentsOn(ActionsScenario.Number).Single().Body, Does.Contain("by=@maintainer"));
            Assert.That(File.Exists(Scenario.OutputFile), Is.False, "no analysis, no outputs");
        });
    }

    [Test]
    public async Task Run_TickInAnEmptyWorkspace_NeedsNoCheckoutAndReadsTheConfigThroughTheApi()
    {
        await Scenario.RunAsync("pull_request", Scenario.PullRequestEvent("opened"));
        var report = Server.CommentsOn(ActionsScenario.Number).Single();
        var ticked = TickBreaking().Replace(report.Body, "- [x]$1");
        lock (Server.Comments)
        {
            Server.Comments[Server.Comments.FindIndex(c => c.Id == report.Id)] = report with { Body = ticked };
        }

        // No checkout at all: the tick job of the README's workflow skips actions/checkout.
        var empty = Directory.CreateTempSubdirectory("impactbot-empty-").FullName;
        Server.Files[(Scenario.HeadSha, ".impactbot.yml")] = "acknowledge: anyone\n";
        try
        {
            var (code, _, error) = await Scenario.RunAsync(
                "issue_comment",
                Scenario.CommentEvent("edited", report.Id, Bot, ticked, sender: "reader", previousBody: report.Body),
                new Dictionary<string, string> { ["GITHUB_WORKSPACE"] = empty });

            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(LatestCheck(), Is.EqualTo(("impactbot", "success", Scenario.HeadSha)), "acknowledge: anyone came from the API");
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Test]
    public async Task Run_EditOfSomeoneElsesComment_Ignored()
    {
        var other = Server.AddComment(Marker + "\n- [x] x", new FakeUser("writer", 6), ActionsScenario.Number);

        var (code, output, _) = await Scenario.RunAsync("issue_comment", Scenario.CommentEvent("edited", other.Id, "writer", other.Body, previousBody: Marker + "\n- [ ] x"));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(output, Does.Contain("::notice"));
            Assert.That(Server.CheckRuns, Is.Empty);
        });
    }

    [Test]
    public async Task Run_TwoRunsAtOnce_StillOneComment()
    {
        var payload = Scenario.PullRequestEvent("opened");

        var results = await Task.WhenAll(Scenario.RunAsync("pull_request", payload), Scenario.RunAsync("pull_request", payload));

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Code), Is.All.EqualTo(0));
            Assert.That(Server.CommentsOn(ActionsScenario.Number).Count(c => c.Body.StartsWith(Marker, StringComparison.Ordinal)), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Run_ReadOnlyTokenOnForkPullRequest_WarnsAndLeavesReportInSummary()
    {
        Server.Inject("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", FakeFault.Forbidden(), times: 5);

        var (code, output, error) = await Scenario.RunAsync("pull_request", Scenario.PullRequestEvent("opened", headRepository: "someone/warehouse"));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(output, Does.Contain("::warning").And.Contain("summary only"));
            Assert.That(Server.CommentsOn(ActionsScenario.Number), Is.Empty);
            Assert.That(File.ReadAllText(Scenario.SummaryFile), Does.Contain("customers"));
        });
    }

    [Test]
    public async Task Run_SnapshotInput_WritesSnapshotRelativeToWorkspace()
    {
        var (code, _, error) = await Scenario.RunAsync("pull_request", Scenario.PullRequestEvent("opened"), new Dictionary<string, string> { ["INPUT_SNAPSHOT"] = ".impactbot-cache/snapshot.json" });

        var expected = Path.Combine(Scenario.Repo.Path, ".impactbot-cache", "snapshot.json");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(File.Exists(expected), Is.True);
            Assert.That(File.ReadAllText(Scenario.OutputFile), Does.Contain($"snapshot={expected}"));
        });
        Directory.Delete(Path.GetDirectoryName(expected)!, recursive: true);
    }

    [Test]
    public async Task Run_PushWithSnapshotInput_BuildsSnapshotOfPushedCommitWithoutApiCalls()
    {
        var inputs = new Dictionary<string, string> { ["INPUT_SNAPSHOT"] = Path.Combine(Scenario.RunnerTemp, "push", "snapshot.json") };

        var (code, output, error) = await Scenario.RunAsync("push", "{}", inputs);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(File.Exists(inputs["INPUT_SNAPSHOT"]), Is.True);
            Assert.That(output, Does.Contain(Scenario.BaseSha[..12]));
            Assert.That(File.ReadAllText(Scenario.OutputFile), Does.Contain("snapshot=" + inputs["INPUT_SNAPSHOT"]));
            Assert.That(Server.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task Run_RepositoryDispatchFromServe_RerunsThePullRequest()
    {
        var payload = $$$"""{"action":"impactbot","client_payload":{"pr":{{{ActionsScenario.Number}}},"full":false},"repository":{"full_name":"{{{Server.Owner}}}/{{{Server.Repo}}}"}}""";

        var (code, _, error) = await Scenario.RunAsync("repository_dispatch", payload);

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(Server.CommentsOn(ActionsScenario.Number).Single().Body, Does.StartWith(Marker).And.Contain("customers"));
        Assert.That(LatestCheck(), Is.EqualTo(("impactbot", "failure", Scenario.HeadSha)));
    }

    [Test]
    public async Task Run_UnknownEvent_ExitsZeroWithNotice()
    {
        var (code, output, _) = await Scenario.RunAsync("workflow_dispatch", "{}");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(output, Does.Contain("::notice").And.Contain("workflow_dispatch"));
            Assert.That(Server.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task Run_TargetVarsAndPackagesDirInputs_ReachTheAnalysis()
    {
        var packages = Path.Combine(Scenario.Repo.Path, "installed_packages");
        Directory.CreateDirectory(packages);
        try
        {
            var inputs = new Dictionary<string, string> { ["INPUT_TARGET"] = "ci", ["INPUT_VARS"] = """{"enable_marts": true}""", ["INPUT_PACKAGES-DIR"] = "installed_packages" };
            var (code, _, error) = await Scenario.RunAsync("pull_request", Scenario.PullRequestEvent("opened"), inputs);

            Assert.That(code, Is.EqualTo(0), error);
            var reportPath = File.ReadAllLines(Scenario.OutputFile).Single(l => l.StartsWith("report=", StringComparison.Ordinal))["report=".Length..];
            using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(reportPath));
            var settings = report.RootElement.GetProperty("settings");
            Assert.That(settings.GetProperty("target").GetString(), Is.EqualTo("ci"));
            Assert.That(settings.GetProperty("vars").GetProperty("enable_marts").ToString(), Is.EqualTo("true"));
        }
        finally
        {
            Directory.Delete(packages);
        }
    }

    [Test]
    public async Task Run_PackagesDirInputThatDoesNotExist_Exits2NamingIt()
    {
        var (code, _, error) = await Scenario.RunAsync("pull_request", Scenario.PullRequestEvent("opened"), new Dictionary<string, string> { ["INPUT_PACKAGES-DIR"] = "no_such_packages" });

        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error, Does.Contain("no_such_packages"));
    }

    [Test]
    public async Task Run_FailJobInput_ExitsWithFailOnMet()
    {
        var (code, _, _) = await Scenario.RunAsync("pull_request", Scenario.PullRequestEvent("opened"), new Dictionary<string, string> { ["INPUT_FAIL-JOB"] = "true" });

        Assert.That(code, Is.EqualTo(ExitCodes.FailOnMet));
    }

    [Test]
    public async Task Run_FailOnNeverInput_CheckSucceeds()
    {
        await Scenario.RunAsync("pull_request", Scenario.PullRequestEvent("opened"), new Dictionary<string, string> { ["INPUT_FAIL-ON"] = "never" });

        Assert.That(LatestCheck().Conclusion, Is.EqualTo("success"));
    }

    [Test]
    public async Task Run_BadFailOnInput_BadInputExitCode()
    {
        var (code, _, error) = await Scenario.RunAsync("pull_request", Scenario.PullRequestEvent("opened"), new Dictionary<string, string> { ["INPUT_FAIL-ON"] = "sometimes" });

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
        var run = Server.CheckRuns.Last();
        return (run["name"]?.GetValue<string>(), run["conclusion"]?.GetValue<string>(), run["head_sha"]?.GetValue<string>());
    }

    private string[] Reactions(long commentId) => [.. Server.Reactions.Where(r => r.CommentId == commentId).Select(r => r.Content)];
}
