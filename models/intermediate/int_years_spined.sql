-- Calendar years 1900-2099 from a cross join of digits: portable SQL (no range(), no recursive CTE),
-- the spine that zero-fills attacks_by_group_year and gap-marks membership_by_year.

with

digits as (

    select 0 as digit
    union all
    select 1
    union all
    select 2
    union all
    select 3
    union all
    select 4
    union all
    select 5
    union all
    select 6
    union all
    select 7
    union all
    select 8
    union all
    select 9

),

years as (

    select 1900 + hundreds.digit * 100 + tens.digit * 10 + units.digit as calendar_year
    from digits as hundreds
    cross join digits as tens
    cross join digits as units
    where hundreds.digit < 2

),

final as (

    select calendar_year from years

)

select * from final
