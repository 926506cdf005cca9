{{
    config(
        materialized="incremental",
        incremental_strategy=by_document_strategy(),
        partition_by=by_document_partitions(),
        on_schema_change="fail",
        pre_hook="{{ delete_changed_documents() }}",
    )
}}

-- Incremental by document (macros/cross_engine/incremental.sql): a refresh recomputes only the changed documents' rows.
-- depends_on: {{ ref('stg_build__document_changes') }}

with

event_mentions as (

    select * from {{ ref('int_event_mentions_unioned') }}
    {{ only_changed_documents() }}

),

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

final as (

    select
        event_mentions.mention_id,
        event_mentions.event_id,
        event_mentions.document_id,
        event_mentions.event_name,
        event_mentions.event_type,
        event_mentions.date_text,
        event_mentions.date_start,
        event_mentions.date_end,
        event_mentions.date_precision,
        event_mentions.date_resolution,
        event_mentions.date_note,
        countries.canonical_name as country,
        event_mentions.location_text,
        event_mentions.location_id,
        event_mentions.killed_text,
        event_mentions.killed_low,
        event_mentions.killed_high,
        event_mentions.wounded_text,
        event_mentions.wounded_low,
        event_mentions.wounded_high,
        event_mentions.hostages_text,
        event_mentions.hostages_low,
        event_mentions.hostages_high,
        event_mentions.prisoners_freed_text,
        event_mentions.prisoners_freed_low,
        event_mentions.prisoners_freed_high,
        event_mentions.arrested_text,
        event_mentions.arrested_low,
        event_mentions.arrested_high,
        event_mentions.sentenced_text,
        event_mentions.sentenced_low,
        event_mentions.sentenced_high,
        event_mentions.quote,
        event_mentions.notes,
        event_mentions.source_kind,
        event_mentions.dataset_id,
        event_mentions.dataset_format,
        event_mentions.record_id
    from event_mentions
    left join entities as countries on event_mentions.country_id = countries.entity_id

)

select * from final
