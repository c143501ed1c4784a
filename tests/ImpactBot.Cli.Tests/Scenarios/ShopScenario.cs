using System.Text.Json;
using ImpactBot.Testing.Git;

namespace ImpactBot.Cli.Tests.Scenarios;

/// <summary>
/// A real git repository holding the examples/shop dbt project committed on main, with a "change" branch checked out:
/// tests edit files, commit the change and run <c>impactbot</c> in-process on it.
/// </summary>
internal sealed class ShopScenario : IDisposable
{
    private ShopScenario(TempGitRepo repo) => Repo = repo;

    public TempGitRepo Repo { get; }

    public string Dir => Repo.Path;

    public static ShopScenario Create(Action<TempGitRepo>? baseEdit = null)
    {
        // The bundled example project, dot files (CODEOWNERS, .impactbot.yml) included.
        var repo = TempGitRepo.Create().CopyFrom(Path.Combine(Ci.GitHub.ActionsScenario.RepositoryRoot(), "examples", "shop"));
        baseEdit?.Invoke(repo);
        repo.Commit("base");
        repo.Checkout("change", create: true);
        return new ShopScenario(repo);
    }

    public static async Task<Run> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ImpactBotApp.RunAsync(args, TextReader.Null, output, error);
        return new Run(code, output.ToString(), error.ToString());
    }

    /// <summary>Commits the working tree as the change and runs <c>analyze --base main</c> on it.</summary>
    public async Task<Run> AnalyzeAsync(params string[] extra)
    {
        Repo.Commit("change");
        return await RunAsync(["analyze", "--repo", Dir, "--base", "main", "--format", "json", .. extra]);
    }

    public void Dispose() => Repo.Dispose();

    internal sealed record Run(int Code, string Output, string Error)
    {
        private JsonElement? _json;

        public JsonElement Json => _json ??= JsonDocument.Parse(Output).RootElement.Clone();

        public JsonElement? Impact(string asset) =>
            Json.GetProperty("impacts").EnumerateArray().Where(i => i.GetProperty("asset").GetString() == asset).Cast<JsonElement?>().FirstOrDefault();

        public string Severity(string asset) => Impact(asset)?.GetProperty("severity").GetString() ?? "none";

        public string[] Strings(string asset, string property) =>
            [.. Impact(asset)!.Value.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];

        public string[] Affected => [.. Json.GetProperty("impacts").EnumerateArray().Select(i => i.GetProperty("asset").GetString()!).Order(StringComparer.Ordinal)];

        public string[] ColumnChanges(string asset) =>
        [
            .. Json.GetProperty("changes").EnumerateArray()
                .Where(c => c.GetProperty("asset").GetString() == asset)
                .SelectMany(c => c.GetProperty("columns").EnumerateArray())
                .Select(c => $"{c.GetProperty("name").GetString()}:{c.GetProperty("change").GetString()}"),
        ];

        public string[] Diagnostics => [.. Json.GetProperty("diagnostics").EnumerateArray().Select(d => $"{d.GetProperty("path").GetString()}:{d.GetProperty("line").GetInt32()}: {d.GetProperty("message").GetString()}")];

        public string[] Warnings => [.. Json.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!)];
    }
}
