-- Curated document metadata joined to the text read from the corpus folder.

with

documents as (

    select * from {{ ref('stg_curation__documents') }}

),

document_texts as (

    select * from {{ ref('stg_corpus__document_texts') }}

),

final as (

    select
        documents.document_id,
        documents.file_name,
        documents.title,
        documents.publisher,
        documents.publisher_basis,
        documents.author,
        documents.document_type,
        documents.published_date,
        documents.published_date_precision,
        documents.written_not_before,
        documents.written_not_after,
        documents.date_note,
        documents.language,
        documents.sha256,
        documents.char_count,
        documents.notes,
        document_texts.document_text,
        document_texts.char_count as text_char_count,
        document_texts.text_sha256
    from documents
    left join document_texts on documents.file_name = document_texts.file_name

)

select * from final
