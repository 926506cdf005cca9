with

entities as (

    select * from {{ ref('int_entities_aliased') }}

),

life_stages as (

    select * from {{ ref('int_life_events_resolved') }}

),

foundings as (

    select * from life_stages
    where life_stage = 'founding'

),

group_ends as (

    select * from life_stages
    where life_stage = 'end'

),

final as (

    select
        entities.entity_id as group_id,
        entities.canonical_name as group_name,
        entities.entity_subtype as group_type,
        entities.entity_subtype in ('militant_group', 'militant_branch', 'media_wing', 'joint_unit') as is_militant,
        entities.country_id,
        entities.description,
        entities.aliases,
        cast(entities.alias_count as integer) as alias_count,
        cast(entities.document_count as integer) as document_count,
        foundings.date_start as founded_date_start,
        foundings.date_end as founded_date_end,
        coalesce(foundings.date_precision, 'unknown') as founded_precision,
        coalesce(foundings.has_date_conflict, false) as has_founding_conflict,
        foundings.life_event_ids as founded_evidence,
        group_ends.date_start as ended_date_start,
        group_ends.date_end as ended_date_end,
        coalesce(group_ends.date_precision, 'unknown') as ended_precision,
        group_ends.life_event_ids as ended_evidence
    from entities
    left join foundings on entities.entity_id = foundings.entity_id
    left join group_ends on entities.entity_id = group_ends.entity_id
    where entities.entity_type = 'organization'

)

select * from final
