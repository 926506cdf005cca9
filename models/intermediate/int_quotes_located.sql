-- Character offsets of every quote in its document (0-based code points, end exclusive, as in Python's
-- text[char_start:char_end]); occurrences counted, and whether the quote lies in article text.

with

quotes as (

    select * from {{ ref('int_quotes_unioned') }}

),

document_texts as (

    select * from {{ ref('int_documents_joined') }}

),

regions as (

    select * from {{ ref('int_document_regions_located') }}

),

located as (

    select
        quotes.evidence_id,
        quotes.fact_type,
        quotes.fact_id,
        quotes.document_id,
        quotes.quote,
        quotes.is_main_quote,
        {{ char_start('document_texts.document_text', 'quotes.quote') }} as char_start,
        {{ char_end('document_texts.document_text', 'quotes.quote') }} as char_end,
        (
            {{ dbt.length('document_texts.document_text') }}
            - {{ dbt.length(dbt.replace('document_texts.document_text', 'quotes.quote', "''")) }}
        ) / {{ dbt.length('quotes.quote') }} as occurrence_count
    from quotes
    left join document_texts on quotes.document_id = document_texts.document_id

),

in_excluded_region as (

    select distinct located.evidence_id
    from located
    inner join regions
        on
            located.document_id = regions.document_id
            and regions.is_excluded
            and located.char_start >= regions.char_start
            and located.char_end <= regions.char_end

),

final as (

    select
        located.*,
        in_excluded_region.evidence_id is null as is_in_article_text
    from located
    left join in_excluded_region on located.evidence_id = in_excluded_region.evidence_id

)

select * from final
