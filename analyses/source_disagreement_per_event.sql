-- How far apart are the sources on each event reported by more than one source (document or dataset record)?
-- Dates and death figures per source side by side, with the spread; a dataset row names its record.

with

mentions as (

    select * from {{ ref('fct_event_mentions') }}

),

events as (

    select * from {{ ref('fct_events') }}

),

final as (

    select
        events.event_id,
        events.event_name,
        mentions.source_kind,
        mentions.document_id,
        mentions.dataset_id,
        mentions.record_id,
        mentions.date_text,
        mentions.date_start,
        mentions.date_end,
        mentions.date_precision,
        mentions.killed_text,
        mentions.killed_low,
        mentions.killed_high,
        events.killed_high - events.killed_low as killed_spread,
        events.has_date_conflict,
        events.has_figure_conflict
    from events
    inner join mentions on events.event_id = mentions.event_id
    where events.source_count > 1

)

select * from final
order by event_id asc, source_kind desc, document_id asc, dataset_id asc, record_id asc
