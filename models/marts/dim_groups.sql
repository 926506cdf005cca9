with

entities as (

    select * from {{ ref('int_entities_aliased') }}

),

final as (

    select
        entity_id as group_id,
        canonical_name as group_name,
        entity_subtype as group_type,
        entity_subtype in ('militant_group', 'militant_branch', 'media_wing', 'joint_unit') as is_militant,
        country_id,
        description,
        aliases,
        cast(alias_count as integer) as alias_count,
        cast(document_count as integer) as document_count
    from entities
    where entity_type = 'organization'

)

select * from final
