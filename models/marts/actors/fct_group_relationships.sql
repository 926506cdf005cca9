with

relationships as (

    select * from {{ ref('stg_curation__group_relationships') }}

),

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

final as (

    select
        relationships.relationship_id,
        relationships.group_id,
        group_entities.canonical_name as group_name,
        relationships.relationship_type,
        relationships.related_group_id,
        related.canonical_name as related_group_name,
        relationships.start_text,
        relationships.start_date,
        relationships.start_precision,
        relationships.end_text,
        relationships.end_date,
        relationships.end_precision,
        relationships.certainty,
        relationships.document_id,
        relationships.quote,
        relationships.notes
    from relationships
    inner join entities as group_entities on relationships.group_id = group_entities.entity_id
    inner join entities as related on relationships.related_group_id = related.entity_id
    where group_entities.entity_type = 'organization' and related.entity_type = 'organization'

)

select * from final
