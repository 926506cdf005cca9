with

source as (

    select * from {{ ref('countries') }}

),

renamed as (

    select
        iso3,
        iso2,
        cast(iso_numeric as integer) as iso_numeric,
        country_name,
        continent_code,
        cast(geonames_id as bigint) as geonames_id,
        source as list_source
    from source

),

final as (

    select * from renamed

)

select * from final
