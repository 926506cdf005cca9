with

source as (

    select * from {{ ref('membership_estimates') }}

),

renamed as (

    select
        estimate_id,
        group_id,
        document_id,
        subject_text,
        period_text,
        cast(period_start_year as integer) as period_start_year,
        cast(period_end_year as integer) as period_end_year,
        period_precision,
        estimate_text,
        cast(estimate_low as integer) as estimate_low,
        cast(estimate_high as integer) as estimate_high,
        cast(is_approximate as boolean) as is_approximate,
        counted_unit,
        scope,
        cited_source,
        quote,
        notes
    from source

),

final as (

    select * from renamed

)

select * from final
