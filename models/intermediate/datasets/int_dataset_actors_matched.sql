-- Dataset actor names resolved to the warehouse's organizations: a curator's decision first
-- (dataset_actor_crosswalk), else an alias that names exactly one organization, compared as a name key
-- (case, punctuation and dashes ignored): the whole name, then the name without its acronym ("Islamic Movement
-- of Uzbekistan (IMU)", "IMU: Islamic Movement of Uzbekistan"), then the acronym alone where the documents use
-- it as an acronym of one organization only; then state forces ("Government of X", "Military Forces of X (1994-)",
-- "Police Forces of X (1994-)") resolve to their state: the one security force (for military and police) or
-- government organization of the country place named X, the government when the country has no security force.
-- Anything else is a candidate for review, never a new group.

with

actors as (

    select * from {{ ref('int_dataset_actors_unpivoted') }}

),

crosswalk as (

    select * from {{ ref('stg_datasets__actor_crosswalk') }}

),

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

entity_aliases as (

    select * from {{ ref('stg_curation__entity_aliases') }}

),

country_places as (

    select * from {{ ref('int_country_places_keyed') }}

),

organization_names as (

    select
        entities.entity_id,
        {{ name_key('entities.canonical_name') }} as name_key,
        false as is_acronym
    from entities
    where entities.entity_type = 'organization'
    union all
    select
        entity_aliases.entity_id,
        {{ name_key('entity_aliases.alias') }} as name_key,
        entity_aliases.alias_type = 'acronym' as is_acronym
    from entity_aliases
    inner join entities on entity_aliases.entity_id = entities.entity_id
    where entities.entity_type = 'organization'

),

name_index as (

    select
        name_key,
        min(entity_id) as entity_id,
        count(distinct entity_id) as entity_count,
        max(case when is_acronym then 1 else 0 end) = 1 as is_acronym
    from organization_names
    group by name_key

),

state_bodies as (

    -- Per country and kind, the one organization of that kind (security_force or government).
    select
        country_id,
        entity_subtype as state_kind,
        min(entity_id) as entity_id,
        count(*) as body_count
    from entities
    where entity_type = 'organization' and entity_subtype in ('security_force', 'government')
    group by country_id, entity_subtype

),

keyed as (

    select
        actors.*,
        {{ name_key('actors.actor_name') }} as full_key,
        {{ name_key(name_without_acronym('actors.actor_name')) }} as base_key,
        {{ name_key(name_acronym('actors.actor_name')) }} as acronym_key,
        {{ name_key(state_forces_country('actors.actor_name')) }} as state_key,
        {{ state_forces_kind('actors.actor_name') }} as state_kind
    from actors

),

state_matches as (

    select
        keyed.dataset_actor_id,
        coalesce(same_kind.entity_id, government.entity_id) as entity_id
    from keyed
    inner join country_places on keyed.state_key = country_places.country_key and country_places.place_count = 1
    left join state_bodies as same_kind
        on
            country_places.place_id = same_kind.country_id
            and keyed.state_kind = same_kind.state_kind
            and same_kind.body_count = 1
    left join state_bodies as government
        on
            country_places.place_id = government.country_id
            and government.state_kind = 'government'
            and government.body_count = 1

),

matched as (

    select
        keyed.*,
        crosswalk.decision,
        crosswalk.entity_id as decided_entity_id,
        full_name.entity_id as full_entity_id,
        base_name.entity_id as base_entity_id,
        acronym.entity_id as acronym_entity_id,
        state_matches.entity_id as state_entity_id
    from keyed
    left join crosswalk
        on keyed.dataset_format = crosswalk.dataset_format and keyed.actor_name = crosswalk.actor_name
    left join name_index as full_name
        on keyed.full_key = full_name.name_key and full_name.entity_count = 1
    left join name_index as base_name
        on keyed.base_key = base_name.name_key and base_name.entity_count = 1
    left join name_index as acronym
        on keyed.acronym_key = acronym.name_key and acronym.entity_count = 1 and acronym.is_acronym
    left join state_matches on keyed.dataset_actor_id = state_matches.dataset_actor_id

),

final as (

    select
        dataset_actor_id,
        dataset_record_id,
        dataset_format,
        dataset_id,
        record_id,
        actor_slot,
        actor_name,
        role,
        attribution,
        is_uncertain,
        is_claimed,
        claim_mode,
        actor_type,
        case
            when decision = 'match' then decided_entity_id
            when decision = 'no_match' then null
            else coalesce(full_entity_id, base_entity_id, acronym_entity_id, state_entity_id)
        end as entity_id,
        case
            when decision = 'match' then 'curated_match'
            when decision = 'no_match' then 'curated_no_match'
            when full_entity_id is not null then 'alias'
            when base_entity_id is not null then 'alias_without_acronym'
            when acronym_entity_id is not null then 'acronym'
            when state_entity_id is not null then 'state_forces'
        end as match_basis,
        decision is null
        and coalesce(full_entity_id, base_entity_id, acronym_entity_id, state_entity_id) is null as is_candidate,
        full_key as name_key
    from matched

)

select * from final
