using System.Text.Json.Nodes;
using ImpactBot.Testing.Git;
using ImpactBot.Testing.GitHub;

namespace ImpactBot.Cli.Tests.Ci.GitHub;

/// <summary>
/// A simulated Actions job: a real repository holding examples/shop on main and examples/change on a branch, the fake GitHub
/// API with pull request <see cref="Number"/> for those commits, and the environment and event file the runner reads.
/// </summary>
internal sealed class ActionsScenario : IDisposable
{
    public const int Number = 7;
    public const string Token = "ghs_fakeActionsToken0123456789";

    private readonly string temp = Path.Combine(Path.GetTempPath(), "impactbot-actions-" + Guid.NewGuid().ToString("N")[..8]);

    public ActionsScenario(FakeGitHubServer server)
    {
        Server = server;
        var examples = Path.Combine(RepositoryRoot(), "examples");
        Repo = TempGitRepo.Create().CopyFrom(Path.Combine(examples, "shop"));
        BaseSha = Repo.Commit("base");
        Repo.Checkout("change", create: true).CopyFrom(Path.Combine(examples, "change"));
        HeadSha = Repo.Commit("Round payment amounts; stop exporting last_name");
        Repo.Checkout("main");
        Directory.CreateDirectory(temp);
    }

    public FakeGitHubServer Server { get; }

    public TempGitRepo Repo { get; }

    public string BaseSha { get; }

    public string HeadSha { get; }

    public string OutputFile => Path.Combine(temp, "github_output");

    public string SummaryFile => Path.Combine(temp, "step_summary.md");

    public string RunnerTemp => Path.Combine(temp, "runner_temp");

    /// <summary>Server state for a fresh pull request, with the Actions token's identity (no <c>GET /user</c>).</summary>
    public void ResetServer()
    {
        Server.Reset();
        Server.CurrentUser = null;
        Server.PullRequests[Number] = new FakePullRequest(Number, HeadSha, BaseSha, HeadRef: "change");
        Server.Permissions["reader"] = ("read", "read");
        Server.Permissions["writer"] = ("write", "write");
        Server.Permissions["maintainer"] = ("write", "maintain");
        foreach (var file in new[] { OutputFile, SummaryFile })
        {
            File.Delete(file);
        }
    }

    public Dictionary<string, string> Environment(string eventName, string payload, IReadOnlyDictionary<string, string>? inputs = null)
    {
        var eventPath = Path.Combine(temp, $"event-{Guid.NewGuid():N}.json");
        File.WriteAllText(eventPath, payload);
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_EVENT_NAME"] = eventName,
            ["GITHUB_EVENT_PATH"] = eventPath,
            ["GITHUB_REPOSITORY"] = $"{Server.Owner}/{Server.Repo}",
            ["GITHUB_API_URL"] = Server.ApiUrl.ToString(),
            ["GITHUB_GRAPHQL_URL"] = new Uri(Server.BaseAddress, "api/graphql").ToString(),
            ["GITHUB_SERVER_URL"] = "https://github.example.com",
            ["GITHUB_WORKSPACE"] = Repo.Path,
            ["GITHUB_OUTPUT"] = OutputFile,
            ["GITHUB_STEP_SUMMARY"] = SummaryFile,
            ["GITHUB_RUN_ID"] = "4242",
            ["GITHUB_SHA"] = BaseSha,
            ["RUNNER_TEMP"] = RunnerTemp,
            ["INPUT_GITHUB-TOKEN"] = Token,
            ["INPUT_COMMENT"] = "update",
            ["INPUT_STATUS-NAME"] = "impactbot",
        };
        foreach (var (name, value) in inputs ?? new Dictionary<string, string>())
        {
            env[name] = value;
        }

        return env;
    }

    public async Task<(int Code, string Output, string Error)> RunAsync(string eventName, string payload, IReadOnlyDictionary<string, string>? inputs = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ImpactBotApp.RunAsync(["run"], TextReader.Null, output, error, Environment(eventName, payload, inputs), CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    public string PullRequestEvent(string action, string? headSha = null, string? headRepository = null)
    {
        var json = Load($"pull_request.{action}.json");
        Retarget(json);
        json["number"] = Number;
        var pull = json["pull_request"]!;
        pull["number"] = Number;
        pull["head"]!["sha"] = headSha ?? HeadSha;
        pull["head"]!["ref"] = "change";
        pull["base"]!["sha"] = BaseSha;
        pull["base"]!["ref"] = "main";
        pull["head"]!["repo"]!["full_name"] = headRepository ?? $"{Server.Owner}/{Server.Repo}";
        pull["base"]!["repo"]!["full_name"] = $"{Server.Owner}/{Server.Repo}";

        return json.ToJsonString();
    }

    /// <summary>workflow_run completed for the pull_request run of a fork's branch (the privileged half of the two-workflow pattern).</summary>
    public string WorkflowRunEvent(string headOwner, string headBranch, string? headSha = null)
    {
        var json = Load("workflow_run.completed.json");
        Retarget(json);
        var run = json["workflow_run"]!;
        run["event"] = "pull_request";
        run["head_sha"] = headSha ?? HeadSha;
        run["head_branch"] = headBranch;
        run["pull_requests"] = new JsonArray();
        run["head_repository"]!["full_name"] = $"{headOwner}/{Server.Repo}";
        run["head_repository"]!["owner"]!["login"] = headOwner;
        return json.ToJsonString();
    }

    /// <summary>A pull request comment by <paramref name="author"/>; an edit carries the body before it.</summary>
    public string CommentEvent(string action, long commentId, string author, string body, string? sender = null, string? previousBody = null)
    {
        var json = Load($"issue_comment.{action}.json");
        Retarget(json);
        json["issue"]!["number"] = Number;
        json["issue"]!["pull_request"] = new JsonObject
        {
            ["url"] = $"https://api.github.com/repos/{Server.Owner}/{Server.Repo}/pulls/{Number}",
            ["html_url"] = $"https://github.com/{Server.Owner}/{Server.Repo}/pull/{Number}",
            ["diff_url"] = $"https://github.com/{Server.Owner}/{Server.Repo}/pull/{Number}.diff",
            ["patch_url"] = $"https://github.com/{Server.Owner}/{Server.Repo}/pull/{Number}.patch",
            ["merged_at"] = null,
        };
        json["comment"]!["id"] = commentId;
        json["comment"]!["body"] = body;
        json["comment"]!["user"]!["login"] = author;
        json["sender"]!["login"] = sender ?? author;
        if (previousBody is not null)
        {
            json["changes"]!["body"]!["from"] = previousBody;
        }

        return json.ToJsonString();
    }

    public void Dispose()
    {
        Repo.Dispose();
        try
        {
            Directory.Delete(temp, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a test.
        }
    }

    /// <summary>The checkout this test assembly was built from (holds examples/).</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ImpactBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ImpactBot.sln not found above the test directory.");
    }

    private static JsonNode Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "webhooks", name)))!;

    private void Retarget(JsonNode json)
    {
        var repository = json["repository"]!;
        repository["name"] = Server.Repo;
        repository["full_name"] = $"{Server.Owner}/{Server.Repo}";
        repository["owner"]!["login"] = Server.Owner;
    }
}
