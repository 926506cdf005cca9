{{ config(materialized="table") }}

-- A table, not a view: the changes file lives in the build's private input snapshot and is read once.

with

source as (

    select * from {{ source('build', 'document_changes') }}

),

renamed as (

    select
        document_id,
        change
    from source

),

final as (

    select * from renamed

)

select * from final
