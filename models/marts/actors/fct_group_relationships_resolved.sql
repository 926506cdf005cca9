with

relationships as (

    select * from {{ ref('int_group_relationships_resolved') }}

),

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

final as (

    select
        relationships.relationship_key,
        relationships.group_id,
        group_entities.canonical_name as group_name,
        relationships.relationship_type,
        relationships.related_group_id,
        related.canonical_name as related_group_name,
        relationships.start_date,
        relationships.start_latest_date,
        relationships.start_precision,
        relationships.has_start_conflict,
        relationships.end_date,
        relationships.end_latest_date,
        relationships.end_precision,
        relationships.has_end_conflict,
        relationships.end_basis,
        relationships.end_inferred_from,
        relationships.certainty,
        relationships.weakest_certainty,
        relationships.has_certainty_conflict,
        relationships.has_conflict,
        cast(relationships.document_count as integer) as document_count,
        relationships.document_ids,
        relationships.relationship_ids
    from relationships
    inner join entities as group_entities on relationships.group_id = group_entities.entity_id
    inner join entities as related on relationships.related_group_id = related.entity_id

)

select * from final
