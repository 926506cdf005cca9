-- Attacks joined to the groups they are attributed to: one row per attack per group named as perpetrator or
-- claimant (the default and strict counts) or only linked to it through a perpetrator said to be inspired by,
-- affiliated with, or a (former) member of it (counted apart). Years: the first and last year the attack may
-- have happened in.

with

events as (

    select * from {{ ref('int_events_resolved') }}

),

event_groups as (

    select * from {{ ref('int_event_groups_resolved') }}

),

attributed as (

    select
        event_id,
        group_id,
        max(
            case when role in ('perpetrator', 'claimant') then {{ attribution_rank('attribution') }} end
        ) as strongest_rank,
        max(case when role = 'linked' then {{ attribution_rank('attribution') }} end) as linked_rank,
        max(case when role in ('perpetrator', 'claimant') and is_claimed then 1 else 0 end) = 1 as is_claimed
    from event_groups
    where role in ('perpetrator', 'claimant', 'linked')
    group by event_id, group_id

),

final as (

    select
        attributed.event_id || '|' || attributed.group_id as event_group_id,
        attributed.event_id,
        attributed.group_id,
        {{ attribution_from_rank('attributed.strongest_rank') }} as attribution,
        {{ attribution_from_rank('attributed.linked_rank') }} as linked_attribution,
        attributed.is_claimed,
        coalesce(attributed.strongest_rank >= 4, false) as is_confirmed_or_claimed,
        coalesce(attributed.strongest_rank >= 2, false) as is_default_attribution,
        attributed.strongest_rank is not null as is_perpetrator_or_claimant,
        attributed.strongest_rank is null as is_linked_only,
        cast(extract(year from events.date_start) as integer) as event_year,
        cast(extract(year from events.date_end) as integer) as event_last_year,
        extract(year from events.date_start) != extract(year from events.date_end)
            as is_year_uncertain,
        events.killed_low,
        events.killed_high,
        events.is_killed_high_open,
        events.wounded_low,
        events.wounded_high,
        events.is_wounded_high_open
    from attributed
    inner join events on attributed.event_id = events.event_id
    where events.is_attack

)

select * from final
