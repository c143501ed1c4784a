using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ImpactBot.Core.Impact;
using ImpactBot.Core.Publishing;
using ImpactBot.Testing.GitHub;

namespace ImpactBot.Benchmarks.Platform;

/// <summary>
/// <c>tick-latency --published DIR [--runs N]</c>: the time from a checklist tick's event to the status, as a job sees it. Each
/// run is a cold process of the published CLI (<c>dotnet DIR/impactbot.dll run</c>) on an issue_comment "edited" event that
/// ticks the bot's report, in an empty workspace (no checkout, no history, no snapshot), against the fake GitHub API over
/// loopback. Prints each run and the median; checks that every run set a successful check.
/// </summary>
internal static class TickLatency
{
    private const int Number = 7;

    public static async Task<int> RunAsync(string[] args)
    {
        var published = Option(args, "--published") ?? throw new ArgumentException("--published DIR (the output of dotnet publish src/ImpactBot.Cli) is required");
        var runs = int.Parse(Option(args, "--runs") ?? "7", CultureInfo.InvariantCulture);
        var dll = Path.GetFullPath(Path.Combine(published, "impactbot.dll"));
        await using var server = await FakeGitHubServer.StartAsync();
        var workspace = Directory.CreateTempSubdirectory("impactbot-tick-").FullName;
        var times = new List<double>();
        try
        {
            for (var run = 1; run <= runs; run++)
            {
                var (environment, reportId) = Prepare(server, workspace);
                var watch = Stopwatch.StartNew();
                var (code, output) = await RunProcessAsync(dll, environment);
                watch.Stop();
                var conclusion = server.CheckRuns.LastOrDefault()?["conclusion"]?.ToString();
                if (code != 0 || conclusion != "success" || !server.CommentsOn(Number).Single(c => c.Id == reportId).Body.Contains("by=@maintainer", StringComparison.Ordinal))
                {
                    await Console.Error.WriteLineAsync($"run {run}: exit {code}, check {conclusion ?? "none"}{Environment.NewLine}{output}");
                    return 1;
                }

                times.Add(watch.Elapsed.TotalMilliseconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: {watch.Elapsed.TotalMilliseconds:F0} ms (exit 0, check success)"));
            }
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tick to status, cold process: median {times[times.Count / 2]:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms over {times.Count} runs"));
        return 0;
    }

    /// <summary>A fresh pull request with the bot's report, one breaking item, ticked by a maintainer; the event and environment.</summary>
    private static (Dictionary<string, string> Environment, long ReportId) Prepare(FakeGitHubServer server, string workspace)
    {
        server.Reset();
        server.CurrentUser = null;
        server.PullRequests[Number] = new FakePullRequest(Number, new string('a', 40), new string('b', 40));
        server.Permissions["maintainer"] = ("write", "maintain");
        var report = string.Join('\n',
            ReportMarker.Report,
            $"<!-- impactbot:meta head={new string('a', 40)} -->",
            "## Impact",
            $"- [ ] **orders** reads stg_customers.last_name, which is removed {ReportMarker.ItemMarker("model.orders:last_name", Severity.Breaking)}",
            "");
        var ticked = report.Replace("- [ ]", "- [x]", StringComparison.Ordinal);
        var comment = server.AddComment(ticked, server.InstallationBot, Number);

        var payload = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "ImpactBot.Cli.Tests", "Fixtures", "webhooks", "issue_comment.edited.json")))!;
        payload["repository"]!["name"] = server.Repo;
        payload["repository"]!["full_name"] = $"{server.Owner}/{server.Repo}";
        payload["repository"]!["owner"]!["login"] = server.Owner;
        payload["issue"]!["number"] = Number;
        payload["issue"]!["pull_request"] = new JsonObject { ["url"] = $"https://api.github.com/repos/{server.Owner}/{server.Repo}/pulls/{Number}" };
        payload["comment"]!["id"] = comment.Id;
        payload["comment"]!["body"] = ticked;
        payload["comment"]!["user"]!["login"] = server.InstallationBot.Login;
        payload["changes"]!["body"]!["from"] = report;
        payload["sender"]!["login"] = "maintainer";
        // The workspace holds only this file: no checkout, no .git, no snapshot.
        var eventPath = Path.Combine(workspace, "event.json");
        File.WriteAllText(eventPath, payload.ToJsonString());

        return (new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_EVENT_NAME"] = "issue_comment",
            ["GITHUB_EVENT_PATH"] = eventPath,
            ["GITHUB_REPOSITORY"] = $"{server.Owner}/{server.Repo}",
            ["GITHUB_API_URL"] = server.ApiUrl.ToString(),
            ["GITHUB_GRAPHQL_URL"] = new Uri(server.BaseAddress, "api/graphql").ToString(),
            ["GITHUB_WORKSPACE"] = workspace,
            ["GITHUB_RUN_ID"] = "1",
            ["INPUT_GITHUB-TOKEN"] = "ghs_benchmarkToken",
        }, comment.Id);
    }

    private static async Task<(int Code, string Output)> RunProcessAsync(string dll, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("run");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ImpactBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ImpactBot.sln not found above the benchmark's folder.");
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
