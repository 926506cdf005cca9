-- Entities with every name the documents use for them, as one sorted string, and how many documents
-- name them.

with

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

aliases as (

    select * from {{ ref('stg_curation__entity_aliases') }}

),

alias_lists as (

    select
        entity_id,
        {{ string_list('alias') }} as aliases,
        count(distinct alias) as alias_count,
        count(distinct document_id) as document_count
    from aliases
    group by entity_id

),

final as (

    select
        entities.entity_id,
        entities.entity_type,
        entities.entity_subtype,
        entities.canonical_name,
        entities.country_id,
        entities.description,
        alias_lists.aliases,
        coalesce(alias_lists.alias_count, 0) as alias_count,
        coalesce(alias_lists.document_count, 0) as document_count
    from entities
    left join alias_lists on entities.entity_id = alias_lists.entity_id

)

select * from final
