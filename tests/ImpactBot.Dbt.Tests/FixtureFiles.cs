using ImpactBot.Core.Files;

namespace ImpactBot.Dbt.Tests;

/// <summary>Loads a fixture folder (copied to the test output) as an in-memory repository.</summary>
internal static class FixtureFiles
{
    public static string Root(string folder) => Path.Combine(AppContext.BaseDirectory, "Fixtures", folder);

    public static InMemoryFileSource Load(string folder, params (string Path, string Text)[] extra)
    {
        var root = Root(folder);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => new KeyValuePair<string, string>(Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)))
            .Concat(extra.Select(e => new KeyValuePair<string, string>(e.Path, e.Text)));
        return new InMemoryFileSource(files);
    }

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath));

    public static InMemoryFileSource Of(params (string Path, string Text)[] files) =>
        new(files.Select(f => new KeyValuePair<string, string>(f.Path, f.Text)));
}
