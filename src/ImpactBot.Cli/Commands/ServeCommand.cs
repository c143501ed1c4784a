using System.CommandLine;
using ImpactBot.Cli.Serve;

namespace ImpactBot.Cli.Commands;

/// <summary><c>impactbot serve</c>: a small webhook receiver for `/impact` on GitLab (and GitHub) and checklist ticks.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen (default: IMPACTBOT_URLS, then {ServeOptions.DefaultUrls})." };
        var command = new Command("serve", "Receive GitLab/GitHub webhooks: /impact reruns and checklist acknowledgements. Configured by IMPACTBOT_* variables (see README).") { urls };
        command.SetAction((parse, cancellationToken) => ExitCodeMap.RunAsync(parse.InvocationConfiguration.Error, async () =>
        {
            var options = ServeOptions.FromEnvironment(ProcessEnvironment.Read(), parse.GetValue(urls));
            var app = ServeApp.Build(options);
            await using (app.ConfigureAwait(false))
            {
                // RunAsync stops on Ctrl+C / SIGTERM (the host's console lifetime) or when the command is cancelled.
                await app.RunAsync(cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
