with

source as (

    select * from {{ ref('entities') }}

),

renamed as (

    select
        entity_id,
        entity_type,
        entity_subtype,
        canonical_name,
        country_id,
        description,
        document_id,
        quote
    from source

),

final as (

    select * from renamed

)

select * from final
