using System.Text.Json;
using ImpactBot.Core.Files;
using ImpactBot.Dbt.Analysis;

namespace ImpactBot.Dbt.Tests.Manifest;

/// <summary>dbt's compiled code inlines ephemeral models as <c>__dbt__cte__&lt;name&gt;</c> CTEs (as in dbt_hubspot's manifest).</summary>
public sealed class EphemeralCteTests
{
    private static KeyValuePair<string, object> Node(string name, string materialized, string compiled, params string[] dependsOn) => new(
        $"model.shop.{name}",
        new Dictionary<string, object?>
        {
            ["resource_type"] = "model",
            ["name"] = name,
            ["package_name"] = "shop",
            ["original_file_path"] = $"models/{name}.sql",
            ["config"] = new Dictionary<string, object> { ["materialized"] = materialized },
            ["compiled_code"] = compiled,
            ["relation_name"] = materialized == "ephemeral" ? null : $"\"db\".\"shop\".\"{name}\"",
            ["depends_on"] = new Dictionary<string, object> { ["nodes"] = dependsOn },
        });

    [Test]
    public void ManifestRead_InlinedEphemeralCte_LineageGoesThroughTheEphemeralModel()
    {
        const string inner = "select id, amount * 100 as cents from \"db\".\"shop\".\"orders\"";
        var manifest = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["metadata"] = new Dictionary<string, object> { ["project_name"] = "shop", ["adapter_type"] = "postgres" },
            ["nodes"] = new Dictionary<string, object>(
            [
                Node("orders", "table", "select 1 as id, 2 as amount"),
                Node("order_amounts", "ephemeral", inner, "model.shop.orders"),
                Node("report", "table", $"with __dbt__cte__order_amounts as (\n{inner}\n) select id, cents from __dbt__cte__order_amounts", "model.shop.order_amounts"),
            ]),
        });
        var files = new InMemoryFileSource(new Dictionary<string, string>
        {
            ["dbt_project.yml"] = "name: shop\n",
            ["models/orders.sql"] = "select 1 as id, 2 as amount",
            ["models/order_amounts.sql"] = "{{ config(materialized='ephemeral') }}select id, amount * 100 as cents from {{ ref('orders') }}",
            ["models/report.sql"] = "select id, cents from {{ ref('order_amounts') }}",
        });

        var (build, _) = ProjectGraph.Build(files, "c", ProjectGraph.ReadConfigOrDefault(files), ProjectOptions.Default with { ManifestText = manifest }, previous: null);

        var report = build.Graph.Find("report")!;
        Assert.That(report.Columns.Single(c => c.Name == "cents").Sources.Select(s => $"{s.Asset}.{s.Column}"), Is.EqualTo(new[] { "order_amounts.cents" }));
        Assert.That(report.DependsOn, Is.EqualTo(new[] { "order_amounts" }), string.Join(",", report.DependsOn));
        Assert.That(build.Graph.Find("order_amounts")!.Columns.Single(c => c.Name == "cents").Sources.Select(s => $"{s.Asset}.{s.Column}"), Is.EqualTo(new[] { "orders.amount" }));
    }
}
