-- No attack can fall out of the yearly counts: every dated attack of a group is counted in
-- attacks_by_group_year in its year (the validator keeps dates within 1900..today, inside the year spine),
-- and the yearly totals (attacks at any attribution level plus attacks only linked to the group) add up to the
-- number of dated attacks.

with

group_attacks as (

    select * from {{ ref('int_group_attacks_joined') }}

),

yearly as (

    select * from {{ ref('attacks_by_group_year') }}

),

dated as (

    select
        group_id,
        event_year,
        count(*) as attacks
    from group_attacks
    where event_year is not null
    group by group_id, event_year

),

final as (

    select
        dated.group_id,
        dated.event_year,
        dated.attacks,
        yearly.attacks_including_disputed + yearly.linked_only_attacks as counted
    from dated
    left join yearly on dated.group_id = yearly.group_id and dated.event_year = yearly.year
    where yearly.year is null or yearly.attacks_including_disputed + yearly.linked_only_attacks != dated.attacks

)

select * from final
