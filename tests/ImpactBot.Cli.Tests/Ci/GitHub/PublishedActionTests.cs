using System.Diagnostics;
using ImpactBot.Testing.GitHub;

namespace ImpactBot.Cli.Tests.Ci.GitHub;

/// <summary>
/// The CLI published exactly as the Dockerfile publishes it (linux-x64, ReadyToRun, framework-dependent), run as a separate
/// process through one simulated Actions pull_request job. Publishing takes minutes on a small machine, so the test is
/// explicit; set IMPACTBOT_PUBLISHED to an existing publish folder to skip the publish step.
/// </summary>
[Category("Slow")]
[Explicit("publishes the CLI (minutes on a 2-core machine); run with --filter Category=Slow")]
public sealed class PublishedActionTests
{
    [Test]
    public async Task PublishedCli_PullRequestOpened_PostsReportAndFailingCheck()
    {
        var app = Environment.GetEnvironmentVariable("IMPACTBOT_PUBLISHED") is { Length: > 0 } existing ? existing : await PublishAsync();
        await using var server = await FakeGitHubServer.StartAsync();
        using var scenario = new ActionsScenario(server);
        scenario.ResetServer();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = scenario.Repo.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(app, "impactbot.dll"));
        info.ArgumentList.Add("run");
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("GITHUB_", StringComparison.Ordinal) || k.StartsWith("INPUT_", StringComparison.Ordinal) || k.StartsWith("RUNNER_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in scenario.Environment("pull_request", scenario.PullRequestEvent("opened")))
        {
            info.Environment[name] = value;
        }

        var (code, output, error) = await RunAsync(info, TimeSpan.FromSeconds(60));

        Assert.That(code, Is.EqualTo(0), error);
        var comment = server.CommentsOn(ActionsScenario.Number).Single();
        var check = server.CheckRuns.Last();
        Assert.Multiple(() =>
        {
            Assert.That(comment.Body, Does.StartWith("<!-- impactbot:report -->").And.Contain("customers"));
            Assert.That(check["conclusion"]?.GetValue<string>(), Is.EqualTo("failure"));
            Assert.That(output, Does.Contain("::add-mask::"));
            Assert.That(File.ReadAllText(scenario.SummaryFile), Does.Contain("not_null"));
            Assert.That(File.ReadAllText(scenario.OutputFile), Does.Contain("breaking="));
        });
    }

    private static async Task<string> PublishAsync()
    {
        var root = ActionsScenario.RepositoryRoot();
        var work = Path.Combine(Path.GetTempPath(), "impactbot-publish-" + Guid.NewGuid().ToString("N")[..8]);
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The Dockerfile's command; --artifacts-path keeps the checkout's bin/obj untouched.
        foreach (var argument in new[] { "publish", "src/ImpactBot.Cli", "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true", "--artifacts-path", Path.Combine(work, "artifacts"), "-o", Path.Combine(work, "app") })
        {
            info.ArgumentList.Add(argument);
        }

        var (code, output, error) = await RunAsync(info, TimeSpan.FromMinutes(15));
        if (code != 0 && ((output + error).Contains("NU1101", StringComparison.Ordinal) || (output + error).Contains("NU1301", StringComparison.Ordinal)))
        {
            Assert.Ignore($"publishing for linux-x64 needs the runtime and crossgen packs, which could not be restored offline:{Environment.NewLine}{output}{error}");
        }

        Assert.That(code, Is.EqualTo(0), $"dotnet publish failed:{Environment.NewLine}{output}{error}");
        return Path.Combine(work, "app");
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(ProcessStartInfo info, TimeSpan timeout)
    {
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{info.FileName} {string.Join(' ', info.ArgumentList)} did not finish within {timeout}.");
        }

        return (process.ExitCode, await output, await error);
    }
}
