select o.id, cast(o.amount as numeric) * 2 as amount_doubled, c.name
from {{ ref('stg_orders') }} as o
join {{ ref('stg_customers') }} as c on c.id = o.id
