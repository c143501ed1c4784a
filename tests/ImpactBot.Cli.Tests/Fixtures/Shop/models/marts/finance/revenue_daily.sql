{{ config(materialized='incremental', unique_key='order_date') }}

select
    order_date,
    count(*) as orders,
    sum(amount) as revenue
from {{ ref('orders') }}
where status = 'completed'
{% if is_incremental() %}
  and order_date >= (select max(order_date) from {{ this }})
{% endif %}
group by order_date
