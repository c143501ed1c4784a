using System.Collections;

namespace ImpactBot.Cli.Commands;

/// <summary>The process's environment variables as a plain dictionary, the form the CI and serve settings read.</summary>
internal static class ProcessEnvironment
{
    public static Dictionary<string, string> Read()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            env[(string)entry.Key] = entry.Value as string ?? "";
        }

        return env;
    }
}
