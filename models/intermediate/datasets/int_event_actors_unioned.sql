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
-- Every actor of every event mention, whatever its source: the documents' curated actors and the dataset
-- actors resolved to a warehouse organization (candidates awaiting review are left out). The columns are those of
-- stg_curation__event_actors, then source_kind, so the resolution models read this model in its place.

with

event_actors as (

    select * from {{ ref('stg_curation__event_actors') }}

),

dataset_actors as (

    select * from {{ ref('int_dataset_actors_matched') }}

),

dataset_mentions as (

    select * from {{ ref('int_event_mentions_unioned') }}
    where source_kind = 'dataset'

),

document_event_actors as (

    select
        event_actors.*,
        'document' as source_kind
    from event_actors

),

dataset_event_actors as (

    select
        dataset_actors.dataset_actor_id as event_actor_id,
        dataset_actors.dataset_record_id as mention_id,
        dataset_actors.entity_id,
        dataset_actors.role,
        dataset_actors.attribution,
        concat(dataset_actors.dataset_format, ' coders (', dataset_actors.actor_slot, ')') as attributed_by,
        cast(null as string) as quote,  -- noqa: RF04
        concat(
            'Dataset name: ', dataset_actors.actor_name, '; matched by ', dataset_actors.match_basis,
            case
                when dataset_actors.claim_mode is not null then concat('; claim mode: ', dataset_actors.claim_mode)
                else ''
            end
        ) as notes,
        'dataset' as source_kind
    from dataset_actors
    inner join dataset_mentions on dataset_actors.dataset_record_id = dataset_mentions.mention_id
    where dataset_actors.entity_id is not null

),

final as (

    select * from document_event_actors
    {%- if not is_incremental() %}
        union all
        select * from dataset_event_actors
    {%- endif %}

)

select * from final  -- noqa: AM04
