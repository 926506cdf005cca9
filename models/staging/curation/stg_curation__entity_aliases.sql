with

source as (

    select * from {{ ref('entity_aliases') }}

),

renamed as (

    select
        alias_id,
        entity_id,
        alias,
        alias_type,
        document_id,
        cast(is_ambiguous as boolean) as is_ambiguous,
        quote,
        notes
    from source

),

final as (

    select * from renamed

)

select * from final
