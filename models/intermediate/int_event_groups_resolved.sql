{{
    config(
        materialized=event_rows_materialization(),
        incremental_strategy="append",
        on_schema_change="fail",
        pre_hook="{{ delete_touched_events() }}",
    )
}}
-- A table, not a view: many models and tests read it, and as a view each would recompute it (docs/performance.md).
-- Incremental by event on DuckDB (macros/cross_engine/incremental.sql): a refresh recomputes only the events its
-- changed documents
-- touch, each from all of its mentions.
-- depends_on: {{ ref('stg_build__event_changes') }}
-- Who did each event, resolved across documents: per event, organization and role, the strongest
-- attribution any source gives, the weakest, and a flag where sources disagree (one claims or confirms,
-- another disputes).

with

event_actors as (

    select * from {{ ref('int_event_actors_unioned') }}

),

event_mentions as (

    select * from {{ ref('int_event_mentions_unioned') }}
    {{ only_touched_events() }}

),

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

group_actors as (

    select
        event_mentions.event_id,
        event_actors.entity_id as group_id,
        event_actors.role,
        event_actors.attribution,
        event_mentions.document_id,
        {{ attribution_rank('event_actors.attribution') }} as attribution_rank
    from event_actors
    inner join event_mentions on event_actors.mention_id = event_mentions.mention_id
    inner join entities on event_actors.entity_id = entities.entity_id
    where entities.entity_type = 'organization'

),

aggregated as (

    select
        event_id,
        group_id,
        role,
        max(attribution_rank) as strongest_rank,
        min(attribution_rank) as weakest_rank
    from group_actors
    group by event_id, group_id, role

),

-- The attributions sources give each event, group and role: one, or the sorted list where sources disagree.
{{ value_or_list_ctes('attribution_lists', 'group_actors', ['event_id', 'group_id', 'role'], {
    'attributions': 'attribution',
}) }},

group_documents as (

    select distinct
        event_id,
        group_id,
        role,
        document_id
    from group_actors
    where document_id is not null

),

document_counts as (

    select
        event_id,
        group_id,
        role,
        count(*) as document_count
    from group_documents
    group by event_id, group_id, role

),

claimed as (

    select
        event_id,
        group_id,
        max(case when role = 'claimant' or attribution = 'claimed' then 1 else 0 end) = 1 as is_claimed
    from group_actors
    group by event_id, group_id

),

final as (

    select
        aggregated.event_id || '|' || aggregated.group_id || '|' || aggregated.role as event_group_role_id,
        aggregated.event_id,
        aggregated.group_id,
        aggregated.role,
        {{ attribution_from_rank('aggregated.strongest_rank') }} as attribution,
        {{ attribution_from_rank('aggregated.weakest_rank') }} as weakest_attribution,
        attribution_lists.attributions,
        aggregated.strongest_rank >= 3 and aggregated.weakest_rank = 1 as has_attribution_conflict,
        claimed.is_claimed,
        coalesce(document_counts.document_count, 0) as document_count
    from aggregated
    inner join claimed
        on aggregated.event_id = claimed.event_id and aggregated.group_id = claimed.group_id
    inner join attribution_lists
        on
            aggregated.event_id = attribution_lists.event_id
            and aggregated.group_id = attribution_lists.group_id
            and aggregated.role = attribution_lists.role
    left join document_counts
        on
            aggregated.event_id = document_counts.event_id
            and aggregated.group_id = document_counts.group_id
            and aggregated.role = document_counts.role

)

select * from final
