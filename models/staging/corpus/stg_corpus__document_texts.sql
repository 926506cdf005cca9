{{ config(materialized="table") }}

-- A table, not a view: a view over read_text() would resolve the corpus path relative to whoever queries
-- it (a BI tool elsewhere on disk); the text is read once, at build time.

with

source as (

    select * from {{ source('corpus', 'document_files') }}

),

renamed as (

    select
        regexp_extract(filename, '([^/]+)$', 1) as file_name,
        content as document_text,
        {{ dbt.length('content') }} as char_count,
        {{ sha256_hex('content') }} as text_sha256
    from source

),

final as (

    select * from renamed

)

select * from final
