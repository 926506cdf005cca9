{{ config(materialized="table") }}

-- A table, not a view: the offsets file lives in the build's private input snapshot and is read once.

with

source as (

    select * from {{ source('located', 'region_offsets') }}

),

renamed as (

    select
        source_table,
        source_key,
        document_id,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end
    from source

),

final as (

    select * from renamed

)

select * from final
