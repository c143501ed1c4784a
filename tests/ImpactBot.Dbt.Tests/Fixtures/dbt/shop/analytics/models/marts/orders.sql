{{
  config(
    materialized='incremental',
    unique_key='order_id',
    incremental_strategy='merge'
  )
}}
select
    {{ dbt_utils.star(from=ref('stg_orders'), except=['amount_cents']) }},
    {{ cents_to_dollars('amount_cents') }} as amount
from {{ ref('stg_orders') }}
{% if is_incremental() %}
where ordered_at > (select max(ordered_at) from {{ this }})
{% endif %}
