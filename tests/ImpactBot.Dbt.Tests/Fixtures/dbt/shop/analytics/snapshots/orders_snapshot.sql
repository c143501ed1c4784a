{% snapshot orders_snapshot %}
{{ config(unique_key='order_id', strategy='timestamp', updated_at='ordered_at') }}
select * from {{ ref('stg_orders') }}
{% endsnapshot %}
