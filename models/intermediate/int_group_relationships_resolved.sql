-- Relationships between groups resolved across documents: one row per group pair and relationship type, with the
-- dates the documents support (overlap, or span with a conflict flag), the strongest and weakest certainty, and an
-- end inferred where no document ends the relationship: the earlier of the two groups' ends that is not before the
-- relationship's start (a group that ended before the relationship began, as Adolat before the IMU, ends nothing).

with

relationships as (

    select * from {{ ref('stg_curation__group_relationships') }}

),

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

life_stages as (

    select * from {{ ref('int_life_events_resolved') }}

),

group_relationships as (

    select
        relationships.relationship_id,
        relationships.group_id,
        relationships.related_group_id,
        relationships.relationship_type,
        relationships.certainty,
        relationships.document_id,
        relationships.start_date as start_first,
        {{ interval_last_day('relationships.start_date', 'relationships.start_precision') }} as start_last,
        relationships.end_date as end_first,
        {{ interval_last_day('relationships.end_date', 'relationships.end_precision') }} as end_last,
        {{ attribution_rank('relationships.certainty') }} as certainty_rank
    from relationships
    inner join entities as subject_entities on relationships.group_id = subject_entities.entity_id
    inner join entities as object_entities on relationships.related_group_id = object_entities.entity_id
    where subject_entities.entity_type = 'organization' and object_entities.entity_type = 'organization'

),

aggregated as (

    select
        group_id,
        related_group_id,
        relationship_type,
        {{ interval_aggregates('start_first', 'start_last', 'start_side') }},
        {{ interval_aggregates('end_first', 'end_last', 'end_side') }},
        max(certainty_rank) as strongest_rank,
        min(certainty_rank) as weakest_rank,
        {{ string_list('document_id') }} as document_ids,
        {{ string_list('relationship_id') }} as relationship_ids,
        count(distinct document_id) as document_count
    from group_relationships
    group by group_id, related_group_id, relationship_type

),

resolved as (

    select
        aggregated.*,
        {{ resolved_interval('start_side') }},
        {{ resolved_interval('end_side') }}
    from aggregated

),

group_ends as (

    select
        entity_id,
        date_start,
        date_end,
        life_event_ids
    from life_stages
    where life_stage = 'end'

),

ends_after_start as (

    select
        resolved.group_id,
        resolved.related_group_id,
        resolved.relationship_type,
        group_ends.date_start,
        group_ends.date_end,
        group_ends.life_event_ids,
        row_number() over (
            partition by resolved.group_id, resolved.related_group_id, resolved.relationship_type
            order by coalesce(group_ends.date_end, group_ends.date_start), group_ends.entity_id
        ) as end_order
    from resolved
    inner join group_ends
        on resolved.group_id = group_ends.entity_id or resolved.related_group_id = group_ends.entity_id
    where
        resolved.start_side_first is null
        or coalesce(group_ends.date_end, group_ends.date_start) >= resolved.start_side_first

),

closed as (

    select
        resolved.*,
        earliest_end.date_start as group_end_first,
        earliest_end.date_end as group_end_last,
        earliest_end.life_event_ids as group_end_facts
    from resolved
    left join ends_after_start as earliest_end
        on
            resolved.group_id = earliest_end.group_id
            and resolved.related_group_id = earliest_end.related_group_id
            and resolved.relationship_type = earliest_end.relationship_type
            and earliest_end.end_order = 1

),

final as (

    select
        group_id || '|' || relationship_type || '|' || related_group_id as relationship_key,
        group_id,
        relationship_type,
        related_group_id,
        start_side_first as start_date,
        start_side_last as start_latest_date,
        {{ interval_precision('start_side_first', 'start_side_last') }} as start_precision,
        start_side_has_conflict as has_start_conflict,
        case when end_side_dated_count > 0 then end_side_first else group_end_first end as end_date,
        case when end_side_dated_count > 0 then end_side_last else group_end_last end as end_latest_date,
        case
            when end_side_dated_count > 0 then {{ interval_precision('end_side_first', 'end_side_last') }}
            else {{ interval_precision('group_end_first', 'group_end_last') }}
        end as end_precision,
        end_side_has_conflict as has_end_conflict,
        case
            when end_side_dated_count > 0 then 'stated'
            when group_end_facts is not null then 'inferred_from_group_end'
            else 'open'
        end as end_basis,
        case when end_side_dated_count > 0 then null else group_end_facts end as end_inferred_from,
        {{ attribution_from_rank('strongest_rank') }} as certainty,
        {{ attribution_from_rank('weakest_rank') }} as weakest_certainty,
        strongest_rank >= 3 and weakest_rank = 1 as has_certainty_conflict,
        start_side_has_conflict or end_side_has_conflict or (strongest_rank >= 3 and weakest_rank = 1) as has_conflict,
        document_count,
        document_ids,
        relationship_ids
    from closed

)

select * from final
