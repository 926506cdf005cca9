{{ config(materialized="table") }}
-- depends_on: {{ source('acled', 'event_files') }}

-- A table, not a view: the files are read once, at build time. The columns and their types are the stored
-- layout (macros/generated/dataset_layouts.sql): every ACLED export variant in one shape (pre-2023 and monadic exports
-- have NULL in the columns they lack; actor-type labels were mapped to their codes on registration).
-- event_date comes as 2010-09-19 (API), 19 September 2010 (export tool) or 19-Sep-10 (re-saved by Excel);
-- each is parsed here.

with

source as (

    {{ dataset_source('acled') }}

),

renamed as (

    select
        dataset_id,
        event_id_cnty as record_id,
        event_id_cnty,
        event_date as event_date_text,
        coalesce(
            {%- for date_format in acled_date_formats() %}
                {{ try_parse_date('event_date', date_format) }}{{ "," if not loop.last }}
            {%- endfor %}
        ) as event_date,
        year,
        time_precision,
        disorder_type,
        event_type,
        sub_event_type,
        actor1,
        assoc_actor_1,
        inter1,
        actor2,
        assoc_actor_2,
        nullif(inter2, 0) as inter2,
        interaction,
        civilian_targeting,
        iso,
        region,
        country,
        admin1,
        admin2,
        admin3,
        location,
        latitude,
        longitude,
        geo_precision,
        source,
        source_scale,
        notes,
        fatalities,
        tags,
        timestamp as source_timestamp,
        data_id,
        event_id_no_cnty,
        iso3
    from source

),

final as (

    select * from renamed

)

select * from final
