-- An alias typed canonical is written exactly as the entity's canonical name.

with

aliases as (

    select * from {{ ref('stg_curation__entity_aliases') }}

),

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

final as (

    select
        aliases.alias_id,
        aliases.alias,
        entities.canonical_name
    from aliases
    inner join entities on aliases.entity_id = entities.entity_id
    where aliases.alias_type = 'canonical' and aliases.alias != entities.canonical_name

)

select * from final
