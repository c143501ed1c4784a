namespace ImpactBot.Cli.Tests.Scenarios;

/// <summary><c>analyze</c> on real git repositories: what each kind of change reports, and what it must not.</summary>
public sealed class AnalyzeChangeScenarioTests
{
    [Test]
    public async Task Analyze_RemovedColumn_BreaksFirstHopAndTestsOnThatColumnOnly_DownstreamOfTheBreakIsStale()
    {
        using var scenario = ShopScenario.Create();
        scenario.Repo.Replace("models/staging/stg_customers.sql", "        last_name,\n", "");

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(0), run.Error);
        Assert.That(run.ColumnChanges("stg_customers"), Is.EqualTo(new[] { "last_name:removed" }));
        Assert.That(run.Severity("customers"), Is.EqualTo("breaking"));
        Assert.That(run.Strings("customers", "columns"), Is.EqualTo(new[] { "last_name" }));
        Assert.That(run.Severity("not_null_stg_customers_last_name"), Is.EqualTo("breaking"));
        Assert.That(run.Affected, Does.Not.Contain("unique_stg_customers_customer_id").And.Not.Contain("orders"));
        // customers fails to build, so what reads it is stale until it is fixed: breaking, folded under it.
        Assert.That(run.Severity("churn_model"), Is.EqualTo("breaking"));
        Assert.That(run.Impact("churn_model")!.Value.GetProperty("folded_under").GetString(), Is.EqualTo("customers"));
    }

    [Test]
    public async Task Analyze_RenamedColumn_ReportsRenameAndBreaksReaders()
    {
        using var scenario = ShopScenario.Create();
        scenario.Repo.Replace("models/staging/stg_customers.sql", "        first_name,\n", "        first_name as given_name,\n");

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.ColumnChanges("stg_customers"), Does.Contain("first_name:renamed").Or.Contain("given_name:renamed"));
        Assert.That(run.Severity("customers"), Is.EqualTo("breaking"));
        Assert.That(run.Strings("customers", "columns"), Is.EqualTo(new[] { "first_name" }));
    }

    [Test]
    public async Task Analyze_ExpressionChange_ReportsValuesChainWithPath()
    {
        using var scenario = ShopScenario.Create();
        scenario.Repo.Replace("models/staging/stg_payments.sql", "amount / 100.0 as amount", "round(amount / 100.0, 2) as amount");

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.ColumnChanges("stg_payments"), Is.EqualTo(new[] { "amount:expression" }));
        Assert.That(run.Severity("revenue_daily"), Is.EqualTo("values"));
        Assert.That(run.Impact("revenue_daily")!.Value.GetProperty("path").GetString(), Is.EqualTo("stg_payments.amount -> orders.amount -> revenue_daily.revenue"));
        Assert.That(run.Strings("revenue_daily", "columns"), Is.EqualTo(new[] { "revenue" }));
        Assert.That(run.Strings("customers", "columns"), Is.EqualTo(new[] { "lifetime_value" }));
        Assert.That(run.Severity("weekly_revenue"), Is.EqualTo("values"));
        Assert.That(run.Severity("churn_model"), Is.EqualTo("values"));
        Assert.That(run.Affected, Does.Not.Contain("order_status_counts").And.Not.Contain("stg_orders"));
    }

    [Test]
    public async Task Analyze_FilterChange_ReachesEveryReader()
    {
        using var scenario = ShopScenario.Create();
        scenario.Repo.Replace("models/staging/stg_orders.sql", "from source\n", "from source\nwhere status <> 'test'\n");

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Json.GetProperty("changes")[0].GetProperty("rows").EnumerateArray().Select(r => r.GetString()), Does.Contain("filter"));
        Assert.That(run.Severity("orders"), Is.EqualTo("values"));
        Assert.That(run.Severity("order_status_counts"), Is.EqualTo("values"));
        Assert.That(run.Severity("customers"), Is.EqualTo("values"));
    }

    [Test]
    public async Task Analyze_WhitespaceCommentAndCteRename_ReportsNothing()
    {
        using var scenario = ShopScenario.Create();
        scenario.Repo.Replace("models/staging/stg_orders.sql", "with source as (", "-- raw orders\nwith   src as (\n");
        scenario.Repo.Replace("models/staging/stg_orders.sql", "from source", "from src");

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Affected, Is.Empty);
        Assert.That(run.ColumnChanges("stg_orders"), Is.Empty);
    }

    [Test]
    public async Task Analyze_NewColumnThroughStar_ReportsSchemaOnly()
    {
        using var scenario = ShopScenario.Create(repo => repo.Write("models/marts/customer_export.sql", "select * from {{ ref('stg_customers') }}\n"));
        scenario.Repo.Replace("models/staging/stg_customers.sql", "lower(email) as email\n", "lower(email) as email,\n        upper(first_name) as shout\n");

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.ColumnChanges("stg_customers"), Is.EqualTo(new[] { "shout:added" }));
        Assert.That(run.Severity("customer_export"), Is.EqualTo("schema"));
        Assert.That(run.Affected, Does.Not.Contain("customers"));
    }

    [Test]
    public async Task Analyze_ModelRemoved_BreaksEveryReader()
    {
        using var scenario = ShopScenario.Create();
        scenario.Repo.Delete("models/staging/stg_orders.sql");

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Json.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("asset").GetString() == "stg_orders").GetProperty("kind").GetString(), Is.EqualTo("removed"));
        Assert.That(run.Severity("orders"), Is.EqualTo("breaking"));
        Assert.That(run.Severity("order_status_counts"), Is.EqualTo("breaking"));
    }

    [Test]
    public async Task Analyze_ModelRenamed_ReportsRenameAndBreaksReaders()
    {
        using var scenario = ShopScenario.Create();
        scenario.Repo.Write("models/staging/stg_shop_orders.sql", File.ReadAllText(Path.Combine(scenario.Dir, "models/staging/stg_orders.sql")));
        scenario.Repo.Delete("models/staging/stg_orders.sql");

        var run = await scenario.AnalyzeAsync();

        var kinds = run.Json.GetProperty("changes").EnumerateArray().Select(c => $"{c.GetProperty("asset").GetString()}:{c.GetProperty("kind").GetString()}");
        Assert.That(kinds, Does.Contain("stg_shop_orders:renamed").Or.Contain("stg_orders:renamed"));
        Assert.That(run.Severity("order_status_counts"), Is.EqualTo("breaking"));
    }

    [Test]
    public async Task Analyze_MaterializationChange_ReportsRowLevelChange()
    {
        using var scenario = ShopScenario.Create();
        scenario.Repo.Replace("models/marts/finance/order_status_counts.sql", "select\n", "{{ config(materialized='view') }}\nselect\n");

        var run = await scenario.AnalyzeAsync();

        var change = run.Json.GetProperty("changes").EnumerateArray().Single();
        Assert.That(change.GetProperty("asset").GetString(), Is.EqualTo("order_status_counts"));
        Assert.That(change.GetRawText(), Does.Contain("materializ"));
    }

    [Test]
    public async Task Analyze_YamlDescriptionOnly_ReportsInfo()
    {
        using var scenario = ShopScenario.Create();
        scenario.Repo.Replace("models/staging/_staging.yml", "  - name: stg_payments\n", "  - name: stg_payments\n    description: Successful payments in dollars.\n");

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Json.GetProperty("changes").EnumerateArray().Single().GetProperty("asset").GetString(), Is.EqualTo("stg_payments"));
        Assert.That(run.Json.GetProperty("impacts").EnumerateArray().Select(i => i.GetProperty("severity").GetString()).Distinct(), Is.SubsetOf(new[] { "info" }));
    }

    [Test]
    public async Task Analyze_RenameFollowedThroughSelectStar_ReadersOfTheOldNameBreakAtTheirLine_UpdatedReadersAndTheStarModelDoNot()
    {
        using var scenario = ShopScenario.Create(repo => repo
            .Write("models/marts/customer_export.sql", "select * from {{ ref('stg_customers') }}\n")
            .Write("models/marts/export_old_reader.sql", "select\n    customer_id,\n    first_name\nfrom {{ ref('customer_export') }}\n")
            .Write("models/marts/export_new_reader.sql", "select\n    customer_id,\n    first_name\nfrom {{ ref('customer_export') }}\n"));
        scenario.Repo.Replace("models/staging/stg_customers.sql", "        first_name,\n", "        first_name as given_name,\n");
        scenario.Repo.Replace("models/marts/customers.sql", "customers.first_name,", "customers.given_name,");
        scenario.Repo.Replace("models/marts/export_new_reader.sql", "    first_name\n", "    given_name\n");

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(0), run.Error);
        Assert.That(run.ColumnChanges("stg_customers"), Is.EqualTo(new[] { "first_name:renamed" }));
        Assert.That(run.ColumnChanges("customers"), Is.EqualTo(new[] { "first_name:renamed" }), "the updated reader renames too, not removed + added");
        Assert.That(run.ColumnChanges("export_new_reader"), Is.EqualTo(new[] { "first_name:renamed" }));
        Assert.That(run.Severity("customer_export"), Is.EqualTo("schema"));
        Assert.That(run.Impact("customer_export")!.Value.GetProperty("reason").GetString(), Is.EqualTo("passes stg_customers.first_name on unchanged: its column first_name is now given_name"));
        Assert.That(run.Severity("export_old_reader"), Is.EqualTo("breaking"));
        Assert.That(run.Impact("export_old_reader")!.Value.GetProperty("reason").GetString(), Does.StartWith("reads customer_export.first_name, renamed to given_name"));
        Assert.That(References(run, "export_old_reader"), Is.EqualTo(new[] { "models/marts/export_old_reader.sql:3" }));
        Assert.That(run.Affected, Does.Not.Contain("export_new_reader"));
    }

    [Test]
    public async Task Analyze_RenamedColumnStillNamedInYaml_FlagsTheEntryAtItsLine_BreakingWithDataTestsInfoForDocsOnly()
    {
        using var scenario = ShopScenario.Create(repo => repo
            .Write("models/marts/customer_export.sql", "select * from {{ ref('stg_customers') }}\n")
            .Write("models/marts/_export.yml", "version: 2\n\nmodels:\n  - name: customer_export\n    columns:\n      - name: last_name\n        description: Family name.\n"));
        scenario.Repo.Replace("models/staging/stg_customers.sql", "        last_name,\n", "        last_name as surname,\n");
        scenario.Repo.Replace("models/marts/customers.sql", "customers.last_name,", "customers.surname as last_name,");

        var run = await scenario.AnalyzeAsync();

        Assert.That(run.Code, Is.EqualTo(0), run.Error);
        Assert.That(run.Severity("stg_customers"), Is.EqualTo("breaking"));
        Assert.That(run.Impact("stg_customers")!.Value.GetProperty("reason").GetString(), Is.EqualTo(
            "models/staging/_staging.yml:8 still declares last_name (renamed to surname): its data tests will fail (not_null_stg_customers_last_name); rename or remove the entry"));
        Assert.That(References(run, "stg_customers"), Is.EqualTo(new[] { "models/staging/_staging.yml:8" }));
        Assert.That(run.Severity("not_null_stg_customers_last_name"), Is.EqualTo("breaking"));
        Assert.That(run.Impact("customer_export")!.Value.GetProperty("reason").GetString(), Does.EndWith(
            "models/marts/_export.yml:6 still documents last_name (renamed to surname): the docs are stale; rename or remove the entry"));
        Assert.That(run.Affected, Does.Not.Contain("customers"), "customers keeps its column under the old name");
    }

    private static string[] References(ShopScenario.Run run, string asset) =>
        [.. run.Impact(asset)!.Value.GetProperty("references").EnumerateArray().Select(r => $"{r.GetProperty("file").GetString()}:{r.GetProperty("line").GetInt32()}")];
}
