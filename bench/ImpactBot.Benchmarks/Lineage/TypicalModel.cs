namespace ImpactBot.Benchmarks.Lineage;

/// <summary>A typical dbt model: three CTEs, joins, aggregates, a window and a CASE, about 90 lines once compiled.</summary>
internal static class TypicalModel
{
    public const string Sql = """
        with orders as (
            select
                o.id as order_id,
                o.customer_id,
                o.store_id,
                o.status,
                o.ordered_at,
                o.amount_cents / 100.0 as amount,
                coalesce(o.discount_cents, 0) / 100.0 as discount,
                o.channel
            from analytics.staging.stg_orders as o
            where o.is_test = false
              and o.ordered_at >= '2020-01-01'
        ),

        payments as (
            select
                p.order_id,
                sum(case when p.status = 'success' then p.amount_cents else 0 end) / 100.0 as paid_amount,
                count(distinct p.method) as payment_methods,
                max(p.created_at) as last_payment_at
            from analytics.staging.stg_payments as p
            group by p.order_id
        ),

        customers as (
            select
                c.id as customer_id,
                c.first_name,
                c.last_name,
                lower(trim(c.email)) as email,
                c.region,
                c.created_at as customer_since
            from analytics.staging.stg_customers as c
            where c.deleted_at is null
        ),

        enriched as (
            select
                orders.order_id,
                orders.customer_id,
                customers.email,
                customers.region,
                orders.store_id,
                orders.status,
                orders.ordered_at,
                orders.amount,
                orders.discount,
                orders.amount - orders.discount as net_amount,
                payments.paid_amount,
                payments.payment_methods,
                payments.last_payment_at,
                row_number() over (partition by orders.customer_id order by orders.ordered_at) as customer_order_seq,
                sum(orders.amount) over (partition by orders.customer_id order by orders.ordered_at
                    rows between unbounded preceding and current row) as customer_running_total,
                case
                    when orders.channel in ('web', 'app') then 'online'
                    when orders.channel = 'store' then 'offline'
                    else 'other'
                end as channel_group
            from orders
            left join payments on payments.order_id = orders.order_id
            join customers on customers.customer_id = orders.customer_id
        )

        select
            order_id,
            customer_id,
            email,
            region,
            store_id,
            status,
            ordered_at,
            date_trunc('month', ordered_at) as order_month,
            amount,
            discount,
            net_amount,
            coalesce(paid_amount, 0) as paid_amount,
            net_amount - coalesce(paid_amount, 0) as outstanding,
            payment_methods,
            last_payment_at,
            customer_order_seq,
            customer_order_seq = 1 as is_first_order,
            customer_running_total,
            channel_group,
            cast(ordered_at as date) as order_date
        from enriched
        where status not in ('cancelled', 'fraud')
        """;
}
