with

source as (

    select * from {{ ref('leadership_tenures') }}

),

renamed as (

    select
        tenure_id,
        group_id,
        person_id,
        role,
        role_category,
        start_text,
        cast(start_date as date) as start_date,
        start_precision,
        end_text,
        cast(end_date as date) as end_date,
        end_precision,
        end_reason,
        document_id,
        quote,
        notes
    from source

),

final as (

    select * from renamed

)

select * from final
