using System.Text;

namespace ImpactBot.Cli.Tests.Scenarios;

/// <summary>Bad input gets a clear diagnostic and a partial report, never an unhandled exception.</summary>
public sealed class AnalyzeBadInputScenarioTests
{
    private static void ChangeAmount(ShopScenario scenario) =>
        scenario.Repo.Replace("models/staging/stg_payments.sql", "amount / 100.0 as amount", "amount / 100 as amount");

    [Test]
    public async Task Analyze_BrokenYaml_NamesFileAndLineAndStillReports()
    {
        using var scenario = ShopScenario.Create();
        ChangeAmount(scenario);
        scenario.Repo.Replace("models/staging/_staging.yml", "  - name: stg_orders\n", "  - name: stg_orders\n   columns: [oops\n");

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(0), run.Error);
        Assert.That(run.Diagnostics, Has.Some.StartsWith("models/staging/_staging.yml:"));
        Assert.That(run.Diagnostics.First(d => d.StartsWith("models/staging/_staging.yml:", StringComparison.Ordinal)), Does.Not.StartWith("models/staging/_staging.yml:0:"));
        Assert.That(run.Severity("revenue_daily"), Is.EqualTo("values"));
    }

    [Test]
    public async Task Analyze_ModelThatDoesNotParse_IsDiagnosedAndOthersStillAnalysed()
    {
        using var scenario = ShopScenario.Create();
        ChangeAmount(scenario);
        scenario.Repo.Write("models/marts/finance/order_status_counts.sql", "select status,, count(* as orders from {{ ref('stg_orders') }} group by\n");

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(0), run.Error);
        Assert.That(run.Diagnostics, Has.Some.Contains("order_status_counts.sql"));
        Assert.That(run.Severity("revenue_daily"), Is.EqualTo("values"));
    }

    [Test]
    public async Task Analyze_MissingRef_IsDiagnosed()
    {
        using var scenario = ShopScenario.Create();
        scenario.Repo.Write("models/marts/ghost.sql", "select order_id from {{ ref('no_such_model') }}\n");

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(0), run.Error);
        Assert.That(string.Join("\n", run.Diagnostics), Does.Contain("no_such_model"));
    }

    [Test]
    public async Task Analyze_RefCycle_IsDiagnosed()
    {
        using var scenario = ShopScenario.Create();
        scenario.Repo.Write("models/marts/cycle_a.sql", "select x from {{ ref('cycle_b') }}\n");
        scenario.Repo.Write("models/marts/cycle_b.sql", "select x from {{ ref('cycle_a') }}\n");

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(0), run.Error);
        Assert.That(string.Join("\n", run.Diagnostics), Does.Contain("cycle"));
    }

    [Test]
    public async Task Analyze_BinaryFileNamedSql_FailsTheCheckWithoutCrash()
    {
        using var scenario = ShopScenario.Create();
        ChangeAmount(scenario);
        scenario.Repo.WriteBytes("models/marts/blob.sql", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0x00, 0x10]);

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(ExitCodes.InputErrors), run.Error);
        Assert.That(run.Severity("revenue_daily"), Is.EqualTo("values"));
    }

    [Test]
    public async Task Analyze_TruncatedManifest_IsDiagnosedAndProjectFilesUsed()
    {
        using var scenario = ShopScenario.Create();
        ChangeAmount(scenario);
        var manifest = Path.Combine(scenario.Dir, ".git", "manifest.json");
        await File.WriteAllTextAsync(manifest, """{"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json"}, "nodes": {"model.shop.orders": {"name": "ord""");

        var run = await scenario.AnalyzeAsync("--manifest", manifest);

        Assert.That(run.Code, Is.EqualTo(0), run.Error);
        Assert.That(string.Join("\n", run.Diagnostics), Does.Contain("manifest"));
        Assert.That(run.Severity("revenue_daily"), Is.EqualTo("values"));
    }

    [Test]
    public async Task Analyze_SnapshotOfUnknownVersion_WarnsAndRebuilds()
    {
        using var scenario = ShopScenario.Create();
        ChangeAmount(scenario);
        var snapshot = Path.Combine(scenario.Dir, ".git", "old.snapshot");
        using (var writer = new BinaryWriter(File.Create(snapshot), Encoding.UTF8))
        {
            writer.Write("IMPACTBOT-SNAPSHOT");
            writer.Write7BitEncodedInt(99);
        }

        var run = await scenario.AnalyzeAsync("--snapshot", snapshot);

        Assert.That(run.Code, Is.EqualTo(0), run.Error);
        Assert.That(string.Join("\n", run.Warnings), Does.Contain("version 99"));
        Assert.That(run.Severity("revenue_daily"), Is.EqualTo("values"));
        Assert.That(new FileInfo(snapshot).Length, Is.GreaterThan(100), "rebuilt and written back");
    }

    [Test]
    public async Task Analyze_BadImpactbotYml_ExitsTwoNamingKeyAndLine()
    {
        using var scenario = ShopScenario.Create();
        scenario.Repo.Write(".impactbot.yml", "dialect: snowflake\nfail-on: sometimes\n");

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("fail-on").And.Contain("2"));
    }
}
