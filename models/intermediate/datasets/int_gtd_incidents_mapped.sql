-- GTD incidents in the warehouse's conventions: iyear/imonth/iday with 0 = unknown as a date interval (the
-- whole month or year when the day or month is unknown, up to the resolution date for extended incidents), the
-- point figures nkill/nwound as ranges of one value (NULL when unknown; a fraction GTD gives a split incident,
-- nkill 19.8, is the range 19-20 with the published figure kept in killed_text), specificity as a place precision,
-- and attacktype1 as an event type (a suicide bombing when suicide = 1).

with

incidents as (

    select * from {{ ref('stg_gtd__incidents') }}

),

codes as (

    select * from {{ ref('stg_datasets__codes') }}
    where dataset_format = 'gtd'

),

dated as (

    select
        incidents.*,
        case
            when incidents.imonth is null then make_date(incidents.iyear, 1, 1)
            when incidents.iday is null then make_date(incidents.iyear, incidents.imonth, 1)
            else make_date(incidents.iyear, incidents.imonth, incidents.iday)
        end as first_day,
        coalesce(
            {{ try_parse_date('incidents.resolution', '%Y-%m-%d') }},
            {{ try_parse_date('incidents.resolution', '%m/%d/%Y') }}
        ) as resolution_date
    from incidents

),

mapped as (

    select
        dated.*,
        case
            when dated.imonth is null then make_date(dated.iyear, 12, 31)
            when dated.iday is null then last_day(dated.first_day)
            when dated.extended = 1 and dated.resolution_date > dated.first_day then dated.resolution_date
            else dated.first_day
        end as last_day_possible,
        case
            when dated.imonth is null then 'year'
            when dated.iday is null then 'month'
            when dated.extended = 1 and dated.resolution_date > dated.first_day then 'days'
            else 'day'
        end as date_precision,
        case
            when attack.warehouse_code = 'bombing' and dated.suicide = 1 then 'suicide_bombing'
            else attack.warehouse_code
        end as event_type,
        specificity.warehouse_code as location_precision
    from dated
    left join codes as attack
        on attack.codebook = 'attacktype' and attack.code = cast(dated.attacktype1 as string)
    left join codes as specificity
        on specificity.codebook = 'specificity' and specificity.code = cast(dated.specificity as string)

),

final as (

    select
        dataset_id,
        'gtd' as dataset_format,
        record_id,
        gtd_eventid,
        cast(null as integer) as ucdp_ged_id,
        cast(null as string) as acled_event_id_cnty,
        event_type,
        {{ concat_text([
            "'attacktype1 '", "coalesce(cast(attacktype1 as string), 'unknown')", "': ' || attacktype1_txt",
            "case when suicide = 1 then ' (suicide)' end",
        ]) }} as source_event_type,
        coalesce(
            approxdate,
            concat(
                'iyear ', coalesce(cast(iyear as string), 'unknown'),
                ', imonth ', coalesce(imonth, 0), ', iday ', coalesce(iday, 0)
            )
        ) as date_text,
        first_day as date_start,
        last_day_possible as date_end,
        date_precision,
        concat(
            'imonth ', coalesce(imonth, 0), ', iday ', coalesce(iday, 0),
            ', extended ', coalesce(cast(extended as string), 'unknown')
        )
            as source_date_precision,
        country_txt as country_name,
        provstate as admin1,
        cast(null as string) as admin2,
        cast(null as string) as source_country_iso3,
        cast(null as integer) as source_country_numeric,
        nullif(city, 'Unknown') as place_name,
        nullif(concat_ws(', ', location, nullif(city, 'Unknown'), provstate), '') as location_text,
        case when location_precision != 'unknown' then latitude end as latitude,
        case when location_precision != 'unknown' then longitude end as longitude,
        location_precision,
        'specificity ' || cast(specificity as string) as source_location_precision,
        concat('nkill ', coalesce({{ published_number('nkill') }}, 'unknown')) as killed_text,
        cast(floor(nkill) as integer) as killed_low,
        cast(ceil(nkill) as integer) as killed_high,
        cast(null as integer) as killed_best,
        concat('nwound ', coalesce({{ published_number('nwound') }}, 'unknown')) as wounded_text,
        cast(floor(nwound) as integer) as wounded_low,
        cast(ceil(nwound) as integer) as wounded_high,
        summary as record_summary,
        concat_ws(' | ', scite1, scite2, scite3) as record_sources
    from mapped

)

select * from final
