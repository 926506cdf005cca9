-- UCDP GED events in the warehouse's conventions: the date interval UCDP gives with date_prec as a precision
-- word, low/best/high deaths as a killed range (best kept beside it), where_prec as a place precision, and the
-- type of violence as an event type. A record UCDP ships out of order (low > best, or an end before its start:
-- flagged in staging, listed in fct_dataset_warnings) keeps its published figures in killed_text and
-- killed_best; the range and the interval span all the values given.

with

events as (

    select * from {{ ref('stg_ucdp_ged__events') }}

),

codes as (

    select * from {{ ref('stg_datasets__codes') }}
    where dataset_format = 'ucdp-ged'

),

mapped as (

    select
        events.*,
        violence.label as violence_label,
        case
            when events.type_of_violence = 3 and events.side_a like 'Government of %' then 'security_operation'
            else violence.warehouse_code
        end as event_type,
        -- A file without date_prec (the warehouse's own GED-shaped export for an interval across years): the
        -- interval's own precision.
        coalesce(
            date_prec.warehouse_code,
            case
                when events.date_start is not null
                    then {{ interval_precision('least(events.date_start, events.date_end)',
                        'greatest(events.date_start, events.date_end)') }}
            end
        ) as date_precision,
        where_prec.warehouse_code as location_precision
    from events
    left join codes as violence
        on violence.codebook = 'type_of_violence' and violence.code = cast(events.type_of_violence as string)
    left join codes as date_prec
        on date_prec.codebook = 'date_prec' and date_prec.code = cast(events.date_prec as string)
    left join codes as where_prec
        on where_prec.codebook = 'where_prec' and where_prec.code = cast(events.where_prec as string)

),

final as (

    select
        dataset_id,
        'ucdp-ged' as dataset_format,
        record_id,
        cast(null as bigint) as gtd_eventid,
        ucdp_ged_id,
        cast(null as string) as acled_event_id_cnty,
        event_type,
        'type_of_violence ' || cast(type_of_violence as string) || coalesce(': ' || violence_label, '')
            as source_event_type,
        {{ concat_text([
            "coalesce(cast(date_start as string), 'unknown')", "' to '", "coalesce(cast(date_end as string), 'unknown')",
            "' (date_prec ' || cast(date_prec as string) || ')'",
        ]) }} as date_text,
        least(date_start, date_end) as date_start,
        greatest(date_start, date_end) as date_end,
        date_precision,
        'date_prec ' || cast(date_prec as string) as source_date_precision,
        country as country_name,
        adm_1 as admin1,
        adm_2 as admin2,
        iso3 as source_country_iso3,
        cast(null as integer) as source_country_numeric,
        cast(null as string) as place_name,
        nullif(concat_ws(', ', where_description, adm_2, adm_1), '') as location_text,
        latitude,
        longitude,
        location_precision,
        'where_prec ' || cast(where_prec as string) as source_location_precision,
        {{ concat_text([
            "'low '", "coalesce(cast(low as string), 'unknown')", "', best '", "coalesce(cast(best as string), 'unknown')",
            "', high '", "coalesce(cast(high as string), 'unknown')",
        ]) }} as killed_text,
        least(low, best, high) as killed_low,
        greatest(low, best, high) as killed_high,
        best as killed_best,
        cast(null as string) as wounded_text,
        cast(null as integer) as wounded_low,
        cast(null as integer) as wounded_high,
        source_headline as record_summary,
        concat_ws(' | ', source_article, source_office, source_date) as record_sources
    from mapped

)

select * from final
