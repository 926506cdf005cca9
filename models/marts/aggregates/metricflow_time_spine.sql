-- Daily time spine 1990-01-01 .. 2031-01-26 that MetricFlow needs to aggregate metrics by time.

with

digits as (

    {{ digits_rows() }}

),

day_offsets as (

    select
        ten_thousands.digit * 10000
        + thousands.digit * 1000
        + hundreds.digit * 100
        + tens.digit * 10
        + units.digit as day_offset
    from digits as ten_thousands
    cross join digits as thousands
    cross join digits as hundreds
    cross join digits as tens
    cross join digits as units
    where ten_thousands.digit < 2 and (ten_thousands.digit * 10000 + thousands.digit * 1000) < 15000

),

final as (

    select cast({{ dbt.dateadd('day', 'day_offset', "cast('1990-01-01' as date)") }} as date) as date_day
    from day_offsets

)

select * from final
