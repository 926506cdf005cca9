-- A life event that is part of an event mention (a killing) has the same date interval as that mention and comes
-- from the same document.

with

life_events as (

    select * from {{ ref('stg_curation__entity_life_events') }}

),

event_mentions as (

    select * from {{ ref('stg_curation__event_mentions') }}

),

final as (

    select
        life_events.life_event_id,
        life_events.mention_id
    from life_events
    inner join event_mentions on life_events.mention_id = event_mentions.mention_id
    where
        life_events.document_id != event_mentions.document_id
        or coalesce(cast(life_events.date_start as {{ dbt.type_string() }}), '-')
        != coalesce(cast(event_mentions.date_start as {{ dbt.type_string() }}), '-')
        or coalesce(cast(life_events.date_end as {{ dbt.type_string() }}), '-')
        != coalesce(cast(event_mentions.date_end as {{ dbt.type_string() }}), '-')

)

select * from final
