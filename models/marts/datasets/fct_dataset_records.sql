with

records as (

    select * from {{ ref('int_dataset_records_unioned') }}

),

final as (

    select
        dataset_record_id,
        dataset_id,
        dataset_format,
        release,
        record_id,
        gtd_eventid,
        cast(ucdp_ged_id as integer) as ucdp_ged_id,
        acled_event_id_cnty,
        case when is_in_scope then event_id end as event_id,
        is_linked_to_corpus,
        link_match_probability,
        is_in_scope,
        event_type,
        source_event_type,
        date_text,
        date_start,
        date_end,
        date_precision,
        source_date_precision,
        country_name,
        country_id,
        country_iso3,
        country_iso3_basis,
        admin1,
        admin2,
        location_text,
        location_id,
        latitude,
        longitude,
        location_precision,
        source_location_precision,
        killed_text,
        cast(killed_low as integer) as killed_low,
        cast(killed_high as integer) as killed_high,
        cast(killed_best as integer) as killed_best,
        wounded_text,
        cast(wounded_low as integer) as wounded_low,
        cast(wounded_high as integer) as wounded_high,
        record_summary,
        record_sources
    from records

)

select * from final
