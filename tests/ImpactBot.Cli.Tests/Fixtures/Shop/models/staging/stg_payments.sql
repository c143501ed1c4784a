with source as (
    select * from {{ source('stripe', 'payments') }}
)

select
    id as payment_id,
    orderid as order_id,
    paymentmethod as payment_method,
    -- amount is stored in cents
    amount / 100.0 as amount,
    created as created_at
from source
where status = 'success'
