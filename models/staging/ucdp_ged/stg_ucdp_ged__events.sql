{{ config(materialized="table") }}
-- depends_on: {{ source('ucdp_ged', 'event_files') }}

-- A table, not a view: the files are read once, at build time (a view would read them relative to whoever
-- queries it). The columns and their types are the published layout (macros/dataset_layouts.sql).

with

source as (

    {{ dataset_source('ucdp-ged') }}

),

renamed as (

    select
        dataset_id,
        cast(id as {{ dbt.type_string() }}) as record_id,
        id as ucdp_ged_id,
        relid,
        year,
        active_year,
        code_status,
        type_of_violence,
        conflict_name,
        dyad_name,
        side_a,
        side_b,
        number_of_sources,
        source_article,
        source_office,
        source_date,
        source_headline,
        where_prec,
        where_description,
        adm_1,
        adm_2,
        latitude,
        longitude,
        country,
        country_id as gw_country_code,
        event_clarity,
        date_prec,
        cast(date_start as date) as date_start,
        cast(date_end as date) as date_end,
        deaths_a,
        deaths_b,
        deaths_civilians,
        deaths_unknown,
        best,
        high,
        low
    from source

),

final as (

    select * from renamed

)

select * from final
