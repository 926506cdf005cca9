-- The evidence of every dataset fact: a dataset record's event mention and each of its actors resolved to an
-- organization are backed by the record itself (dataset, release, record id and the record's own source fields),
-- as a document's facts are backed by its quotes. The input of fct_evidence's dataset rows.

with

event_mentions as (

    select * from {{ ref('int_event_mentions_unioned') }}

),

event_actors as (

    select * from {{ ref('int_event_actors_unioned') }}

),

dataset_records as (

    select * from {{ ref('int_dataset_records_unioned') }}

),

dataset_facts as (

    select
        'event_mention' as fact_type,
        mention_id as fact_id,
        mention_id as dataset_record_id
    from event_mentions
    where source_kind = 'dataset'
    union all
    select
        'event_actor' as fact_type,
        event_actor_id as fact_id,
        mention_id as dataset_record_id
    from event_actors
    where source_kind = 'dataset'

),

final as (

    select
        {{ surrogate_key([
            "'dataset'", 'dataset_facts.fact_type', 'dataset_facts.fact_id', 'dataset_facts.dataset_record_id',
        ]) }} as evidence_id,
        dataset_facts.fact_type,
        dataset_facts.fact_id,
        dataset_facts.dataset_record_id,
        dataset_records.dataset_id,
        dataset_records.dataset_format,
        dataset_records.release,
        dataset_records.record_id,
        dataset_records.record_sources,
        dataset_records.record_summary
    from dataset_facts
    inner join dataset_records on dataset_facts.dataset_record_id = dataset_records.dataset_record_id

)

select * from final
