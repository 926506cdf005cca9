with

regions as (

    select * from {{ ref('int_document_regions_located') }}

),

final as (

    select
        region_id,
        document_id,
        region_type,
        is_excluded,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        starts_with,
        ends_with,
        notes
    from regions

)

select * from final
