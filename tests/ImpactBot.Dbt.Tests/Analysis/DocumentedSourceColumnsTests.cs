using ImpactBot.Core.Changes;
using ImpactBot.Core.Impact;
using ImpactBot.Dbt.Analysis;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Dbt.Tests.Analysis;

/// <summary>
/// A source's YAML documents some of its table's columns, not all of them: a model reading another one infers it (it is
/// not "not found"), unless catalog.json lists the table, which is the whole truth.
/// </summary>
public sealed class DocumentedSourceColumnsTests
{
    private const string Sources = "version: 2\nsources:\n  - name: raw\n    tables:\n      - name: orders\n        columns:\n          - name: id\n          - name: status\n";

    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["dbt_project.yml"] = "name: shop\n",
        ["models/sources.yml"] = Sources,
        ["models/orders.sql"] = "select id, amount from {{ source('raw', 'orders') }} where status = 'paid'",
        ["models/report.sql"] = "select amount from {{ ref('orders') }}",
    };

    [Test]
    public void Build_ModelReadsAColumnTheYamlDoesNotList_InfersItOnTheSource()
    {
        var graph = Build(ProjectOptions.Default);

        var source = graph.Find("raw.orders")!;
        Assert.That(source.Columns.Select(c => (c.Name, c.Inferred)), Is.EqualTo(new[] { ("id", false), ("status", false), ("amount", true) }));
        var orders = graph.Find("orders")!;
        Assert.That((orders.Status, orders.Diagnostics.Length), Is.EqualTo((LineageStatus.Inferred, 0)));
        Assert.That(orders.FindColumn("amount")!.Sources.Single().Asset, Is.EqualTo("raw.orders"));
    }

    [Test]
    public void Build_ModelReadsAnUnlistedColumnThroughACteStarOverTheSource_InfersItOnTheSource()
    {
        var files = new Dictionary<string, string>(Files, StringComparer.Ordinal)
        {
            ["models/orders.sql"] = "with src as (select * from {{ source('raw', 'orders') }} qualify row_number() over (partition by id order by id) = 1),\n"
                + "renamed as (select id as order_id, amount from src)\nselect * from renamed",
            ["models/report.sql"] = "select order_id from {{ ref('orders') }}",
        };

        var graph = Build(ProjectOptions.Default, files);

        Assert.That(graph.Find("raw.orders")!.Columns.Select(c => (c.Name, c.Inferred)), Is.EqualTo(new[] { ("id", false), ("status", false), ("amount", true) }));
        var orders = graph.Find("orders")!;
        Assert.That((orders.Status, orders.Diagnostics.Length), Is.EqualTo((LineageStatus.Inferred, 0)));
        Assert.That(orders.FindColumn("amount")!.Sources.Single().Asset, Is.EqualTo("raw.orders"));
    }

    [Test]
    public void Build_ModelReadsAColumnAFailedModelsYamlDoesNotList_ReadsItThereAsWhenNoneAreListed()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["dbt_project.yml"] = "name: shop\n",
            ["models/schema.yml"] = "version: 2\nmodels:\n  - name: events_all\n    columns:\n      - name: event_id\n",
            ["models/events_all.sql"] = "{% set columns = run_query('select 1') %}{% for c in columns %}{{ c }}{% endfor %}",
            ["models/events.sql"] = "select event_id, user_id from {{ ref('events_all') }}",
        };

        var graph = Build(ProjectOptions.Default, files);

        Assert.That(graph.Find("events_all")!.Status, Is.EqualTo(LineageStatus.Failed));
        var events = graph.Find("events")!;
        Assert.That(events.Diagnostics.Select(d => d.Code), Does.Not.Contain("unresolved-column"));
        Assert.That(events.FindColumn("user_id")!.Sources.Single().Asset, Is.EqualTo("events_all"));
    }

    [Test]
    public void Build_WithACatalogListingTheTable_AnUnlistedColumnStaysUnresolved()
    {
        const string catalog = "{\"nodes\": {}, \"sources\": {\"source.shop.raw.orders\": {\"columns\": {\"id\": {\"name\": \"id\", \"type\": \"int\", \"index\": 1}, \"status\": {\"name\": \"status\", \"type\": \"text\", \"index\": 2}}}}}";

        var graph = Build(new ProjectOptions { CatalogText = catalog });

        Assert.That(graph.Find("raw.orders")!.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "status" }));
        Assert.That(graph.Find("orders")!.Diagnostics.Select(d => d.Code), Does.Contain("unresolved-column"));
    }

    [Test]
    public void Run_ColumnDroppedFromTheSourceYamlWhileModelsStillReadIt_IsADocsChange()
    {
        var head = new Dictionary<string, string>(Files, StringComparer.Ordinal) { ["models/sources.yml"] = Sources.Replace("          - name: status\n", "", StringComparison.Ordinal) };
        var request = new AnalysisRequest(FixtureFiles.Of([.. Files.Select(kv => (kv.Key, kv.Value))]), FixtureFiles.Of([.. head.Select(kv => (kv.Key, kv.Value))]), "base", "head", ["models/sources.yml"]);

        var report = ImpactAnalysis.Run(request, ProjectOptions.Default).Report;

        Assert.That(report.Changes.Select(c => (c.Asset, c.Kind)), Is.EqualTo(new[] { ("raw.orders", AssetChangeKind.DocsOnly) }));
        Assert.That(report.Impacts.Select(i => i.Severity).Distinct(), Is.EqualTo(new[] { Severity.Info }), "the table still has the column: only its documentation changed");
    }

    private static Core.Graph.LineageGraph Build(ProjectOptions options, Dictionary<string, string>? files = null) => FixtureGraphs.Build(files ?? Files, options);
}
