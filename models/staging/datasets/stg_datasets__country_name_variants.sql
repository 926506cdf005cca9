with

source as (

    select * from {{ ref('country_name_variants') }}

),

renamed as (

    select
        country_name,
        iso3,
        used_by,
        note
    from source

),

final as (

    select * from renamed

)

select * from final
