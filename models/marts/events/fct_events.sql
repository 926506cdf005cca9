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

events as (

    select * from {{ ref('int_events_resolved') }}
    {{ only_touched_events() }}

),

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

event_sources as (

    select * from {{ ref('int_event_sources_aggregated') }}
    {{ only_touched_events() }}

),

final as (

    select
        events.event_id,
        events.event_name,
        events.event_type,
        events.event_category,
        events.is_attack,
        events.date_start,
        events.date_end,
        events.date_precision,
        cast(extract(year from events.date_start) as integer) as event_year,
        extract(year from events.date_start) = extract(year from events.date_end)
            as is_year_certain,
        events.has_date_conflict,
        countries.canonical_name as country,
        events.country_id,
        events.location,
        events.location_id,
        cast(events.killed_low as integer) as killed_low,
        cast(events.killed_high as integer) as killed_high,
        events.is_killed_high_open,
        cast(events.wounded_low as integer) as wounded_low,
        cast(events.wounded_high as integer) as wounded_high,
        events.is_wounded_high_open,
        cast(events.hostages_low as integer) as hostages_low,
        cast(events.hostages_high as integer) as hostages_high,
        cast(events.prisoners_freed_low as integer) as prisoners_freed_low,
        cast(events.prisoners_freed_high as integer) as prisoners_freed_high,
        cast(events.arrested_low as integer) as arrested_low,
        cast(events.arrested_high as integer) as arrested_high,
        cast(events.sentenced_low as integer) as sentenced_low,
        cast(events.sentenced_high as integer) as sentenced_high,
        events.has_figure_conflict,
        events.has_type_conflict,
        events.has_date_conflict or events.has_figure_conflict or events.has_type_conflict as has_source_conflict,
        cast(events.document_count as integer) as document_count,
        cast(coalesce(event_sources.dataset_record_count, 0) as integer) as dataset_record_count,
        cast(events.document_count + coalesce(event_sources.dataset_record_count, 0) as integer) as source_count,
        event_sources.gtd_eventids,
        event_sources.ucdp_ged_ids,
        event_sources.acled_event_ids
    from events
    left join entities as countries on events.country_id = countries.entity_id
    left join event_sources on events.event_id = event_sources.event_id

)

select * from final
