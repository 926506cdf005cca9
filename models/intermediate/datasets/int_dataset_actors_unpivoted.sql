-- Every actor name a dataset record gives, one row per name, with the role and attribution level in the
-- warehouse's terms. GTD: gname, gname2, gname3 are perpetrators; guncertain = 1 (speculation or a dubious claim)
-- makes them suspected, else a claim (claimed, claim2, claim3 = 1) makes them claimed, else alleged (the
-- dataset's coders attribute it). UCDP: side_a and side_b take part (role other) in state-based and non-state
-- conflict; in one-sided violence side_a is the perpetrator (the authority when a government) and side_b the
-- target. ACLED: actor1 and its associated actors are perpetrators of attacks, authorities in state actions and
-- participants in battles; actor2 and its associates are targets or participants. ACLED actors that are rioters,
-- protesters or civilians (inter 5, 6, 7) are not organizations and are left out. UCDP and ACLED attributions
-- are alleged (the coders' attribution).

with

records as (

    select * from {{ ref('int_dataset_records_unioned') }}

),

gtd_incidents as (

    select * from {{ ref('stg_gtd__incidents') }}

),

ucdp_ged_events as (

    select * from {{ ref('stg_ucdp_ged__events') }}

),

acled_events as (

    select * from {{ ref('stg_acled__events') }}

),

codes as (

    select * from {{ ref('stg_datasets__codes') }}

),

event_types as (

    select * from {{ ref('stg_curation__event_types') }}

),

gtd_slots as (

    select
        dataset_id,
        record_id,
        'gname' as actor_slot,
        gname as actor_name,
        guncertain1 as is_uncertain_code,
        claimed as claimed_code,
        claimmode as claimmode_code
    from gtd_incidents
    union all
    select
        dataset_id,
        record_id,
        'gname2' as actor_slot,
        gname2 as actor_name,
        guncertain2 as is_uncertain_code,
        claim2 as claimed_code,
        claimmode2 as claimmode_code
    from gtd_incidents
    union all
    select
        dataset_id,
        record_id,
        'gname3' as actor_slot,
        gname3 as actor_name,
        guncertain3 as is_uncertain_code,
        claim3 as claimed_code,
        claimmode3 as claimmode_code
    from gtd_incidents

),

gtd_actors as (

    select
        gtd_slots.dataset_id,
        gtd_slots.record_id,
        gtd_slots.actor_slot,
        gtd_slots.actor_name,
        'perpetrator' as role,  -- noqa: RF04
        case
            when gtd_slots.is_uncertain_code = 1 then 'suspected'
            when gtd_slots.claimed_code = 1 then 'claimed'
            else 'alleged'
        end as attribution,
        gtd_slots.is_uncertain_code = 1 as is_uncertain,
        gtd_slots.claimed_code = 1 as is_claimed,
        claim_modes.label as claim_mode,
        cast(null as string) as actor_type
    from gtd_slots
    left join codes as claim_modes
        on
            claim_modes.dataset_format = 'gtd'
            and claim_modes.codebook = 'claimmode'
            and claim_modes.code = cast(gtd_slots.claimmode_code as string)
    where gtd_slots.actor_name is not null and gtd_slots.actor_name != ''

),

ucdp_ged_actors as (

    select
        dataset_id,
        record_id,
        'side_a' as actor_slot,
        side_a as actor_name,
        case
            when type_of_violence = 3 and side_a like 'Government of %' then 'authority'
            when type_of_violence = 3 then 'perpetrator'
            else 'other'
        end as role  -- noqa: RF04
    from ucdp_ged_events
    union all
    select
        dataset_id,
        record_id,
        'side_b' as actor_slot,
        side_b as actor_name,
        case when type_of_violence = 3 then 'target' else 'other' end as role  -- noqa: RF04
    from ucdp_ged_events

),

acled_sides as (

    select
        dataset_id,
        record_id,
        1 as actor_side,
        'actor1' as actor_slot,
        actor1 as actor_name,
        inter1 as inter
    from acled_events
    union all
    select
        dataset_id,
        record_id,
        1 as actor_side,
        'assoc_actor_1' as actor_slot,
        trim(assoc_actor_1_part) as actor_name,
        inter1 as inter
    from {{ split_rows('acled_events', 'assoc_actor_1', ';', 'assoc_actor_1_part') }}
    union all
    select
        dataset_id,
        record_id,
        2 as actor_side,
        'actor2' as actor_slot,
        actor2 as actor_name,
        inter2 as inter
    from acled_events
    union all
    select
        dataset_id,
        record_id,
        2 as actor_side,
        'assoc_actor_2' as actor_slot,
        trim(assoc_actor_2_part) as actor_name,
        inter2 as inter
    from {{ split_rows('acled_events', 'assoc_actor_2', ';', 'assoc_actor_2_part') }}

),

acled_actors as (

    select
        acled_sides.dataset_id,
        acled_sides.record_id,
        acled_sides.actor_slot,
        acled_sides.actor_name,
        case
            when event_types.category = 'attack' and acled_sides.actor_side = 1 then 'perpetrator'
            when
                event_types.category in ('state_violence', 'legal_action') and acled_sides.actor_side = 1
                then 'authority'
            when event_types.category in ('attack', 'state_violence', 'legal_action') then 'target'
            else 'other'
        end as role,  -- noqa: RF04
        inter_codes.warehouse_code as actor_type
    from acled_sides
    inner join records
        on acled_sides.dataset_id = records.dataset_id and acled_sides.record_id = records.record_id
    left join event_types on records.event_type = event_types.event_type
    left join codes as inter_codes
        on
            inter_codes.dataset_format = 'acled'
            and inter_codes.codebook = 'inter'
            and inter_codes.code = cast(acled_sides.inter as string)
    where
        acled_sides.actor_name is not null
        and acled_sides.actor_name != ''
        and coalesce(acled_sides.inter, 0) not in (5, 6, 7)

),

all_actors as (

    select
        'gtd' as dataset_format,
        dataset_id,
        record_id,
        actor_slot,
        actor_name,
        role,
        attribution,
        is_uncertain,
        is_claimed,
        claim_mode,
        actor_type
    from gtd_actors
    union all
    select
        'ucdp-ged' as dataset_format,
        dataset_id,
        record_id,
        actor_slot,
        actor_name,
        role,
        'alleged' as attribution,
        cast(null as boolean) as is_uncertain,
        cast(null as boolean) as is_claimed,
        cast(null as string) as claim_mode,
        cast(null as string) as actor_type
    from ucdp_ged_actors
    where actor_name is not null and actor_name != ''
    union all
    select
        'acled' as dataset_format,
        dataset_id,
        record_id,
        actor_slot,
        actor_name,
        role,
        'alleged' as attribution,
        cast(null as boolean) as is_uncertain,
        cast(null as boolean) as is_claimed,
        cast(null as string) as claim_mode,
        actor_type
    from acled_actors

),

final as (

    select
        concat(all_actors.dataset_id, ':', all_actors.record_id, ':', all_actors.actor_slot, ':', all_actors.actor_name)
            as dataset_actor_id,
        concat(all_actors.dataset_id, ':', all_actors.record_id) as dataset_record_id,
        all_actors.*
    from all_actors

)

select * from final
