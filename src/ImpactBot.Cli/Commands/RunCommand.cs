using System.CommandLine;
using ImpactBot.Cli.Ci;
using ImpactBot.Cli.Ci.GitHub;
using ImpactBot.Cli.Ci.GitLab;

namespace ImpactBot.Cli.Commands;

/// <summary><c>impactbot run</c>: CI mode. Detects GitHub Actions or GitLab CI from the environment and runs that platform's flow.</summary>
internal static class RunCommand
{
    /// <summary>The platforms `run` knows, asked in order.</summary>
    private static readonly ICiRunner[] Runners = [new GitHubActionsRunner(), new GitLabCiRunner()];

    public static Command Create(IReadOnlyDictionary<string, string>? environment = null)
    {
        var command = new Command("run", "CI mode: analyse the pull/merge request of this CI job, post the checklist comment and set the status.");
        command.SetAction((parse, cancellationToken) => ExitCodeMap.RunAsync(parse.InvocationConfiguration.Error, async () =>
        {
            var env = environment ?? ProcessEnvironment.Read();
            var output = parse.InvocationConfiguration.Output;
            var runner = Runners.FirstOrDefault(r => r.Detects(env));
            if (runner is null)
            {
                await output.WriteLineAsync("impactbot run: neither GitHub Actions (GITHUB_ACTIONS) nor GitLab CI (GITLAB_CI) detected; nothing to do. Use `impactbot analyze` locally.").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            return await runner.RunAsync(env, output, parse.InvocationConfiguration.Error, cancellationToken).ConfigureAwait(false);
        }));
        return command;
    }
}
