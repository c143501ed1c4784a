select c.customer_id, c.name, cc.country_name
from {{ ref('stg_customers') }} c
left join {{ ref('country_codes') }} cc on cc.code = c.country_code
