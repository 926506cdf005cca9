with

quotes as (

    select * from {{ ref('int_quotes_located') }}

),

final as (

    select
        evidence_id,
        fact_type,
        fact_id,
        document_id,
        quote,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        cast(occurrence_count as integer) as occurrence_count,
        is_main_quote
    from quotes

)

select * from final
