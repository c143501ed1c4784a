using ImpactBot.Dbt.Analysis;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Dbt.Tests.Analysis;

/// <summary>
/// What only a warehouse knows (the relations a pattern matches, the columns of a table nobody documents) leaves a
/// model's columns unknown, not the model failed: what its readers read, through a chain of <c>select *</c>, is inferred.
/// </summary>
public sealed class WarehouseOnlyColumnsTests
{
    [Test]
    public void Build_UnionOverRelationsOnlyTheWarehouseLists_InfersTheColumnsReadersReadThroughAStarChain()
    {
        var graph = Build(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["dbt_project.yml"] = "name: events\n",
            ["models/base_tracks.sql"] = "{{ dbt_utils.union_relations(dbt_utils.get_relations_by_pattern('raw_tracks', '%'), source_column_name=none) }}",
            ["models/stg_tracks.sql"] = "select * from {{ ref('base_tracks') }}",
            ["models/tracks_by_user.sql"] = "select user_id, count(*) as n from {{ ref('stg_tracks') }} where event = 'login' group by user_id",
        });

        var baseTracks = graph.Find("base_tracks")!;
        Assert.That(baseTracks.Status, Is.Not.EqualTo(LineageStatus.Failed));
        Assert.That(baseTracks.Columns.Select(c => (c.Name, c.Inferred)), Is.EquivalentTo(new[] { ("event", true), ("user_id", true) }));
        Assert.That(graph.Find("stg_tracks")!.FindColumn("user_id")!.Sources.Single().Asset, Is.EqualTo("base_tracks"));
        Assert.That(graph.Find("tracks_by_user")!.Status, Is.EqualTo(LineageStatus.Inferred));
    }

    [Test]
    public void Build_ProjectMacroUnioningTablesAQueryLists_ReadsOneStandInRelationWhoseColumnsReadersInfer()
    {
        var graph = Build(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["dbt_project.yml"] = "name: events\n",
            ["macros/schema_union.sql"] = "{% macro schema_union(table) %}{% call statement('tables', fetch_result=True) %}"
                + "select table_schema || '.' || table_name from information_schema.tables where table_name ilike '{{ table }}'{% endcall %}"
                + "{% set found = load_result('tables') %}{% if found and found['data'] %}{% for t in found['data'] | map(attribute=0) %}"
                + "select * from raw.{{ t }}{% if not loop.last %} union all{% endif %}\n{% endfor %}{% else %}{{ return(1) }}{% endif %}{% endmacro %}",
            ["models/events_all.sql"] = "with unioned as ({{ schema_union('events') }}) select * from unioned where event_at > current_date - 30",
            ["models/logins.sql"] = "select user_id, event_at from {{ ref('events_all') }} where event = 'login'",
        });

        var all = graph.Find("events_all")!;
        Assert.That(all.Status, Is.EqualTo(LineageStatus.Inferred));
        Assert.That(all.Columns.Select(c => c.Name), Is.EquivalentTo(new[] { "event", "event_at", "user_id" }));
        Assert.That(all.Diagnostics.Select(d => d.Code), Does.Not.Contain("undecidable-condition"));
        Assert.That(graph.Find("logins")!.Status, Is.EqualTo(LineageStatus.Inferred));
    }

    [Test]
    public void Build_ChainOfStarsOverAPartlyDocumentedSource_InfersWhatTheLastReaderReads()
    {
        var graph = Build(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["dbt_project.yml"] = "name: shop\n",
            ["models/sources.yml"] = "version: 2\nsources:\n  - name: raw\n    tables:\n      - name: orders\n        columns:\n          - name: id\n",
            ["models/stg_orders.sql"] = "select * from {{ source('raw', 'orders') }}",
            ["models/int_orders.sql"] = "select * from {{ ref('stg_orders') }}",
            ["models/revenue.sql"] = "select id, amount from {{ ref('int_orders') }}",
        });

        Assert.That(graph.Find("raw.orders")!.Columns.Select(c => (c.Name, c.Inferred)), Is.EqualTo(new[] { ("id", false), ("amount", true) }));
        Assert.That(graph.Find("int_orders")!.FindColumn("amount")!.Sources.Single().Asset, Is.EqualTo("stg_orders"));
        var revenue = graph.Find("revenue")!;
        Assert.That((revenue.Status, revenue.Diagnostics.Length), Is.EqualTo((LineageStatus.Inferred, 0)));
    }

    [Test]
    public void Build_CteStarOverAPartlyDocumentedSource_PassesAnUnlistedColumnOnToTheSource()
    {
        var graph = Build(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["dbt_project.yml"] = "name: shop\n",
            ["models/sources.yml"] = "version: 2\nsources:\n  - name: raw\n    tables:\n      - name: orders\n        columns:\n          - name: id\n",
            ["models/stg_orders.sql"] = "with source as (select * from {{ source('raw', 'orders') }}), renamed as (select id, amount as total from source) select * from renamed",
        });

        var stg = graph.Find("stg_orders")!;
        Assert.That((stg.Status, stg.Diagnostics.Length), Is.EqualTo((LineageStatus.Inferred, 0)));
        Assert.That(stg.FindColumn("total")!.Sources.Single().Column, Is.EqualTo("amount"));
        Assert.That(graph.Find("raw.orders")!.FindColumn("amount")!.Inferred, Is.True);
    }

    private static Core.Graph.LineageGraph Build(Dictionary<string, string> files) => FixtureGraphs.Build(files);
}
