using ImpactBot.Testing.GitHub;

namespace ImpactBot.Cli.Tests.Ci.GitHub;

/// <summary>
/// Who the bot is when the token cannot say (GitHub App installation tokens: GET /user is 403): its own report is found
/// again on the next run, and reports left by an earlier identity are folded into the live one.
/// </summary>
public sealed class BotIdentityTests
{
    private static readonly FakeUser App = new("impactbot-app[bot]", 123456, "Bot");
    private static readonly FakeUser ActionsBot = new("github-actions[bot]", 41898282, "Bot");
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
        server.InstallationBot = App;
    }

    [Test]
    public async Task Run_AppInstallationTokenOpenedThenSynchronize_KeepsOneComment()
    {
        var (first, _, error1) = await scenario.RunAsync("pull_request", scenario.PullRequestEvent("opened"));
        var (second, _, error2) = await scenario.RunAsync("pull_request", scenario.PullRequestEvent("synchronize"));

        Assert.Multiple(() =>
        {
            Assert.That((first, second), Is.EqualTo((0, 0)), error1 + error2);
            Assert.That(UserCalls(), Is.GreaterThan(0), "GET /user was tried");
            Assert.That(server.CommentsOn(ActionsScenario.Number).Select(c => c.User.Login), Is.EqualTo(new[] { App.Login }));
        });
    }

    [Test]
    public async Task Run_AppTokenTickOnItsReport_IsRecognisedAsTheBotsReport()
    {
        await scenario.RunAsync("pull_request", scenario.PullRequestEvent("opened"));
        var report = server.CommentsOn(ActionsScenario.Number).Single();
        var ticked = report.Body.Replace("- [ ]", "- [x]", StringComparison.Ordinal);
        server.Permissions["maintainer"] = ("write", "maintain");
        var checks = server.CheckRuns.Count;

        var (code, output, error) = await scenario.RunAsync("issue_comment", scenario.CommentEvent("edited", report.Id, App.Login, ticked, sender: "maintainer", previousBody: report.Body));

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Not.Contain("not by the bot"));
        Assert.That(server.CheckRuns, Has.Count.GreaterThan(checks));
    }

    [Test]
    public async Task Run_BotLoginInputAfterAnEarlierIdentity_CarriesTicksAndRemovesTheOldReport()
    {
        // The Actions token posted the report before the workflow switched to an app token.
        server.InstallationBot = ActionsBot;
        await scenario.RunAsync("pull_request", scenario.PullRequestEvent("opened"));
        var old = server.CommentsOn(ActionsScenario.Number).Single();
        var firstItem = old.Body.IndexOf("- [ ]", StringComparison.Ordinal);
        server.Comments[server.Comments.FindIndex(c => c.Id == old.Id)] = old with { Body = string.Concat(old.Body.AsSpan(0, firstItem), "- [x]", old.Body.AsSpan(firstItem + 5)) };
        server.InstallationBot = App;
        var userCalls = UserCalls();

        var (code, _, error) = await scenario.RunAsync("pull_request", scenario.PullRequestEvent("synchronize"), new Dictionary<string, string> { ["INPUT_BOT-LOGIN"] = App.Login });

        Assert.That(code, Is.EqualTo(0), error);
        var live = server.CommentsOn(ActionsScenario.Number).Single();
        Assert.Multiple(() =>
        {
            Assert.That(live.User.Login, Is.EqualTo(App.Login));
            Assert.That(live.Body, Does.Contain("- [x]"), "the tick on the earlier report is kept");
            Assert.That(UserCalls(), Is.EqualTo(userCalls), "a configured login is not asked for");
        });
    }

    private int UserCalls() => server.Requests.Count(r => r.Path.EndsWith("/user", StringComparison.Ordinal));
}
