using ImpactBot.Sql.Dialects;

namespace ImpactBot.Sql.Tests.Fuzz;

/// <summary>Realistic queries the fuzz test mutates, each with the dialect it was written for.</summary>
internal static class FuzzSeeds
{
    public static readonly (DialectFacts Dialect, string Sql)[] All =
    [
        (DialectFacts.Snowflake, """
            -- daily revenue per customer
            with orders as (
                select o.id, o.customer_id, o.amount::number(18, 2) as amount, o.created_at::date as order_date, o.payload:items[0].sku::string as sku
                from {{ ref('stg_orders') }} as o
                where o.status <> 'cancelled' and o."Channel" ilike any ('web%', 'app%')
            ),
            daily as (
                select customer_id, order_date, sum(amount) as revenue, count(distinct id) as orders
                from orders group by all
            )
            select d.*, iff(d.revenue > 100, 'big', 'small') as band,
                   lag(d.revenue) over (partition by d.customer_id order by d.order_date) as previous
            from daily as d
            qualify row_number() over (partition by d.customer_id order by d.order_date desc) <= 30
            """),
        (DialectFacts.BigQuery, """
            select s.user_id, item.sku, safe_cast(item.price as numeric) as price,
                   date_trunc(s.session_start, month) as month, `project.dataset.fn`(s.user_id) as scored
            from `analytics-prod.web.sessions` as s, unnest(s.items) as item with offset as pos
            left join `analytics-prod.web.users` u using (user_id)
            where s.session_start >= timestamp_sub(current_timestamp(), interval 30 day)
              and item.sku is not null
            """),
        (DialectFacts.Postgres, """
            select c.id, c.data->>'email' as email, coalesce(a.city, 'unknown') as city,
                   extract(year from c.created_at) as created_year, (c.tags)[1] as first_tag,
                   exists (select 1 from payments p where p.customer_id = c.id and p.amount between 1 and 100) as has_payment
            from public.customers c
            left join lateral (select city from addresses ad where ad.customer_id = c.id order by ad.updated_at desc limit 1) a on true
            where c.email ~* '@example\.com$' and c.deleted_at is null
            order by c.id limit 100 offset 20
            """),
        (DialectFacts.Databricks, """
            select e.event_id, tag, cast(e.ts as date) as event_date,
                   case when e.kind in ('click', 'view') then 'engagement' when e.kind = 'buy' then 'revenue' else 'other' end as category,
                   sum(e.value) over (partition by e.user_id order by e.ts rows between 6 preceding and current row) as rolling
            from main.raw.events e
            lateral view outer explode(e.tags) t as tag
            where e.ts > '2024-01-01'
            """),
        (DialectFacts.DuckDb, """
            with base as (select * exclude (raw_payload) replace (upper(country) as country) from read_parquet('s3://bucket/x.parquet'))
            select country, count(*) filter (where amount > 0) as positive, list_agg(distinct sku order by sku) as skus
            from base
            group by country
            having count(*) > 10
            union all by name
            select 'total' as country, count(*) as positive, null as skus from base
            """),
        (DialectFacts.TSql, """
            INSERT INTO dbo.TopCustomers (CustomerName, LifetimeTotal, LastOrder)
            SELECT TOP (10) c.[Name], SUM(ISNULL(o.Total, 0)), MAX(CONVERT(date, o.OrderedAt, 112))
            FROM dbo.Customers AS c
            JOIN dbo.Orders AS o ON o.CustomerId = c.Id
            CROSS APPLY (SELECT TOP 1 l.Sku FROM dbo.Lines l WHERE l.OrderId = o.Id ORDER BY l.Price DESC) AS top_line
            WHERE o.Status = N'Closed' AND IIF(o.Flag = 1, 1, 0) = 1
            GROUP BY c.[Name]
            ORDER BY SUM(o.Total) DESC;
            """),
        (DialectFacts.Snowflake, """
            insert first
              when end_date is not null then into analytics.drops (company, start_date, end_date) values (company, start_date, end_date)
              else into analytics.flat
            with filtered as (select company, price_date, price from prices where price > 0)
            select p.company, m.start_date, m.end_date, f.price
            from prices p
            left join filtered f on f.company = p.company
            left join (select * from prices match_recognize (
                partition by company order by price_date
                measures first(price_date) as start_date, last(price_date) as end_date
                one row per match pattern (a b+) define b as b.price < prev(b.price)) mr) m on m.company = p.company
            """),
        (DialectFacts.DuckDb, """
            with p as (pivot (select country, year, kind, population from cities where population > 0)
                       on year in (2000, 2010), kind in ('a', 'b') using sum(population) as total, max(population) group by country)
            select * from p
            union all by name
            select * from (unpivot include nulls monthly on (jan, feb) as h1, columns(* exclude (id)) into name half value v1, v2)
            """),
    ];
}
