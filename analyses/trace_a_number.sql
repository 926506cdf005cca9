-- Trace a number back to where it came from: for one event, its resolved deaths range (fct_events) and every
-- source behind it (fct_event_mentions, both kinds), each with its evidence (fct_evidence): a document's quote
-- with the offsets that locate it, or a dataset record with its release, record id and the record's own sources.

with

events as (

    select * from {{ ref('fct_events') }}

),

mentions as (

    select * from {{ ref('fct_event_mentions') }}

),

evidence as (

    select * from {{ ref('fct_evidence') }}

),

final as (

    select
        events.event_id,
        events.killed_low as event_killed_low,
        events.killed_high as event_killed_high,
        mentions.source_kind,
        mentions.mention_id,
        mentions.document_id,
        evidence.dataset_id,
        evidence.release,
        evidence.record_id,
        mentions.killed_text,
        mentions.killed_low,
        mentions.killed_high,
        evidence.is_main_quote,
        evidence.char_start,
        evidence.char_end,
        evidence.quote,
        evidence.record_sources,
        evidence.record_summary
    from events
    inner join mentions on events.event_id = mentions.event_id
    inner join evidence
        on evidence.fact_type = 'event_mention' and mentions.mention_id = evidence.fact_id
    where events.event_id = {{ analysis_param('event_id') }}

)

select * from final
order by source_kind desc, document_id asc, dataset_id asc, record_id asc, is_main_quote desc
