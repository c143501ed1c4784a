using ImpactBot.Cli.Ci.GitLab;
using ImpactBot.Cli.Commands;
using ImpactBot.GitLab.Http;
using ImpactBot.Testing.Git;
using ImpactBot.Testing.GitLab;

namespace ImpactBot.Cli.Tests.Ci.GitLab;

public sealed class GitLabCiRunnerTests
{
    private const string PipelineId = "9001";

    private static readonly GitLabResilienceOptions FastRetries = new()
    {
        MaxRetries = 3,
        BaseDelay = TimeSpan.Zero,
        UseJitter = false,
        DefaultRateLimitDelay = TimeSpan.Zero,
        AttemptTimeout = TimeSpan.FromSeconds(1),
        OverallTimeout = TimeSpan.FromSeconds(30),
        CircuitBreakerMinimumThroughput = 1000,
    };

    private FakeGitLabServer fake = null!;
    private TempGitRepo repo = null!;
    private string baseSha = "";
    private string headSha = "";
    private string reportPath = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        fake = await FakeGitLabServer.StartAsync();
        (repo, baseSha, headSha) = ExampleRepos.ShopWithChange();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await fake.DisposeAsync();
        repo.Dispose();
    }

    [SetUp]
    public void ResetFake()
    {
        fake.Reset();
        reportPath = Path.Combine(Path.GetTempPath(), $"impactbot-report-{Guid.NewGuid():N}.json");
    }

    [TearDown]
    public void DeleteReport() => File.Delete(reportPath);

    [Test]
    public async Task RunAsync_MergeRequestWithBreakingChange_PostsOneNoteFailsStatusAndExits3()
    {
        var (code, output, _) = await RunAsync(Environment());

        Assert.That(code, Is.EqualTo(ExitCodes.FailOnMet));
        Assert.That(fake.Notes, Has.Count.EqualTo(1));
        Assert.That(fake.Notes[0].Body, Does.Contain("<!-- impactbot"));
        Assert.That(fake.Notes[0].Author, Is.EqualTo(FakeGitLabServer.Bot));
        var status = fake.Statuses.Single();
        Assert.That((status.Sha, status.Name, status.Status, status.PipelineId), Is.EqualTo((headSha, "impactbot", "failed", (long?)9001)));
        Assert.That(File.ReadAllText(reportPath), Does.Contain("\"impacts\""));
        Assert.That(output, Does.Contain(reportPath));
    }

    [Test]
    public async Task RunAsync_MergeRequestPipeline_StatusLinksToTheJob()
    {
        var env = Environment();
        env["CI_JOB_URL"] = "https://gitlab.example.com/group/sub/project/-/jobs/77";

        await RunAsync(env);

        Assert.That(fake.Statuses.Single().TargetUrl, Is.EqualTo("https://gitlab.example.com/group/sub/project/-/jobs/77"));
    }

    [Test]
    public async Task RunAsync_FullAnalysisBranchPipelineFromServe_ReadsTheBaseFromTheApiAndSkipsTheSnapshot()
    {
        // The pipeline serve starts for `/impact full` is a branch pipeline (source api): no CI_MERGE_REQUEST_* variables.
        var snapshot = Path.Combine(Path.GetTempPath(), $"impactbot-snapshot-{Guid.NewGuid():N}.bin");
        fake.DiffBaseSha = baseSha;
        var env = Environment();
        foreach (var name in new[] { "CI_MERGE_REQUEST_IID", "CI_MERGE_REQUEST_PROJECT_ID", "CI_MERGE_REQUEST_DIFF_BASE_SHA" })
        {
            env.Remove(name);
        }

        env["CI_PIPELINE_SOURCE"] = "api";
        env["CI_PROJECT_ID"] = FakeGitLabServer.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["IMPACTBOT_MR_IID"] = FakeGitLabServer.MergeRequestIid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["IMPACTBOT_FULL"] = "true";
        env["IMPACTBOT_SNAPSHOT"] = snapshot;

        var (code, output, error) = await RunAsync(env);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.FailOnMet), error);
            Assert.That(output, Does.Contain("snapshot cache is not used"));
            Assert.That(File.Exists(snapshot), Is.False, "a full analysis neither reads nor writes the cache");
            Assert.That(fake.RequestsTo("GET", "/merge_requests/7"), Has.Count.EqualTo(1));
            Assert.That(fake.Notes.Single().Body, Does.Contain("customers"));
            Assert.That(fake.Statuses.Single().Sha, Is.EqualTo(headSha));
        });
    }

    [Test]
    public async Task RunAsync_Rerun_UpdatesTheOneNoteAndKeepsTicks()
    {
        await RunAsync(Environment());
        var note = fake.Notes.Single();
        fake.EditNote(note.Id, body => ReplaceFirst(body, "- [ ]", "- [x]"));

        var (code, _, _) = await RunAsync(Environment());

        Assert.That(code, Is.AnyOf(ExitCodes.Ok, ExitCodes.FailOnMet));
        Assert.That(fake.Notes, Has.Count.EqualTo(1));
        Assert.That(fake.Notes[0].Id, Is.EqualTo(note.Id));
        Assert.That(fake.Notes[0].Body, Does.Contain("- [x]"));
        Assert.That(fake.RequestsTo("POST", "/notes"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task RunAsync_FailOnNever_StatusSucceedsAndExits0()
    {
        var env = Environment();
        env["IMPACTBOT_FAIL_ON"] = "never";

        var (code, _, _) = await RunAsync(env);

        Assert.That(code, Is.EqualTo(ExitCodes.Ok));
        Assert.That(fake.Statuses.Single().Status, Is.EqualTo("success"));
    }

    [Test]
    public async Task RunAsync_TargetAndVarsVariables_ReachTheAnalysis()
    {
        var env = Environment();
        env["IMPACTBOT_TARGET"] = "ci";
        env["IMPACTBOT_VARS"] = "{enable_marts: true}";

        var (code, _, error) = await RunAsync(env);

        Assert.That(code, Is.AnyOf(ExitCodes.Ok, ExitCodes.FailOnMet), error);
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(reportPath));
        var settings = report.RootElement.GetProperty("settings");
        Assert.That(settings.GetProperty("target").GetString(), Is.EqualTo("ci"));
        Assert.That(settings.GetProperty("vars").GetProperty("enable_marts").ToString(), Is.EqualTo("true"));
    }

    [Test]
    public async Task RunAsync_PackagesDirVariableThatDoesNotExist_Exits2NamingIt()
    {
        var env = Environment();
        env["IMPACTBOT_PACKAGES_DIR"] = "no_such_packages";

        var (code, _, error) = await RunAsync(env);

        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error, Does.Contain("no_such_packages").And.Contain("dbt deps"));
        Assert.That(fake.Notes, Is.Empty);
    }

    [Test]
    public async Task RunAsync_TransientFaults_RetriesToTheCorrectFinalState()
    {
        fake.Inject(FakeRoutes.CreateNote, Fault.Status(500));
        fake.Inject(FakeRoutes.ListNotes, Fault.RateLimited(retryAfter: "0"), Fault.RateLimited());
        fake.Inject(FakeRoutes.SetStatus, Fault.Timeout(), Fault.Status(409, """{"message":"409 Conflict"}"""));

        var (code, _, error) = await RunAsync(Environment());

        Assert.That(code, Is.EqualTo(ExitCodes.FailOnMet), error);
        Assert.That(fake.Notes, Has.Count.EqualTo(1));
        Assert.That(fake.Statuses.Single().Status, Is.EqualTo("failed"));
    }

    [Test]
    public async Task RunAsync_GitLabKeepsFailing_ExitsWithAClearError()
    {
        fake.Inject(FakeRoutes.CreateNote, Fault.Status(500), Fault.Status(500), Fault.Status(500), Fault.Status(500));

        var (code, _, error) = await RunAsync(Environment());

        Assert.That(code, Is.EqualTo(ExitCodes.Failure));
        Assert.That(error, Does.StartWith("error:"));
        Assert.That(error, Does.Not.Contain(FakeGitLabServer.BotToken));
        Assert.That(fake.Notes, Is.Empty);
    }

    [Test]
    public async Task RunAsync_NoToken_Exits2ExplainingTheAccessToken()
    {
        var env = Environment();
        env.Remove("IMPACTBOT_GITLAB_TOKEN");
        env["CI_JOB_TOKEN"] = FakeGitLabServer.JobToken;

        var (code, _, error) = await RunViaCommandAsync(env);

        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error, Does.Contain("Settings > Access tokens").And.Contain("scope api").And.Contain("Protect variable"));
        Assert.That(fake.Requests, Is.Empty);
    }

    [Test]
    public async Task RunAsync_BranchPipeline_Exits0WithANotice()
    {
        var env = Environment();
        env.Remove("CI_MERGE_REQUEST_IID");
        env["CI_PIPELINE_SOURCE"] = "push";

        var (code, output, _) = await RunViaCommandAsync(env);

        Assert.That(code, Is.EqualTo(ExitCodes.Ok));
        Assert.That(output, Does.Contain("not a merge request pipeline"));
        Assert.That(fake.Requests, Is.Empty);
    }

    [Test]
    public void Detects_GitLabCiTrue_IsTrue()
    {
        var runner = new GitLabCiRunner();

        Assert.That(runner.Detects(new Dictionary<string, string> { ["GITLAB_CI"] = "true" }), Is.True);
        Assert.That(runner.Detects(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" }), Is.False);
    }

    private static string ReplaceFirst(string text, string oldValue, string newValue)
    {
        var at = text.IndexOf(oldValue, StringComparison.Ordinal);
        return at < 0 ? text : string.Concat(text.AsSpan(0, at), newValue, text.AsSpan(at + oldValue.Length));
    }

    private static async Task<(int Code, string Output, string Error)> RunViaCommandAsync(Dictionary<string, string> env)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parse = RunCommand.Create(env).Parse([]);
        var code = await parse.InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(Dictionary<string, string> env)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ExitCodeMap.RunAsync(error, () => new GitLabCiRunner(FastRetries).RunAsync(env, output, error, CancellationToken.None));
        return (code, output.ToString(), error.ToString());
    }

    private Dictionary<string, string> Environment() => new(StringComparer.Ordinal)
    {
        ["GITLAB_CI"] = "true",
        ["CI_MERGE_REQUEST_IID"] = FakeGitLabServer.MergeRequestIid.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["CI_MERGE_REQUEST_PROJECT_ID"] = FakeGitLabServer.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = baseSha,
        ["CI_COMMIT_SHA"] = headSha,
        ["CI_API_V4_URL"] = fake.ApiBaseUrl.ToString(),
        ["CI_SERVER_URL"] = "https://gitlab.example.com",
        ["CI_PROJECT_DIR"] = repo.Path,
        ["CI_PIPELINE_ID"] = PipelineId,
        ["CI_PIPELINE_SOURCE"] = "merge_request_event",
        ["IMPACTBOT_GITLAB_TOKEN"] = FakeGitLabServer.BotToken,
        ["IMPACTBOT_REPORT"] = reportPath,
    };
}
