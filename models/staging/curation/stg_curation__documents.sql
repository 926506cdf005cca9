with

source as (

    select * from {{ ref('documents') }}

),

renamed as (

    select
        document_id,
        file_name,
        title,
        publisher,
        publisher_basis,
        author,
        document_type,
        cast(published_date as date) as published_date,
        published_date_precision,
        cast(written_not_before as date) as written_not_before,
        cast(written_not_after as date) as written_not_after,
        date_note,
        language,
        sha256,
        cast(char_count as integer) as char_count,
        fact_kinds,
        notes
    from source

),

final as (

    select * from renamed

)

select * from final
