{{ config(meta={'owner': '@jane'}) }}
select id as customer_id, name, email, country_code
from {{ source('shop_raw', 'customers') }}
