with

source as (

    select * from {{ ref('supporting_quotes') }}

),

renamed as (

    select
        supporting_quote_id,
        fact_type,
        fact_id,
        document_id,
        quote,
        notes
    from source

),

final as (

    select * from renamed

)

select * from final
