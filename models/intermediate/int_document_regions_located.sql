-- Each marked region of a document with its character offsets: from the first occurrence of its first
-- words to the end of the first occurrence of its last words that starts at or after them.

with

regions as (

    select * from {{ ref('stg_curation__document_regions') }}

),

document_texts as (

    select * from {{ ref('int_documents_joined') }}

),

starts as (

    select
        regions.*,
        document_texts.document_text,
        {{ char_start('document_texts.document_text', 'regions.starts_with') }} as char_start
    from regions
    inner join document_texts on regions.document_id = document_texts.document_id

),

ends as (

    select
        region_id,
        document_id,
        region_type,
        starts_with,
        ends_with,
        notes,
        char_start,
        char_start
        + {{ char_end(dbt.right('document_text', dbt.length('document_text') ~ ' - char_start'), 'ends_with') }}
            as char_end
    from starts

),

final as (

    select
        region_id,
        document_id,
        region_type,
        region_type != 'article' as is_excluded,
        starts_with,
        ends_with,
        char_start,
        char_end,
        notes
    from ends

)

select * from final
