using ImpactBot.Core.Files;
using ImpactBot.Core.Graph;
using ImpactBot.Dbt.Analysis;

namespace ImpactBot.Dbt.Tests;

/// <summary>The lineage graph of a small repository written in the test, read as <c>impactbot snapshot build</c> reads one.</summary>
internal static class FixtureGraphs
{
    public static LineageGraph Build(InMemoryFileSource source, ProjectOptions? options = null) =>
        ProjectGraph.Build(source, "base", ProjectGraph.ReadConfigOrDefault(source), options ?? ProjectOptions.Default, previous: null).Build.Graph;

    public static LineageGraph Build(IReadOnlyDictionary<string, string> files, ProjectOptions? options = null) =>
        Build(FixtureFiles.Of([.. files.Select(kv => (kv.Key, kv.Value))]), options);
}
