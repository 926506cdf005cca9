with

relationships as (

    select * from {{ ref('stg_curation__group_relationships') }}

),

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

final as (

    select
        relationships.relationship_id as affiliation_id,
        relationships.group_id as person_id,
        people.canonical_name as person_name,
        relationships.relationship_type,
        relationships.related_group_id as group_id,
        group_entities.canonical_name as group_name,
        relationships.start_text,
        relationships.start_date,
        relationships.start_precision,
        relationships.certainty,
        relationships.document_id,
        relationships.quote,
        relationships.notes
    from relationships
    inner join entities as people on relationships.group_id = people.entity_id
    inner join entities as group_entities on relationships.related_group_id = group_entities.entity_id
    where people.entity_type = 'person'

)

select * from final
