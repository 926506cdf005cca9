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
-- Per event, its sources of both kinds: how many documents and dataset records mention it, and the datasets'
-- own record ids (GTD eventid, UCDP GED id, ACLED event_id_cnty) so a user can find the rows in their download.

with

mentions as (

    select * from {{ ref('int_event_mentions_unioned') }}
    {{ only_touched_events() }}

),

dataset_records as (

    select * from {{ ref('int_dataset_records_unioned') }}
    {{ only_touched_events() }}

),

event_documents as (

    select distinct
        event_id,
        document_id
    from mentions
    where source_kind = 'document' and document_id is not null

),

documents as (

    -- Distinct documents per event in two plain steps: a count(distinct) per group keeps a set per group in
    -- memory (docs/performance.md, 10M run).
    select
        event_id,
        count(*) as document_count
    from event_documents
    group by event_id

),

in_scope_records as (

    select * from dataset_records
    where is_in_scope

),

-- Per event, its number of dataset records and the datasets' own record ids: most events have one record,
-- whose ids are the lists.
{{ value_or_list_ctes('records', 'in_scope_records', ['event_id'], {
    'gtd_eventids': 'cast(gtd_eventid as string)',
    'ucdp_ged_ids': 'cast(ucdp_ged_id as string)',
    'acled_event_ids': 'acled_event_id_cnty',
    'dataset_ids': 'dataset_id',
}, row_count='dataset_record_count') }},

events as (

    select distinct event_id from mentions

),

final as (

    select
        events.event_id,
        coalesce(documents.document_count, 0) as document_count,
        coalesce(records.dataset_record_count, 0) as dataset_record_count,
        coalesce(documents.document_count, 0) + coalesce(records.dataset_record_count, 0) as source_count,
        documents.event_id is not null as has_document_source,
        records.event_id is not null as has_dataset_source,
        records.gtd_eventids,
        records.ucdp_ged_ids,
        records.acled_event_ids,
        records.dataset_ids
    from events
    left join documents on events.event_id = documents.event_id
    left join records on events.event_id = records.event_id

)

select * from final
