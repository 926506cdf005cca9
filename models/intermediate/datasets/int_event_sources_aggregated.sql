{{ config(materialized="table") }}
-- A table, not a view: many models and tests read it, and as a view each would recompute it (docs/performance.md).
-- Per event, its sources of both kinds: how many documents and dataset records mention it, and the datasets'
-- own record ids (GTD eventid, UCDP GED id, ACLED event_id_cnty) so a user can find the rows in their download.

with

mentions as (

    select * from {{ ref('int_event_mentions_unioned') }}

),

dataset_records as (

    select * from {{ ref('int_dataset_records_unioned') }}

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

record_counts as (

    -- Most events have one record: its ids are the lists. Ordered distinct lists are built only for events
    -- with several records (linked by a curator), since such an aggregate keeps every group's values in memory
    -- (9.5 million groups at 10M mentions ran DuckDB out of memory).
    select
        event_id,
        count(*) as dataset_record_count,
        min(cast(gtd_eventid as string)) as gtd_eventid,
        min(cast(ucdp_ged_id as string)) as ucdp_ged_id,
        min(acled_event_id_cnty) as acled_event_id_cnty,
        min(dataset_id) as dataset_id
    from in_scope_records
    group by event_id

),

several_records as (

    select
        in_scope_records.event_id,
        {{ string_list('cast(in_scope_records.gtd_eventid as string)') }} as gtd_eventids,
        {{ string_list('cast(in_scope_records.ucdp_ged_id as string)') }} as ucdp_ged_ids,
        {{ string_list('in_scope_records.acled_event_id_cnty') }} as acled_event_ids,
        {{ string_list('in_scope_records.dataset_id') }} as dataset_ids
    from in_scope_records
    inner join record_counts
        on in_scope_records.event_id = record_counts.event_id and record_counts.dataset_record_count > 1
    group by in_scope_records.event_id

),

records as (

    select
        record_counts.event_id,
        record_counts.dataset_record_count,
        case
            when record_counts.dataset_record_count = 1 then record_counts.gtd_eventid
            else several_records.gtd_eventids
        end as gtd_eventids,
        case
            when record_counts.dataset_record_count = 1 then record_counts.ucdp_ged_id
            else several_records.ucdp_ged_ids
        end as ucdp_ged_ids,
        case
            when record_counts.dataset_record_count = 1 then record_counts.acled_event_id_cnty
            else several_records.acled_event_ids
        end as acled_event_ids,
        case
            when record_counts.dataset_record_count = 1 then record_counts.dataset_id
            else several_records.dataset_ids
        end as dataset_ids
    from record_counts
    left join several_records on record_counts.event_id = several_records.event_id

),

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
