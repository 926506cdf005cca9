{{ config(materialized="table") }}
-- A table, not a view: its tests and fct_coreference_candidates read it, and as a view each would recompute the pairs.
-- Candidate duplicate events: pairs of events whose resolved date intervals overlap and that share a group (in any
-- role), a place, or an event type. match_score is the mean of three marks: same type (1), same place (1, or 1/2
-- when only the country agrees), a shared group (1). Only events some document reports are paired: a dataset record
-- joins a corpus event through the dataset link decisions (Splink proposals, `militancy datasets decide`), not
-- through the committed coreference seed, which cannot name records of a user's private download.

with

events as (

    select * from {{ ref('int_events_resolved') }}

),

corpus_events as (

    select * from events
    where document_count > 0

),

event_groups as (

    select * from {{ ref('int_event_groups_resolved') }}

),

overlapping as (

    select
        left_events.event_id as left_id,
        right_events.event_id as right_id,
        left_events.event_type = right_events.event_type as is_same_type,
        coalesce(left_events.location_id = right_events.location_id, false) as is_same_place,
        coalesce(left_events.country_id = right_events.country_id, false) as is_same_country,
        left_events.country_id as left_country,
        left_events.event_type as left_type,
        right_events.event_type as right_type,
        left_events.location_id as left_place
    from corpus_events as left_events
    inner join corpus_events as right_events
        on
            left_events.event_id < right_events.event_id
            and left_events.date_start <= right_events.date_end
            and left_events.date_end >= right_events.date_start

),

shared_groups as (

    -- Only for the pairs whose dates overlap: a self-join of all events on the group would pair every two
    -- events of a prolific group (quadratic in its activity).
    select
        overlapping.left_id,
        overlapping.right_id,
        {{ string_list('left_groups.group_id') }} as shared_group_ids
    from overlapping
    inner join event_groups as left_groups on overlapping.left_id = left_groups.event_id
    inner join event_groups as right_groups
        on overlapping.right_id = right_groups.event_id and left_groups.group_id = right_groups.group_id
    group by overlapping.left_id, overlapping.right_id

),

scored as (

    select
        overlapping.left_id,
        overlapping.right_id,
        (
            case when overlapping.is_same_type then 1 else 0 end
            + case when overlapping.is_same_place then 1 when overlapping.is_same_country then 0.5 else 0 end
            + case when shared_groups.left_id is not null then 1 else 0 end
        ) / 3e0 as match_score,
        'dates overlap'
        || case when overlapping.is_same_type then '; same type ' || overlapping.left_type else '' end
        || case
            when overlapping.is_same_place then '; same place ' || overlapping.left_place
            when overlapping.is_same_country then '; same country ' || overlapping.left_country
            else ''
        end
        || coalesce('; shared groups ' || shared_groups.shared_group_ids, '') as evidence
    from overlapping
    left join shared_groups
        on overlapping.left_id = shared_groups.left_id and overlapping.right_id = shared_groups.right_id

),

final as (

    select
        'event|' || left_id || '|' || right_id as candidate_id,
        'event' as candidate_type,
        left_id,
        right_id,
        match_score,
        evidence
    from scored
    where match_score > 0

)

select * from final
