-- Dataset actor names that match no organization and have no curator's decision yet, with the nearest names
-- the warehouse knows: decide each in seeds/datasets/dataset_actor_crosswalk.csv (match or no_match).

with

actors as (

    select * from {{ ref('int_dataset_actors_matched') }}

),

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

entity_aliases as (

    select * from {{ ref('stg_curation__entity_aliases') }}

),

candidates as (

    select
        dataset_format,
        actor_name,
        min(name_key) as name_key,
        count(distinct dataset_record_id) as record_count,
        {{ string_list('dataset_id') }} as dataset_ids,
        min(record_id) as example_record_id
    from actors
    where is_candidate
    group by dataset_format, actor_name

),

organization_names as (

    select
        entity_id,
        canonical_name as known_name
    from entities
    where entity_type = 'organization'
    union
    select
        entity_aliases.entity_id,
        entity_aliases.alias as known_name
    from entity_aliases
    inner join entities on entity_aliases.entity_id = entities.entity_id
    where entities.entity_type = 'organization'

),

scored as (

    select
        candidates.dataset_format,
        candidates.actor_name,
        organization_names.entity_id,
        organization_names.known_name,
        {{ name_similarity('candidates.name_key', name_key('organization_names.known_name')) }} as similarity,
        row_number() over (
            partition by candidates.dataset_format, candidates.actor_name
            order by
                {{ name_similarity('candidates.name_key', name_key('organization_names.known_name')) }} desc,
                organization_names.entity_id
        ) as similarity_rank
    from candidates
    cross join organization_names

),

final as (

    select
        candidates.dataset_format,
        candidates.actor_name,
        cast(candidates.record_count as integer) as record_count,
        candidates.dataset_ids,
        candidates.example_record_id,
        case when scored.similarity >= 0.9 then scored.entity_id end as suggested_group_id,
        case when scored.similarity >= 0.9 then scored.known_name end as suggested_name,
        round(scored.similarity, 3) as similarity
    from candidates
    left join scored
        on
            candidates.dataset_format = scored.dataset_format
            and candidates.actor_name = scored.actor_name
            and scored.similarity_rank = 1

)

select * from final
