-- No attack can fall out of the yearly counts: every dated attack of a group is counted in attacks_by_group_year
-- in its start year (the validator keeps dates within 1900..today, inside the year spine): those naming the group
-- as perpetrator or claimant in attacks_including_disputed, those only linked to it in linked_only_attacks, and
-- the yearly totals add up to the number of dated attacks.

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
