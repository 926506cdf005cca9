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
        lower(aliases.alias) as alias_lower,
        aliases.document_id,
        aliases.entity_id,
        entities.canonical_name,
        entities.entity_type,
        aliases.alias_type,
        aliases.is_ambiguous,
        aliases.quote,
        aliases.notes
    from aliases
    inner join entities on aliases.entity_id = entities.entity_id

)

select * from final
