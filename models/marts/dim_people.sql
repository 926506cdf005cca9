with

entities as (

    select * from {{ ref('int_entities_aliased') }}

),

final as (

    select
        entity_id as person_id,
        canonical_name as person_name,
        entity_subtype as person_type,
        description,
        aliases,
        cast(alias_count as integer) as alias_count,
        cast(document_count as integer) as document_count
    from entities
    where entity_type = 'person'

)

select * from final
