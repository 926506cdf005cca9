{% set threshold = var('coreference_threshold', 0.5) %}

with

event_pairs as (

    select * from {{ ref('int_event_pairs_proposed') }}

),

entity_pairs as (

    select * from {{ ref('int_entity_pairs_proposed') }}

),

decisions as (

    select * from {{ ref('stg_curation__coreference_decisions') }}

),

events as (

    select * from {{ ref('int_events_resolved') }}

),

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

proposed as (

    select * from event_pairs
    union all
    select * from entity_pairs

),

candidate_names as (

    -- One name per event and per entity, keyed by candidate type: plain equi-joins below (a join condition
    -- that mixes the type test with the key made DuckDB evaluate the pairs against every event).
    select
        'event' as candidate_type,
        event_id as named_id,
        event_name as candidate_name
    from events
    union all
    select
        'entity' as candidate_type,
        entity_id as named_id,
        canonical_name as candidate_name
    from entities

),

named as (

    select
        proposed.*,
        left_names.candidate_name as left_name,
        right_names.candidate_name as right_name
    from proposed
    left join candidate_names as left_names
        on proposed.candidate_type = left_names.candidate_type and proposed.left_id = left_names.named_id
    left join candidate_names as right_names
        on proposed.candidate_type = right_names.candidate_type and proposed.right_id = right_names.named_id

),

with_decisions as (

    select
        named.candidate_id,
        named.candidate_type,
        named.left_id,
        named.left_name,
        named.right_id,
        named.right_name,
        cast(named.match_score as double) as match_score,
        named.evidence,
        named.match_score >= {{ threshold }} as is_above_threshold,
        decisions.decision_id,
        decisions.decision,
        decisions.kept_id,
        decisions.reason,
        decisions.decided_by,
        decisions.decided_on
    from named
    left join decisions
        on
            named.candidate_type = decisions.candidate_type
            and named.left_id = decisions.left_id
            and named.right_id = decisions.right_id

),

not_proposed as (

    -- Decided pairs the models no longer propose stay listed, so no curator decision is silently lost: "same"
    -- (one key was retired, so the pair cannot be proposed again), and "distinct" or "undetermined" decisions on
    -- pairs the rules no longer propose (events: below var coreference_review_floor, i.e. sharing fewer than two
    -- of type, place or country, and a group, or dates no longer overlapping; entities: names no longer matching).
    select
        decisions.candidate_type || '|' || decisions.left_id || '|' || decisions.right_id as candidate_id,
        decisions.candidate_type,
        decisions.left_id,
        left_names.candidate_name as left_name,
        decisions.right_id,
        right_names.candidate_name as right_name,
        cast(null as double) as match_score,
        case
            when decisions.decision = 'same' then 'merged: the retired key no longer exists'
            when decisions.candidate_type = 'event'
                then
                    'not proposed: the two events share fewer than two of type, place or country, and a group,'
                    || ' or their dates do not overlap (below the review floor, var coreference_review_floor)'
            else 'not proposed: the names no longer match'
        end as evidence,
        decisions.decision = 'same' as is_above_threshold,
        decisions.decision_id,
        decisions.decision,
        decisions.kept_id,
        decisions.reason,
        decisions.decided_by,
        decisions.decided_on
    from decisions
    left join named
        on
            decisions.candidate_type = named.candidate_type
            and decisions.left_id = named.left_id
            and decisions.right_id = named.right_id
    left join candidate_names as left_names
        on decisions.candidate_type = left_names.candidate_type and decisions.left_id = left_names.named_id
    left join candidate_names as right_names
        on decisions.candidate_type = right_names.candidate_type and decisions.right_id = right_names.named_id
    where named.candidate_id is null

),

unioned as (

    select * from with_decisions
    union all
    select * from not_proposed

),

final as (

    select
        candidate_id,
        candidate_type,
        left_id,
        left_name,
        right_id,
        right_name,
        match_score,
        evidence,
        is_above_threshold,
        case
            when decision = 'same' then 'merged'
            when decision is not null then decision
            else 'undecided'
        end as status,
        decision_id,
        kept_id,
        reason,
        decided_by,
        decided_on
    from unioned

)

select * from final
