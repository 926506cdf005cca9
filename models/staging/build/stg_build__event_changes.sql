{{ config(materialized="table") }}

-- A table, not a view: the changes file lives in the build's private input snapshot and is read once.

with

source as (

    select * from {{ source('build', 'event_changes') }}

),

renamed as (

    select event_id
    from source

),

final as (

    select * from renamed

)

select * from final
