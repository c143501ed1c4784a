select id, amount, status
from {{ source('raw', 'orders') }}
where status != 'void'
