-- Every quote of every curated fact, in one list: the input of fct_evidence. source_table and source_key name
-- the seed row the quote comes from (the key of the offsets the validator computed).

with

documents as (

    select * from {{ ref('stg_curation__documents') }}

),

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

entity_aliases as (

    select * from {{ ref('stg_curation__entity_aliases') }}

),

event_mentions as (

    select * from {{ ref('stg_curation__event_mentions') }}

),

event_actors as (

    select * from {{ ref('stg_curation__event_actors') }}

),

membership_estimates as (

    select * from {{ ref('stg_curation__membership_estimates') }}

),

leadership_tenures as (

    select * from {{ ref('stg_curation__leadership_tenures') }}

),

group_relationships as (

    select * from {{ ref('stg_curation__group_relationships') }}

),

designations as (

    select * from {{ ref('stg_curation__designations') }}

),

supporting_quotes as (

    select * from {{ ref('stg_curation__supporting_quotes') }}

),

life_events as (

    select * from {{ ref('stg_curation__entity_life_events') }}

),

main_quotes as (

    select
        'entity' as fact_type,
        entity_id as fact_id,
        document_id,
        quote,
        true as is_main_quote,
        'entities' as source_table,
        entity_id as source_key
    from entities
    union all
    select
        'entity_alias' as fact_type,
        alias_id as fact_id,
        document_id,
        quote,
        true as is_main_quote,
        'entity_aliases' as source_table,
        alias_id as source_key
    from entity_aliases
    union all
    select
        'event_mention' as fact_type,
        mention_id as fact_id,
        document_id,
        quote,
        true as is_main_quote,
        'event_mentions' as source_table,
        mention_id as source_key
    from event_mentions
    union all
    select
        'event_actor' as fact_type,
        event_actors.event_actor_id as fact_id,
        event_mentions.document_id,
        event_actors.quote,
        true as is_main_quote,
        'event_actors' as source_table,
        event_actors.event_actor_id as source_key
    from event_actors
    inner join event_mentions on event_actors.mention_id = event_mentions.mention_id
    union all
    select
        'membership_estimate' as fact_type,
        estimate_id as fact_id,
        document_id,
        quote,
        true as is_main_quote,
        'membership_estimates' as source_table,
        estimate_id as source_key
    from membership_estimates
    union all
    select
        'leadership_tenure' as fact_type,
        tenure_id as fact_id,
        document_id,
        quote,
        true as is_main_quote,
        'leadership_tenures' as source_table,
        tenure_id as source_key
    from leadership_tenures
    union all
    select
        'group_relationship' as fact_type,
        relationship_id as fact_id,
        document_id,
        quote,
        true as is_main_quote,
        'group_relationships' as source_table,
        relationship_id as source_key
    from group_relationships
    union all
    select
        'designation' as fact_type,
        designation_id as fact_id,
        document_id,
        quote,
        true as is_main_quote,
        'designations' as source_table,
        designation_id as source_key
    from designations
    union all
    select
        'life_event' as fact_type,
        life_event_id as fact_id,
        document_id,
        quote,
        true as is_main_quote,
        'entity_life_events' as source_table,
        life_event_id as source_key
    from life_events

),

extra_quotes as (

    select
        fact_type,
        fact_id,
        document_id,
        quote,
        false as is_main_quote,
        'supporting_quotes' as source_table,
        supporting_quote_id as source_key
    from supporting_quotes

),

unioned as (

    select * from main_quotes
    union all
    select * from extra_quotes

),

final as (

    select
        unioned.fact_type,
        unioned.fact_id,
        unioned.document_id,
        unioned.quote,
        unioned.is_main_quote,
        unioned.source_table,
        unioned.source_key,
        {{ surrogate_key(['unioned.fact_type', 'unioned.fact_id', 'unioned.quote']) }} as evidence_id
    from unioned
    inner join documents on unioned.document_id = documents.document_id

)

select * from final
