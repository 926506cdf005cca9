-- Trace a number back to its sentence: every quote behind the deaths figures of one event, with the
-- offsets that locate it in the document.

{% set event_id = var('event_id', 'ev_2010_rasht_ambush') %}

with

mentions as (

    select * from {{ ref('fct_event_mentions') }}

),

evidence as (

    select * from {{ ref('fct_evidence') }}

),

final as (

    select
        mentions.document_id,
        mentions.killed_text,
        mentions.killed_low,
        mentions.killed_high,
        evidence.is_main_quote,
        evidence.char_start,
        evidence.char_end,
        evidence.quote
    from mentions
    inner join evidence
        on evidence.fact_type = 'event_mention' and mentions.mention_id = evidence.fact_id
    where mentions.event_id = '{{ event_id }}'

)

select * from final
order by document_id asc, is_main_quote desc
