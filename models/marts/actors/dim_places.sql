with

entities as (

    select * from {{ ref('int_entities_aliased') }}

),

final as (

    select
        entity_id as place_id,
        canonical_name as place_name,
        entity_subtype as place_type,
        country_id,
        description,
        aliases,
        cast(alias_count as integer) as alias_count,
        cast(document_count as integer) as document_count
    from entities
    where entity_type = 'place'

)

select * from final
