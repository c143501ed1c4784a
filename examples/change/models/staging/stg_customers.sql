with source as (
    select * from {{ source('shop', 'customers') }}
),

renamed as (
    -- last_name is no longer exported: privacy review
    select
        id as customer_id,
        first_name,
        lower(email) as email
    from source
)

select * from renamed
