select p.id, p.amount, x.rate from {{ ref('payments') }} p join {{ ref('pkg', 'rates') }} x on true
