-- One group's events with their evidence in one filtered scan: the rows of fct_event_groups, fct_event_mentions
-- and fct_evidence joined once at build time and written in group order, so a query for one group reads only that
-- group's row groups (DuckDB skips the others by their min/max group_id) instead of probing every mention and
-- every evidence row of the warehouse (docs/performance.md).

with

event_groups as (

    select * from {{ ref('fct_event_groups') }}

),

event_mentions as (

    select * from {{ ref('fct_event_mentions') }}

),

evidence as (

    select * from {{ ref('fct_evidence') }}

),

role_counts as (

    -- One row per group and event: a group acting in two roles in one event is listed once, with both roles.
    -- The sorted role list is built only where there are several (several_roles): an ordered list per group keeps
    -- every group's values in memory, and there are millions of groups at 10M mentions.
    select
        group_id,
        group_name,
        event_id,
        count(*) as role_count,
        min(role) as only_role
    from event_groups
    group by group_id, group_name, event_id

),

several_roles as (

    select
        event_groups.group_id,
        event_groups.event_id,
        {{ string_list('event_groups.role') }} as group_roles
    from event_groups
    inner join role_counts
        on
            event_groups.group_id = role_counts.group_id
            and event_groups.event_id = role_counts.event_id
            and role_counts.role_count > 1
    group by event_groups.group_id, event_groups.event_id

),

group_events as (

    select
        role_counts.group_id,
        role_counts.group_name,
        role_counts.event_id,
        case when role_counts.role_count > 1 then several_roles.group_roles else role_counts.only_role end
            as group_roles
    from role_counts
    left join several_roles
        on role_counts.group_id = several_roles.group_id and role_counts.event_id = several_roles.event_id

),

final as (

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
