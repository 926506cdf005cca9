-- ACLED events in the warehouse's conventions: event_date with time_precision as a date interval (a day; the
-- 13 days around it when only the week is known; the month), fatalities as a lower bound with no upper bound
-- (ACLED codes the lowest figure reported; 0 can mean "none reported", so it is unknown here), geo_precision as a
-- place precision, and the sub-event type as an event type (NULL for demonstrations and strategic developments
-- that are not violence: those records stay out of the event mentions).

with

events as (

    select * from {{ ref('stg_acled__events') }}

),

codes as (

    select * from {{ ref('stg_datasets__codes') }}
    where dataset_format = 'acled'

),

mapped as (

    select
        events.*,
        sub_event.warehouse_code as warehouse_event_type,
        time_precision.warehouse_code as date_precision,
        geo_precision.warehouse_code as location_precision
    from events
    left join codes as sub_event
        on sub_event.codebook = 'sub_event_type' and events.sub_event_type = sub_event.code
    left join codes as time_precision
        on time_precision.codebook = 'time_precision' and time_precision.code = cast(events.time_precision as string)
    left join codes as geo_precision
        on geo_precision.codebook = 'geo_precision' and geo_precision.code = cast(events.geo_precision as string)

),

final as (

    select
        dataset_id,
        'acled' as dataset_format,
        record_id,
        cast(null as bigint) as gtd_eventid,
        cast(null as integer) as ucdp_ged_id,
        event_id_cnty as acled_event_id_cnty,
        warehouse_event_type as event_type,
        nullif(concat_ws(' / ', event_type, sub_event_type), '') as source_event_type,
        {{ concat_text(["event_date_text", "' (time_precision ' || cast(time_precision as string) || ')'"]) }}
            as date_text,
        case
            when time_precision = 2 then cast({{ dbt.dateadd('day', -6, 'event_date') }} as date)
            when time_precision = 3 then cast({{ dbt.date_trunc('month', 'event_date') }} as date)
            else event_date
        end as date_start,
        case
            when time_precision = 2 then cast({{ dbt.dateadd('day', 6, 'event_date') }} as date)
            when time_precision = 3 then last_day(event_date)
            else event_date
        end as date_end,
        date_precision,
        'time_precision ' || cast(time_precision as string) as source_date_precision,
        country as country_name,
        admin1,
        admin2,
        iso3 as source_country_iso3,
        iso as source_country_numeric,
        location as place_name,
        nullif(concat_ws(', ', location, admin2, admin1), '') as location_text,
        latitude,
        longitude,
        location_precision,
        'geo_precision ' || cast(geo_precision as string) as source_location_precision,
        'fatalities ' || coalesce(cast(fatalities as string), 'unknown') as killed_text,
        case when fatalities > 0 then fatalities end as killed_low,
        cast(null as integer) as killed_high,
        cast(null as integer) as killed_best,
        cast(null as string) as wounded_text,
        cast(null as integer) as wounded_low,
        cast(null as integer) as wounded_high,
        notes as record_summary,
        concat_ws(' | ', source, source_scale) as record_sources
    from mapped

)

select * from final
