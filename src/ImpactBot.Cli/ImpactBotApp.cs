using System.CommandLine;
using ImpactBot.Cli.Commands;

namespace ImpactBot.Cli;

/// <summary>Composes the commands. Each command lives in Commands/ and writes to the given writers so tests can run it in-process.</summary>
public static class ImpactBotApp
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, Console.In, output, error, cancellationToken);

    /// <summary>Runs with an explicit standard input (commands that accept <c>-</c> read it).</summary>
    public static Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, input, output, error, environment: null, cancellationToken);

    /// <summary>Runs with an explicit environment for <c>impactbot run</c> (null: the process environment); tests pass CI variables this way.</summary>
    internal static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var root = new RootCommand("ImpactBot: column-level change impact for dbt and SQL repositories.")
        {
            AnalyzeCommand.Create(),
            SnapshotCommand.Create(),
            ImpactCommand.Create(),
            LineageCommand.Create(input),
            RunCommand.Create(environment),
            ServeCommand.Create(),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync($"error: {problem.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run `impactbot --help` for usage.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
