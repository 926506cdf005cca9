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

documents as (

    select
        event_id,
        count(distinct document_id) as document_count
    from mentions
    where source_kind = 'document'
    group by event_id

),

records as (

    select
        event_id,
        count(*) as dataset_record_count,
        {{ string_list('cast(gtd_eventid as string)') }} as gtd_eventids,
        {{ string_list('cast(ucdp_ged_id as string)') }} as ucdp_ged_ids,
        {{ string_list('acled_event_id_cnty') }} as acled_event_ids,
        {{ string_list('dataset_id') }} as dataset_ids
    from dataset_records
    where is_in_scope
    group by event_id

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
