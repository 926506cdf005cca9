with

source as (

    select * from {{ ref('place_coordinates') }}

),

renamed as (

    select
        place_id,
        cast(latitude as double) as latitude,
        cast(longitude as double) as longitude,
        location_precision,
        coordinate_basis
    from source

),

final as (

    select * from renamed

)

select * from final
