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

event_actors as (

    select * from {{ ref('int_event_actors_unioned') }}

),

event_mentions as (

    select * from {{ ref('int_event_mentions_unioned') }}
    {{ only_changed_documents() }}

),

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

final as (

    select
        event_actors.event_actor_id,
        event_actors.mention_id,
        event_mentions.event_id,
        event_mentions.document_id,
        event_actors.entity_id,
        entities.canonical_name as entity_name,
        entities.entity_type,
        event_actors.role,
        event_actors.attribution,
        event_actors.attributed_by,
        event_actors.quote,
        event_actors.notes,
        event_actors.source_kind
    from event_actors
    inner join event_mentions on event_actors.mention_id = event_mentions.mention_id
    inner join entities on event_actors.entity_id = entities.entity_id

)

select * from final
