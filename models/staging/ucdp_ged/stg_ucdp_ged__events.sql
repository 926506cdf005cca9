-- The columns and their types are the stored layout (macros/generated/dataset_layouts.sql): every published
-- GED variant in one shape, columns a variant lacks NULL. Records UCDP ships inconsistent are kept as published
-- and flagged (is_flagged_<rule>, the rules of dataset_warning_rules).

with

source as (

    select * from {{ ref('base_ucdp_ged__records') }}

),

flagged as (

    select
        *,
        {{ dataset_warning_flags('ucdp-ged') }}
    from source

),

renamed as (

    select
        dataset_id,
        id as record_id,
        -- The global releases' ids are integers; the Candidate files' (2-123456) are not and have none here.
        {{ dbt.safe_cast('id', api.Column.translate_type('integer')) }} as ucdp_ged_id,
        relid,
        year,
        active_year,
        code_status,
        type_of_violence,
        conflict_name,
        dyad_name,
        side_a,
        side_b,
        nullif(number_of_sources, -1) as number_of_sources,  -- -1: not recorded
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
        low,
        iso3,
        {{ dataset_warning_flag_columns('ucdp-ged') }}
    from flagged

),

final as (

    select * from renamed

)

select * from final
