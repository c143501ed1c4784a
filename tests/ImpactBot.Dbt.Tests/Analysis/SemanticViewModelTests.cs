using ImpactBot.Dbt.Analysis;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Dbt.Tests.Analysis;

/// <summary>
/// dbt-snowflake's <c>semantic_view</c> models hold the body of a semantic view: their columns are its facts, dimensions
/// and metrics, traced to the columns of the models its TABLES name.
/// </summary>
public sealed class SemanticViewModelTests
{
    [Test]
    public void Build_SemanticViewModelOverTwoRefs_HasCompleteColumnLineage()
    {
        var source = FixtureFiles.Of(
            ("dbt_project.yml", "name: shop\n"),
            ("models/orders.sql", "select 1 as order_id, 2 as customer_id, 9.5 as amount"),
            ("models/customers.sql", "select 2 as customer_id, 'gold' as tier"),
            ("models/sem_orders.sql", """
                {{ config(materialized='semantic_view') }}
                TABLES(
                    o AS {{ ref('orders') }} PRIMARY KEY (order_id),
                    c AS {{ ref('customers') }} PRIMARY KEY (customer_id)
                )
                RELATIONSHIPS(o (customer_id) REFERENCES c)
                DIMENSIONS(c.tier AS tier WITH SYNONYMS = ('level') COMMENT = 'customer tier')
                METRICS(o.revenue AS SUM(o.amount) COMMENT = 'revenue')
                COMMENT = 'orders by tier'
                """));

        var graph = FixtureGraphs.Build(source, new ProjectOptions { Dialect = DialectFacts.Snowflake });

        var view = graph.Find("sem_orders")!;
        Assert.That(view.Status, Is.EqualTo(LineageStatus.Complete), string.Join("\n", view.Diagnostics));
        Assert.That(view.Columns.Select(c => c.Name), Is.EqualTo(new[] { "tier", "revenue" }));
        Assert.That(view.FindColumn("tier")!.Sources.Select(s => $"{s.Asset}.{s.Column} {s.Kind}"), Is.EqualTo(new[] { "customers.tier Copy" }));
        Assert.That(view.FindColumn("revenue")!.Sources.Select(s => $"{s.Asset}.{s.Column} {s.Kind}"), Is.EqualTo(new[] { "orders.amount Aggregate" }));
    }

    [Test]
    public void Build_CreateSemanticViewInAPlainSqlFile_IsASemanticViewAssetOverItsTables()
    {
        var source = FixtureFiles.Of(
            ("ddl/orders.sql", "create table orders (order_id int, amount number);"),
            ("ddl/sales_sv.sql", """
                create or replace semantic view sales_sv
                  tables (o as orders primary key (order_id))
                  metrics (o.revenue as sum(o.amount) comment = 'revenue')
                  comment = 'sales';
                """));

        var graph = FixtureGraphs.Build(source, new ProjectOptions { Dialect = DialectFacts.Snowflake });

        var view = graph.Find("sales_sv")!;
        Assert.That(view.Traits.Materialization, Is.EqualTo("semantic_view"));
        Assert.That(view.Status, Is.EqualTo(LineageStatus.Complete), string.Join("\n", view.Diagnostics));
        Assert.That(view.FindColumn("revenue")!.Sources.Select(s => $"{s.Asset}.{s.Column} {s.Kind}"), Is.EqualTo(new[] { "orders.amount Aggregate" }));
    }
}
