using System.CommandLine;

namespace ImpactBot.Cli;

/// <summary>Composes the commands. Each command lives in Commands/ and writes to the given writers so tests can run it in-process.</summary>
public static class ImpactBotApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("ImpactBot: column-level change impact for dbt and SQL repositories.");
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await root.Parse(args).InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
