with

source as (

    select * from {{ ref('dataset_codes') }}

),

renamed as (

    select
        format as dataset_format,
        codebook,
        code,
        label,
        warehouse_code,
        notes
    from source

),

final as (

    select * from renamed

)

select * from final
