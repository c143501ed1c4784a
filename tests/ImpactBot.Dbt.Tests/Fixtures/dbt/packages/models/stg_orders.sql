select order_id, customer_id, amount, quantity, status from {{ source('shop_raw', 'orders') }}
