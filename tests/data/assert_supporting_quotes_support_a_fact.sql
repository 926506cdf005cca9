-- Every supporting quote points at a fact that exists in the table its fact_type names.

with

supporting_quotes as (

    select * from {{ ref('stg_curation__supporting_quotes') }}

),

facts as (

    select distinct
        fact_type,
        fact_id
    from {{ ref('int_quotes_unioned') }}
    where is_main_quote

),

final as (

    select
        supporting_quotes.supporting_quote_id,
        supporting_quotes.fact_type,
        supporting_quotes.fact_id
    from supporting_quotes
    left join facts
        on supporting_quotes.fact_type = facts.fact_type and supporting_quotes.fact_id = facts.fact_id
    where facts.fact_id is null

)

select * from final
