with

tenures as (

    select * from {{ ref('int_leadership_tenures_resolved') }}

),

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

final as (

    select
        tenures.tenure_key,
        tenures.person_id,
        people.canonical_name as person_name,
        tenures.group_id,
        group_entities.canonical_name as group_name,
        tenures.role_category,
        tenures.is_leadership_role,
        tenures.worded_roles,
        tenures.start_date,
        tenures.start_latest_date,
        tenures.start_precision,
        tenures.has_start_conflict,
        tenures.end_date,
        tenures.end_latest_date,
        tenures.end_precision,
        tenures.has_end_conflict,
        tenures.end_basis,
        tenures.end_basis like 'inferred_from_%' as is_end_inferred,
        tenures.end_inferred_from,
        tenures.end_reasons,
        tenures.has_conflict,
        cast(tenures.document_count as integer) as document_count,
        tenures.document_ids,
        tenures.tenure_ids
    from tenures
    inner join entities as people on tenures.person_id = people.entity_id
    inner join entities as group_entities on tenures.group_id = group_entities.entity_id

)

select * from final
