-- Within one document an alias names one entity, unless every row of it is flagged is_ambiguous.
-- (Across documents the same alias may name different entities: IMT is resolved per document.)

with

aliases as (

    select * from {{ ref('stg_curation__entity_aliases') }}

),

final as (

    select
        document_id,
        lower(alias) as alias_lower,
        count(distinct entity_id) as entity_count,
        sum(case when is_ambiguous then 0 else 1 end) as rows_not_flagged
    from aliases
    group by document_id, lower(alias)
    having count(distinct entity_id) > 1 and sum(case when is_ambiguous then 0 else 1 end) > 0

)

select * from final
