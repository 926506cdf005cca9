-- Attacks joined to the groups they are attributed to (perpetrator or claimant), one row per attack per
-- group, with the attribution tiers that attacks_by_group_year counts.

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
        max({{ attribution_rank('attribution') }}) as strongest_rank,
        max(case when is_claimed then 1 else 0 end) = 1 as is_claimed
    from event_groups
    where role in ('perpetrator', 'claimant')
    group by event_id, group_id

),

final as (

    select
        attributed.event_id,
        attributed.group_id,
        {{ attribution_from_rank('attributed.strongest_rank') }} as attribution,
        attributed.is_claimed,
        attributed.strongest_rank >= 4 as is_confirmed_or_claimed,
        attributed.strongest_rank >= 2 as is_default_attribution,
        cast(extract(year from events.date_start) as integer) as event_year,
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
