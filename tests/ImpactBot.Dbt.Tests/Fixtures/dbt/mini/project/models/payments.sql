select id, amount from {{ source('raw', 'payments') }}
