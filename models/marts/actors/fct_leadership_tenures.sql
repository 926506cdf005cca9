with

tenures as (

    select * from {{ ref('stg_curation__leadership_tenures') }}

),

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

final as (

    select
        tenures.tenure_id,
        tenures.group_id,
        group_entities.canonical_name as group_name,
        tenures.person_id,
        people.canonical_name as person_name,
        tenures.role,
        tenures.role_category,
        tenures.role_category in ('leader', 'military_leader') as is_leadership_role,
        tenures.start_text,
        tenures.start_date,
        tenures.start_precision,
        tenures.end_text,
        tenures.end_date,
        tenures.end_precision,
        tenures.end_reason,
        tenures.document_id,
        tenures.quote,
        tenures.notes
    from tenures
    inner join entities as group_entities on tenures.group_id = group_entities.entity_id
    inner join entities as people on tenures.person_id = people.entity_id

)

select * from final
