with

source as (

    select * from {{ ref('designations') }}

),

renamed as (

    select
        designation_id,
        group_id,
        authority_id,
        list_name,
        listed_name,
        listed_text,
        cast(listed_date as date) as listed_date,
        listed_precision,
        status,
        document_id,
        quote,
        notes
    from source

),

final as (

    select * from renamed

)

select * from final
