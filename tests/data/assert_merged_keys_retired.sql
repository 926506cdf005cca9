-- A pair decided "same" keeps one of its two keys (kept_id) and retires the other: the retired key may no longer
-- be used as an entity or event key, and the kept key must exist. Other decisions name no kept key.

with

decisions as (

    select * from {{ ref('stg_curation__coreference_decisions') }}

),

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

event_mentions as (

    select * from {{ ref('stg_curation__event_mentions') }}

),

keys as (

    select
        'entity' as key_type,
        entity_id as key_id
    from entities
    union
    select
        'event' as key_type,
        event_id as key_id
    from event_mentions

),

checked as (

    select
        decisions.decision_id,
        decisions.decision,
        decisions.kept_id,
        case when decisions.kept_id = decisions.left_id then decisions.right_id else decisions.left_id end
            as retired_id,
        kept_keys.key_id as kept_key_found,
        retired_keys.key_id as retired_key_found
    from decisions
    left join keys as kept_keys
        on decisions.candidate_type = kept_keys.key_type and decisions.kept_id = kept_keys.key_id
    left join keys as retired_keys
        on
            decisions.candidate_type = retired_keys.key_type
            and retired_keys.key_id
            = case when decisions.kept_id = decisions.left_id then decisions.right_id else decisions.left_id end

),

final as (

    select
        checked.decision_id,
        case
            when checked.decision != 'same' and checked.kept_id is not null then 'kept_id given for a pair not merged'
            when checked.decision = 'same' and checked.kept_id is null then 'merged pair without kept_id'
            when checked.decision = 'same' and checked.kept_key_found is null then 'kept key does not exist'
            when checked.decision = 'same' and checked.retired_key_found is not null then 'retired key still in use'
        end as problem
    from checked
    inner join decisions on checked.decision_id = decisions.decision_id
    where
        (checked.decision != 'same' and checked.kept_id is not null)
        or (
            checked.decision = 'same'
            and (
                checked.kept_id is null
                or checked.kept_id not in (decisions.left_id, decisions.right_id)
                or checked.kept_key_found is null
                or checked.retired_key_found is not null
            )
        )

)

select * from final
