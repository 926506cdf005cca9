-- Births, deaths, foundings and ends resolved across documents, the way int_events_resolved resolves event
-- dates: the overlap of the documents' intervals, or their whole span with a conflict flag; undated statements
-- ("now deceased") count as evidence that it happened without moving the dates.

with

life_events as (

    select * from {{ ref('stg_curation__entity_life_events') }}

),

event_mentions as (

    select * from {{ ref('stg_curation__event_mentions') }}

),

classified as (

    select
        life_events.life_event_id,
        life_events.entity_id,
        case life_events.life_event
            when 'born' then 'birth'
            when 'died' then 'death'
            when 'killed' then 'death'
            when 'founded' then 'founding'
            when 'ended' then 'end'
        end as life_stage,
        life_events.life_event,
        life_events.date_start,
        life_events.date_end,
        life_events.document_id,
        event_mentions.event_id
    from life_events
    left join event_mentions on life_events.mention_id = event_mentions.mention_id

),

aggregated as (

    select
        entity_id,
        life_stage,
        {{ interval_aggregates('date_start', 'date_end', 'stage') }},
        count(*) as statement_count,
        count(distinct document_id) as document_count,
        {{ string_list('life_event') }} as manners,
        {{ string_list('document_id') }} as document_ids,
        {{ string_list('life_event_id') }} as life_event_ids,
        {{ string_list('event_id') }} as event_ids
    from classified
    group by entity_id, life_stage

),

resolved as (

    select
        aggregated.*,
        {{ resolved_interval('stage') }}
    from aggregated

),

final as (

    select
        entity_id || '|' || life_stage as life_stage_key,
        entity_id,
        life_stage,
        stage_first as date_start,
        stage_last as date_end,
        {{ interval_precision('stage_first', 'stage_last') }} as date_precision,
        stage_has_conflict as has_date_conflict,
        stage_dated_count as dated_statement_count,
        statement_count,
        document_count,
        manners,
        document_ids,
        life_event_ids,
        event_ids
    from resolved

)

select * from final
