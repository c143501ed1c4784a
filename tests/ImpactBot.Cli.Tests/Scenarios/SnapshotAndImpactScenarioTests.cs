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
        Assert.That(json.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "models", "columns", "edges", "complete", "partial", "failed", "seconds" }));
        Assert.That(json.GetProperty("models").GetInt32(), Is.EqualTo(7));
        Assert.That(json.GetProperty("complete").GetInt32() + json.GetProperty("partial").GetInt32() + json.GetProperty("failed").GetInt32(), Is.EqualTo(7));
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
            "git", "snapshot load", "read project", "read project: read files", "read project: yaml", "read project: render models",
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
    }
}
