select id, '{{ target.name }}' as built_for, {{ var('amount_column', 'amount') }} as amount
from `acme-analytics.raw.orders`
