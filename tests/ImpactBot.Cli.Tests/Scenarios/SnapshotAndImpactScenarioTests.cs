using System.Text.Json;

namespace ImpactBot.Cli.Tests.Scenarios;

/// <summary><c>snapshot build</c> and <c>impact</c> on a real git repository.</summary>
public sealed class SnapshotAndImpactScenarioTests
{
    [Test]
    public async Task SnapshotBuild_Json_PrintsDocumentedShape()
    {
        using var scenario = ShopScenario.Create();
        var snapshot = Path.Combine(scenario.Dir, ".git", "shop.snapshot");

        var run = await ShopScenario.RunAsync("snapshot", "build", "--repo", scenario.Dir, "--ref", "main", "--out", snapshot, "--format", "json");

        Assert.That(run.Code, Is.EqualTo(0), run.Error);
        var json = JsonDocument.Parse(run.Output).RootElement;
        Assert.That(json.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "models", "columns", "edges", "complete", "inferred", "partial", "failed", "seconds" }));
        Assert.That(json.GetProperty("models").GetInt32(), Is.EqualTo(7));
        Assert.That(json.GetProperty("complete").GetInt32() + json.GetProperty("inferred").GetInt32() + json.GetProperty("partial").GetInt32() + json.GetProperty("failed").GetInt32(), Is.EqualTo(7));
        Assert.That(File.Exists(snapshot), Is.True);
    }

    [Test]
    public async Task SnapshotBuild_Timings_PrintsEachPhaseToStderrOnly()
    {
        using var scenario = ShopScenario.Create();
        var snapshot = Path.Combine(scenario.Dir, ".git", "shop.snapshot");

        var run = await ShopScenario.RunAsync("snapshot", "build", "--repo", scenario.Dir, "--ref", "main", "--out", snapshot, "--format", "json", "--timings");

        Assert.That(run.Code, Is.EqualTo(0), run.Error);
        Assert.That(JsonDocument.Parse(run.Output).RootElement.GetProperty("models").GetInt32(), Is.EqualTo(7), "stdout stays the JSON summary");
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var phases = lines[..^1].Select(l => l.Trim().Split("  ")[0]).ToArray();
        Assert.That(phases, Is.EqualTo(new[]
        {
            "git", "snapshot load", "settings", "read project", "read project: read files", "read project: yaml", "read project: render models",
            "assets", "lineage graph", "snapshot save", "total",
        }));
        Assert.That(lines[^1], Does.StartWith("garbage collections: gen0 "));
    }

    [Test]
    public async Task Analyze_Timings_NamesBaseAndHeadPhases()
    {
        using var scenario = ShopScenario.Create();
        scenario.Repo.Replace("models/marts/orders.sql", "sum(amount) as total_amount", "sum(amount) * 2 as total_amount");

        var run = await scenario.AnalyzeAsync("--timings");

        Assert.That(run.Code, Is.EqualTo(0), run.Error);
        Assert.That(run.Json.GetProperty("impacts").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(run.Error, Does.Contain("base: read project").And.Contain("head (delta): lineage graph").And.Contain("impact").And.Contain("total"));
        Assert.That(run.Error, Does.Match(@"render\s+\d+ ms"));
    }

    [Test]
    public async Task Analyze_FullRead_ReadsTheWholeHeadAndReportsTheSame()
    {
        using var scenario = ShopScenario.Create();
        scenario.Repo.Replace("models/marts/orders.sql", "sum(amount) as total_amount", "sum(amount) * 2 as total_amount");

        var delta = await scenario.AnalyzeAsync("--timings");
        var full = await ShopScenario.RunAsync("analyze", "--repo", scenario.Dir, "--base", "main", "--format", "json", "--timings", "--full-read");

        Assert.That(full.Code, Is.EqualTo(0), full.Error);
        Assert.That(delta.Error, Does.Contain("head (delta): read changed files"));
        Assert.That(full.Error, Does.Contain("head: read project").And.Not.Contain("(delta)"));
        Assert.That(full.Output, Is.EqualTo(delta.Output));
    }

    [Test]
    public async Task Impact_Column_ListsDownstreamWithOwnersButNotSiblings()
    {
        using var scenario = ShopScenario.Create();
        var snapshot = Path.Combine(scenario.Dir, ".git", "shop.snapshot");
        await ShopScenario.RunAsync("snapshot", "build", "--repo", scenario.Dir, "--ref", "main", "--out", snapshot);

        var run = await ShopScenario.RunAsync("impact", "--snapshot", snapshot, "orders.customer_id");

        Assert.That(run.Code, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("customers"));
        Assert.That(run.Output, Does.Contain("@alice"));
        Assert.That(run.Output, Does.Not.Contain("revenue_daily"), "revenue_daily reads other columns of orders");
        Assert.That(run.Output, Does.Contain("read as: "), "the snapshot's dialect and its source are shown");
    }

    [Test]
    public async Task SnapshotExport_Json_ListsEveryAssetWithItsStatusAndTheReadSettings()
    {
        using var scenario = ShopScenario.Create();
        var snapshot = Path.Combine(scenario.Dir, ".git", "shop.snapshot");
        var build = await ShopScenario.RunAsync("snapshot", "build", "--repo", scenario.Dir, "--ref", "main", "--out", snapshot, "--target", "ci", "--vars", "{region: eu}");

        var run = await ShopScenario.RunAsync("snapshot", "export", "--snapshot", snapshot);

        Assert.That((build.Code, run.Code), Is.EqualTo((0, 0)), build.Error + run.Error);
        var json = JsonDocument.Parse(run.Output).RootElement;
        Assert.That(json.GetProperty("format").GetString(), Is.EqualTo("impactbot-lineage"));
        Assert.That(json.GetProperty("settings").GetProperty("target").GetString(), Is.EqualTo("ci"));
        Assert.That(json.GetProperty("settings").GetProperty("vars").GetProperty("region").GetString(), Is.EqualTo("eu"));
        var models = json.GetProperty("assets").EnumerateArray().Where(a => a.GetProperty("type").GetString() == "model").ToList();
        Assert.That(models, Has.Count.EqualTo(json.GetProperty("summary").GetProperty("models").GetInt32()));
        Assert.That(models.Select(m => m.GetProperty("status").GetString()), Is.All.AnyOf("complete", "partial", "failed"));
    }

    [Test]
    public async Task SnapshotExport_OpenLineage_OneEventPerModelSeedAndSnapshot()
    {
        using var scenario = ShopScenario.Create();
        var snapshot = Path.Combine(scenario.Dir, ".git", "shop.snapshot");
        await ShopScenario.RunAsync("snapshot", "build", "--repo", scenario.Dir, "--ref", "main", "--out", snapshot);

        var run = await ShopScenario.RunAsync("snapshot", "export", "--snapshot", snapshot, "--format", "openlineage", "--namespace", "warehouse://acme", "--event-time", "2026-01-02T03:04:05Z");

        Assert.That(run.Code, Is.EqualTo(0), run.Error);
        var events = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.That(events, Is.Not.Empty);
        Assert.That(events.Select(e => e.GetProperty("eventTime").GetString()), Is.All.EqualTo("2026-01-02T03:04:05.000Z"));
        Assert.That(events.Select(e => e.GetProperty("outputs")[0].GetProperty("namespace").GetString()), Is.All.EqualTo("warehouse://acme"));
    }

    [Test]
    public async Task SnapshotExport_MissingFile_ExitsTwoSayingHowToBuildOne()
    {
        var run = await ShopScenario.RunAsync("snapshot", "export", "--snapshot", "/nonexistent/s.snap");

        Assert.That(run.Code, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("snapshot build --out"));
    }

    [Test]
    public async Task Analyze_VarsNotAMapping_ExitsTwoSayingWhatVarsMustBe()
    {
        using var scenario = ShopScenario.Create();

        var run = await scenario.AnalyzeAsync("--vars", "[1, 2]");

        Assert.That(run.Code, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--vars must be a YAML or JSON mapping"));
    }

    [Test]
    public async Task Analyze_ProfilesDirWithoutProfiles_ExitsTwo()
    {
        using var scenario = ShopScenario.Create();

        var run = await scenario.AnalyzeAsync("--profiles-dir", scenario.Dir + "/nowhere");

        Assert.That(run.Code, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("holds no profiles.yml"));
    }
}
