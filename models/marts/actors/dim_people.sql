with

entities as (

    select * from {{ ref('int_entities_aliased') }}

),

life_stages as (

    select * from {{ ref('int_life_events_resolved') }}

),

births as (

    select * from life_stages
    where life_stage = 'birth'

),

deaths as (

    select * from life_stages
    where life_stage = 'death'

),

final as (

    select
        entities.entity_id as person_id,
        entities.canonical_name as person_name,
        entities.entity_subtype as person_type,
        entities.description,
        entities.aliases,
        cast(entities.alias_count as integer) as alias_count,
        cast(entities.document_count as integer) as document_count,
        births.date_start as born_date_start,
        births.date_end as born_date_end,
        coalesce(births.date_precision, 'unknown') as born_precision,
        births.life_event_ids as born_evidence,
        deaths.entity_id is not null as is_reported_dead,
        deaths.manners as death_manner,
        deaths.date_start as died_date_start,
        deaths.date_end as died_date_end,
        coalesce(deaths.date_precision, 'unknown') as died_precision,
        coalesce(deaths.has_date_conflict, false) as has_death_date_conflict,
        cast(coalesce(deaths.document_count, 0) as integer) as death_document_count,
        deaths.life_event_ids as death_evidence,
        deaths.event_ids as death_event_ids,
        coalesce(births.has_date_conflict, false) or coalesce(deaths.has_date_conflict, false) as has_conflict
    from entities
    left join births on entities.entity_id = births.entity_id
    left join deaths on entities.entity_id = deaths.entity_id
    where entities.entity_type = 'person'

)

select * from final
