-- Every passage is exactly the text between its offsets, and a document's passages never overlap.

with

passages as (

    select * from {{ ref('document_passages') }}

),

texts as (

    select * from {{ ref('document_texts') }}

),

not_exact as (

    select passages.passage_id
    from passages
    inner join texts on passages.document_id = texts.document_id
    where
        substring(texts.document_text, passages.char_start + 1, passages.char_end - passages.char_start)
        != passages.passage_text

),

overlapping as (

    select later.passage_id
    from passages as earlier
    inner join passages as later
        on
            earlier.document_id = later.document_id
            and earlier.passage_number + 1 = later.passage_number
            and earlier.char_end > later.char_start

),

final as (

    select * from not_exact
    union all
    select * from overlapping

)

select * from final
