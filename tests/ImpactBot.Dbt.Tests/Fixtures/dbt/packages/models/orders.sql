select
    {{ dbt_utils.generate_surrogate_key(['order_id', 'customer_id']) }} as order_key,
    customer_id,
    {{ dbt_utils.safe_divide('amount', 'quantity') }} as unit_price,
    {{ dbt_utils.pivot('status', ['paid', 'open'], agg='max', then_value='amount', else_value='null') }}
from {{ ref('stg_orders') }}
{{ dbt_utils.group_by(3) }}
