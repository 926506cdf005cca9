{{
    config(
        materialized=event_rows_materialization(),
        incremental_strategy="append",
        on_schema_change="fail",
        pre_hook="{{ delete_touched_events() }}",
    )
}}

-- One group's events with their evidence in one filtered scan: the rows of fct_event_groups, fct_event_mentions
-- and fct_evidence joined once at build time and written in group order, so a query for one group reads only that
-- group's row groups (DuckDB skips the others by their min/max group_id) instead of probing every mention and
-- every evidence row of the warehouse (docs/performance.md). The joined rows are materialized before they are
-- sorted (materialized_cte): at 10M mentions, joining and sorting in one pipeline kept the join's hash tables and
-- the sort's runs in memory together and ran out of a 3 GB limit; in two steps it builds within 1 GB.
-- Incremental by event on DuckDB (macros/cross_engine/incremental.sql): a refresh recomputes only the events its
-- changed documents
-- touch, and appends their rows (in group order among themselves), so until the next full build the refreshed rows
-- sit in row groups of their own, which a query for one group also reads.
-- depends_on: {{ ref('stg_build__event_changes') }}

with

event_groups as (

    select * from {{ ref('fct_event_groups') }}
    {{ only_touched_events() }}

),

event_mentions as (

    select * from {{ ref('fct_event_mentions') }}
    {{ only_touched_events() }}

),

evidence as (

    select * from {{ ref('fct_evidence') }}

),

-- One row per group and event: a group acting in two roles in one event is listed once, with both roles.
{{ value_or_list_ctes('group_events', 'event_groups', ['group_id', 'event_id'], {
    'group_name': 'group_name',
    'group_roles': 'role',
}) }},

final as {{ materialized_cte() }} (

    select
        group_events.group_id || '|' || evidence.evidence_id as group_evidence_id,
        group_events.group_id,
        group_events.group_name,
        group_events.event_id,
        group_events.group_roles,
        event_mentions.mention_id,
        event_mentions.source_kind,
        event_mentions.event_name,
        event_mentions.event_type,
        event_mentions.date_start,
        event_mentions.date_end,
        event_mentions.date_precision,
        event_mentions.killed_low,
        event_mentions.killed_high,
        event_mentions.wounded_low,
        event_mentions.wounded_high,
        evidence.evidence_id,
        evidence.document_id,
        evidence.quote,
        evidence.char_start,
        evidence.char_end,
        evidence.dataset_id,
        evidence.record_id,
        evidence.record_summary
    from group_events
    inner join event_mentions on group_events.event_id = event_mentions.event_id
    inner join evidence
        on evidence.fact_type = 'event_mention' and event_mentions.mention_id = evidence.fact_id

)

select * from final
order by group_id, date_start, mention_id, evidence_id
