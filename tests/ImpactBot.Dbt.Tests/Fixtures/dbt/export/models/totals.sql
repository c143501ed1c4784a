select status, sum(amount) as total
from {{ ref('stg_orders') }}
group by status
{{ not_a_macro_here() }}
