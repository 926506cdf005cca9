with

life_events as (

    select * from {{ ref('stg_curation__entity_life_events') }}

),

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

event_mentions as (

    select * from {{ ref('stg_curation__event_mentions') }}

),

final as (

    select
        life_events.life_event_id,
        life_events.entity_id,
        entities.canonical_name as entity_name,
        entities.entity_type,
        life_events.life_event,
        life_events.date_text,
        life_events.date_start,
        life_events.date_end,
        life_events.date_precision,
        life_events.date_resolution,
        life_events.date_note,
        life_events.mention_id,
        event_mentions.event_id,
        life_events.document_id,
        life_events.quote,
        life_events.notes
    from life_events
    inner join entities on life_events.entity_id = entities.entity_id
    left join event_mentions on life_events.mention_id = event_mentions.mention_id

)

select * from final
