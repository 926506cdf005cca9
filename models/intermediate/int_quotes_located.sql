-- Character offsets of every quote in its document (0-based code points, end exclusive, as in Python's
-- text[char_start:char_end]), as the validator located them on this build's input snapshot: the occurrence that
-- counts is the first one in article text (src/militancy/textcheck.py). Computed once there, loaded here, and
-- re-checked against the text DuckDB read: is_offset_exact.

with

quotes as (

    select * from {{ ref('int_quotes_unioned') }}

),

offsets as (

    select * from {{ ref('stg_located__quote_offsets') }}

),

document_texts as (

    select * from {{ ref('int_documents_joined') }}

),

located as (

    select
        quotes.evidence_id,
        quotes.fact_type,
        quotes.fact_id,
        quotes.document_id,
        quotes.quote,
        quotes.is_main_quote,
        quotes.source_table,
        quotes.source_key,
        coalesce(offsets.char_start, -1) as char_start,
        coalesce(offsets.char_end, -1) as char_end,
        coalesce(offsets.occurrence_count, 0) as occurrence_count,
        coalesce(offsets.is_in_article_text, false) as is_in_article_text
    from quotes
    left join offsets
        on
            quotes.source_table = offsets.source_table
            and quotes.source_key = offsets.source_key
            and quotes.document_id = offsets.document_id

),

final as (

    select
        located.*,
        coalesce(
            located.char_start >= 0
            and {{ dbt.length('located.quote') }} = located.char_end - located.char_start
            and substring(document_texts.document_text, located.char_start + 1, located.char_end - located.char_start)
            = located.quote,
            false
        ) as is_offset_exact
    from located
    left join document_texts on located.document_id = document_texts.document_id

)

select * from final
