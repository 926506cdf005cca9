with

source as (

    select * from {{ ref('event_mentions') }}

),

renamed as (

    select
        mention_id,
        event_id,
        document_id,
        event_name,
        event_type,
        date_text,
        cast(date_start as date) as date_start,
        cast(date_end as date) as date_end,
        date_precision,
        date_resolution,
        date_note,
        country_id,
        location_text,
        location_id,
        killed_text,
        cast(killed_low as integer) as killed_low,
        cast(killed_high as integer) as killed_high,
        wounded_text,
        cast(wounded_low as integer) as wounded_low,
        cast(wounded_high as integer) as wounded_high,
        hostages_text,
        cast(hostages_low as integer) as hostages_low,
        cast(hostages_high as integer) as hostages_high,
        prisoners_freed_text,
        cast(prisoners_freed_low as integer) as prisoners_freed_low,
        cast(prisoners_freed_high as integer) as prisoners_freed_high,
        arrested_text,
        cast(arrested_low as integer) as arrested_low,
        cast(arrested_high as integer) as arrested_high,
        sentenced_text,
        cast(sentenced_low as integer) as sentenced_low,
        cast(sentenced_high as integer) as sentenced_high,
        quote,
        notes
    from source

),

final as (

    select * from renamed

)

select * from final
