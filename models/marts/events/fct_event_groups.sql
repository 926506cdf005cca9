{{
    config(
        materialized=event_rows_materialization(),
        incremental_strategy="append",
        on_schema_change="fail",
        pre_hook="{{ delete_touched_events() }}",
    )
}}

-- Incremental by event on DuckDB (macros/cross_engine/incremental.sql): a refresh recomputes only the events its
-- changed documents
-- touch.
-- depends_on: {{ ref('stg_build__event_changes') }}

with

event_groups as (

    select * from {{ ref('int_event_groups_resolved') }}
    {{ only_touched_events() }}

),

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

final as (

    select
        event_groups.event_group_role_id,
        event_groups.event_id,
        event_groups.group_id,
        entities.canonical_name as group_name,
        event_groups.role,
        event_groups.attribution,
        event_groups.weakest_attribution,
        event_groups.attributions,
        event_groups.has_attribution_conflict,
        event_groups.is_claimed,
        cast(event_groups.document_count as integer) as document_count
    from event_groups
    inner join entities on event_groups.group_id = entities.entity_id

)

select * from final
