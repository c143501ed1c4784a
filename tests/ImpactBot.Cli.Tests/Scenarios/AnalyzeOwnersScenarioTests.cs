namespace ImpactBot.Cli.Tests.Scenarios;

/// <summary>Owners, follow-ups, exposures, catalog entries and the exit-code policy of <c>analyze</c>.</summary>
public sealed class AnalyzeOwnersScenarioTests
{
    private static async Task<ShopScenario.Run> AmountChangeAsync(ShopScenario scenario, params string[] extra)
    {
        scenario.Repo.Replace("models/staging/stg_payments.sql", "amount / 100.0 as amount", "amount / 100 as amount");
        return await scenario.AnalyzeAsync(extra);
    }

    [Test]
    public async Task Analyze_Owners_ComeFromMetaGroupsCodeownersAndAliases()
    {
        using var scenario = ShopScenario.Create();

        var run = await AmountChangeAsync(scenario);

        Assert.That(run.Strings("orders", "owners"), Does.Contain("@bob"), "meta.owner");
        Assert.That(run.Strings("customers", "owners"), Does.Contain("@alice"), "config.meta.owner through an alias");
        Assert.That(run.Strings("revenue_daily", "owners"), Does.Contain("@acme/finance"), "group owner through an alias");
        Assert.That(run.Strings("orders", "owners"), Is.EqualTo(new[] { "@bob" }), "CODEOWNERS only for assets without a dbt owner");
        Assert.That(run.Strings("churn_model", "owners"), Is.EqualTo(new[] { "@ml-team" }), ".impactbot.yml catalog");
    }

    [Test]
    public async Task Analyze_CodeownersAlways_AddsCodeownersAfterTheDbtOwners()
    {
        using var scenario = ShopScenario.Create(repo => repo.Replace(".impactbot.yml", "fail-on: breaking\n", "fail-on: breaking\ncodeowners: always\n"));

        var run = await AmountChangeAsync(scenario);

        Assert.That(run.Strings("orders", "owners"), Is.EqualTo(new[] { "@bob", "@analytics" }));
    }

    [Test]
    public async Task Analyze_IncrementalAndPublicDownstream_GetFollowUps()
    {
        using var scenario = ShopScenario.Create();
        scenario.Repo.Replace("models/staging/stg_customers.sql", "        last_name,\n", "");

        var run = await AmountChangeAsync(scenario);

        Assert.That(string.Join("\n", run.Strings("revenue_daily", "follow_ups")), Does.Contain("--full-refresh"));
        Assert.That(string.Join("\n", run.Strings("customers", "follow_ups")), Does.Contain("new model version"));
    }

    [Test]
    public async Task Analyze_ExposureAndCatalogEntry_AreReached()
    {
        using var scenario = ShopScenario.Create();

        var run = await AmountChangeAsync(scenario);

        Assert.That(run.Impact("weekly_revenue")!.Value.GetProperty("type").GetString(), Is.EqualTo("exposure"));
        Assert.That(run.Impact("churn_model"), Is.Not.Null);
    }

    [Test]
    public async Task Analyze_FailOnBreaking_ExitsThree()
    {
        using var scenario = ShopScenario.Create();
        scenario.Repo.Replace("models/staging/stg_customers.sql", "        last_name,\n", "");

        var run = await scenario.AnalyzeAsync("--fail-on", "breaking");

        Assert.That(run.Code, Is.EqualTo(3));
    }

    [Test]
    public async Task Analyze_FailOnBreakingWithValuesOnly_ExitsZero()
    {
        using var scenario = ShopScenario.Create();

        var run = await AmountChangeAsync(scenario, "--fail-on", "breaking");

        Assert.That(run.Code, Is.EqualTo(0));
    }

    [Test]
    public async Task Analyze_Snapshot_WarmPathMatchesColdAndStaleSnapshotWarns()
    {
        using var scenario = ShopScenario.Create();
        var snapshot = Path.Combine(scenario.Dir, ".git", "impactbot.snapshot");
        var cold = await AmountChangeAsync(scenario, "--snapshot", snapshot);
        Assert.That(File.Exists(snapshot), Is.True);

        var warm = await ShopScenario.RunAsync("analyze", "--repo", scenario.Dir, "--base", "main", "--format", "json", "--snapshot", snapshot);
        Assert.That(warm.Json.GetProperty("impacts").GetRawText(), Is.EqualTo(cold.Json.GetProperty("impacts").GetRawText()));
        Assert.That(warm.Warnings, Is.Empty);

        scenario.Repo.Checkout("main");
        scenario.Repo.Replace("models/staging/stg_orders.sql", "    status\n", "    status,\n    order_date as ordered_on\n");
        scenario.Repo.Commit("main moves on");
        scenario.Repo.Checkout("change");
        scenario.Repo.Git("merge", "-q", "--no-edit", "main");
        var stale = await ShopScenario.RunAsync("analyze", "--repo", scenario.Dir, "--base", "main", "--format", "json", "--snapshot", snapshot);
        Assert.That(string.Join("\n", stale.Warnings), Does.Contain("refreshed incrementally"));
        Assert.That(stale.Json.GetProperty("impacts").GetRawText(), Is.EqualTo(cold.Json.GetProperty("impacts").GetRawText()));
    }

    [Test]
    public async Task Analyze_MarkdownWithFourHundredImpacts_StaysUnderCommentLimitAndSaysWhatWasCollapsed()
    {
        using var scenario = ShopScenario.Create(repo =>
        {
            for (var i = 0; i < 400; i++)
            {
                repo.Write($"models/marts/wide/order_view_{i:D3}.sql", "select order_id, status from {{ ref('stg_orders') }}\n");
            }
        });
        scenario.Repo.Replace("models/staging/stg_orders.sql", "    status\n", "    upper(status) as status\n");
        scenario.Repo.Commit("change");

        var run = await ShopScenario.RunAsync("analyze", "--repo", scenario.Dir, "--base", "main", "--format", "markdown");

        Assert.That(run.Output.Length, Is.LessThan(65_536));
        Assert.That(run.Output, Does.Contain("order_view_000"));
        Assert.That(run.Output, Does.Match("(?i)(more|collapsed|omitted|not shown)"));
    }
}
