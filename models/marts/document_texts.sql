with

documents as (

    select * from {{ ref('int_documents_joined') }}

),

final as (

    select
        document_id,
        title,
        document_text,
        cast(text_char_count as integer) as char_count
    from documents

)

select * from final
