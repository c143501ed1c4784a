using ImpactBot.Dbt.Jinja;
using ImpactBot.Dbt.Yaml;
using ImpactBot.Sql.Dialects;
using ImpactBot.Sql.Lineage;

namespace ImpactBot.Dbt.Analysis;

/// <summary>
/// Runs the renderer, the YAML reader and the SQL engine once on a tiny model, so that their first-call costs (type
/// loading, precompiled-code fixups, compiling generic code) are paid on a core that would otherwise wait for git,
/// not on the run's critical path. The results are thrown away.
/// </summary>
public static class Warmup
{
    private const string Model = """
        {{ config(materialized='incremental') }}
        with orders as (select id, customer_id, amount, status from {{ ref('stg_orders') }}),
        paid as (select customer_id, sum(amount) as total from orders where status = 'paid' group by customer_id)
        select o.id, cast(o.amount as decimal(10, 2)) as amount, p.total,
            case when p.total > 100 then 'big' else 'small' end as size,
            row_number() over (partition by o.customer_id order by o.id) as n
        from orders o left join paid p on p.customer_id = o.customer_id
        {% if is_incremental() %}where o.id > (select max(id) from {{ this }}){% endif %}
        """;

    private const string Properties = """
        version: 2
        models:
          - name: orders
            description: One row per order.
            meta: {owner: someone@example.com}
            columns:
              - name: id
                data_tests: [unique, not_null]
        """;

    public static void Run()
    {
        var render = JinjaRenderer.Render(Model, "warmup.sql", JinjaContext.Default with { ThisName = "orders" });
        SqlLineage.Analyze(render.Sql, DialectFacts.Snowflake);
        new PropertiesReader("warmup", []).Read("warmup.yml", Properties);
    }
}
