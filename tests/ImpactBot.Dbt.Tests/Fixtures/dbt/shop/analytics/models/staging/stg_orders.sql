select
    id as order_id,
    customer_id,
    amount_cents,
    status,
    ordered_at
from {{ source('shop_raw', 'orders') }}
where ordered_at >= '{{ var("start_date") }}'
{% if not var('include_test_orders') %}
  and not is_test
{% endif %}
