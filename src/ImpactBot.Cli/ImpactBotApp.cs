using System.CommandLine;
using ImpactBot.Cli.Commands;

namespace ImpactBot.Cli;

/// <summary>Composes the commands. Each command lives in Commands/ and writes to the given writers so tests can run it in-process.</summary>
public static class ImpactBotApp
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, Console.In, output, error, cancellationToken);

    /// <summary>Runs with an explicit standard input (commands that accept <c>-</c> read it).</summary>
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("ImpactBot: column-level change impact for dbt and SQL repositories.")
        {
            LineageCommand.Create(input),
        };
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync("error: " + parseError.Message).ConfigureAwait(false);
            }

            await error.WriteLineAsync("run 'impactbot --help' for usage").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
