with

source as (

    select * from {{ ref('document_regions') }}

),

renamed as (

    select
        region_id,
        document_id,
        region_type,
        starts_with,
        ends_with,
        notes
    from source

),

final as (

    select * from renamed

)

select * from final
