{{ config(materialized="table") }}
-- depends_on: {{ source('datasets', 'registry') }}

-- The registry written by `militancy datasets add` (datasets/registry.csv, never committed); no rows when
-- nothing is registered.

with

source as (

    {{ dataset_registry_source() }}

),

renamed as (

    select
        dataset_id,
        format as dataset_format,  -- noqa: RF04
        release,  -- noqa: RF04
        layout_version,
        file_name,
        original_name,
        original_sha256,
        original_encoding,
        had_header,
        sha256,
        row_count,
        licence_note,
        added_at_utc,
        variant,
        warnings as warning_counts
    from source

),

final as (

    select * from renamed

)

select * from final
