-- Within one document an alias names one entity, unless every row of it is flagged is_ambiguous.
-- (Across documents the same alias may name different entities: IMT is resolved per document.)

with

aliases as (

    select * from {{ ref('stg_curation__entity_aliases') }}

),

final as (

    select
        document_id,
        alias,
        count(distinct entity_id) as entity_count
    from aliases
    where not is_ambiguous
    group by document_id, alias
    having count(distinct entity_id) > 1

)

select * from final
