with

documents as (

    select * from {{ ref('int_documents_joined') }}

),

final as (

    select
        document_id,
        title,
        publisher,
        publisher_basis,
        author,
        document_type,
        published_date,
        published_date_precision,
        written_not_before,
        written_not_after,
        date_note,
        language,
        file_name,
        cast(text_char_count as integer) as char_count,
        text_sha256 as sha256,
        sha256 = text_sha256 as is_sha256_verified
    from documents

)

select * from final
