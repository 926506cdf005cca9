with

actors as (

    select * from {{ ref('int_dataset_actors_matched') }}

),

final as (

    select
        dataset_actor_id,
        dataset_record_id,
        dataset_format,
        dataset_id,
        record_id,
        actor_slot,
        actor_name,
        entity_id as group_id,
        match_basis,
        is_candidate,
        role,
        attribution,
        is_uncertain,
        is_claimed,
        claim_mode,
        actor_type
    from actors

)

select * from final
