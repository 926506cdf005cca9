with

registry as (

    select * from {{ ref('stg_datasets__registry') }}

),

final as (

    select
        dataset_id,
        dataset_format,
        release,
        layout_version,
        original_name,
        original_sha256,
        original_encoding,
        had_header,
        sha256,
        cast(row_count as integer) as row_count,
        licence_note,
        added_at_utc,
        variant,
        warning_counts
    from registry

)

select * from final
