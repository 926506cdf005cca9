{{
    config(
        materialized=document_rows_materialization(),
        incremental_strategy="append",
        on_schema_change="fail",
        pre_hook="{{ delete_document_rows() }}",
    )
}}
-- A table, not a view: many models and tests read it, and as a view each would recompute it (docs/performance.md).
-- Incremental on DuckDB (macros/cross_engine/incremental.sql, delete_document_rows): a refresh replaces the document
-- rows and
-- keeps the dataset rows, which no document input reaches.
-- Every mention of an event, whatever its source: the documents' curated mentions (source_kind 'document')
-- and the registered dataset records of the warehouse's event types (source_kind 'dataset'), whose evidence is
-- the record itself. A dataset record joins a corpus event when a curator accepted the link; otherwise it is an
-- event of its own. The columns are those of stg_curation__event_mentions, then the dataset columns, so the
-- resolution models read this model in its place.

with

event_mentions as (

    select * from {{ ref('stg_curation__event_mentions') }}

),

dataset_records as (

    select * from {{ ref('int_dataset_records_unioned') }}

),

document_mentions as (

    select
        event_mentions.*,
        'document' as source_kind,
        cast(null as string) as dataset_id,
        cast(null as string) as dataset_format,
        cast(null as string) as record_id
    from event_mentions

),

dataset_mentions as (

    select
        dataset_record_id as mention_id,
        event_id,
        cast(null as string) as document_id,
        event_name,
        event_type,
        date_text,
        date_start,
        date_end,
        date_precision,
        'as_stated' as date_resolution,
        'Dataset coding: ' || source_date_precision as date_note,
        country_id,
        location_text,
        location_id,
        killed_text,
        killed_low,
        killed_high,
        wounded_text,
        wounded_low,
        wounded_high,
        cast(null as string) as hostages_text,
        cast(null as integer) as hostages_low,
        cast(null as integer) as hostages_high,
        cast(null as string) as prisoners_freed_text,
        cast(null as integer) as prisoners_freed_low,
        cast(null as integer) as prisoners_freed_high,
        cast(null as string) as arrested_text,
        cast(null as integer) as arrested_low,
        cast(null as integer) as arrested_high,
        cast(null as string) as sentenced_text,
        cast(null as integer) as sentenced_low,
        cast(null as integer) as sentenced_high,
        cast(null as string) as quote,  -- noqa: RF04
        concat('Dataset record ', dataset_record_id, ' (release ', coalesce(release, 'unknown'), ')') as notes,
        'dataset' as source_kind,
        dataset_id,
        dataset_format,
        record_id
    from dataset_records
    where is_in_scope

),

final as (

    select * from document_mentions
    {%- if not is_incremental() %}
        union all
        select * from dataset_mentions
    {%- endif %}

)

select * from final  -- noqa: AM04
