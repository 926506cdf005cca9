with

designations as (

    select * from {{ ref('stg_curation__designations') }}

),

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

final as (

    select
        designations.designation_id,
        designations.group_id,
        group_entities.canonical_name as group_name,
        designations.authority_id,
        authorities.canonical_name as authority,
        designations.list_name,
        designations.listed_name,
        designations.listed_text,
        designations.listed_date,
        designations.listed_precision,
        designations.status,
        designations.document_id,
        designations.quote,
        designations.notes
    from designations
    inner join entities as group_entities on designations.group_id = group_entities.entity_id
    inner join entities as authorities on designations.authority_id = authorities.entity_id

)

select * from final
