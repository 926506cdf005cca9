-- Calendar years 1900-2099 from a cross join of digits: portable SQL (no range(), no recursive CTE),
-- the spine that zero-fills attacks_by_group_year and gap-marks membership_by_year.

with

digits as (

    {{ digits_rows() }}

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
