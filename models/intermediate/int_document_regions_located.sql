-- Each marked region of a document with its character offsets, as the validator located them on this build's
-- input snapshot: from the first occurrence of its first words to the end of the first occurrence of its last
-- words at or after them (-1 when it cannot be located). is_offset_exact re-checks them against the text.

with

regions as (

    select * from {{ ref('stg_curation__document_regions') }}

),

offsets as (

    select * from {{ ref('stg_located__region_offsets') }}

),

document_texts as (

    select * from {{ ref('int_documents_joined') }}

),

located as (

    select
        regions.region_id,
        regions.document_id,
        regions.region_type,
        regions.starts_with,
        regions.ends_with,
        regions.notes,
        coalesce(offsets.char_start, -1) as char_start,
        coalesce(offsets.char_end, -1) as char_end
    from regions
    left join offsets on regions.region_id = offsets.source_key and regions.document_id = offsets.document_id

),

final as (

    select
        located.region_id,
        located.document_id,
        located.region_type,
        located.region_type != 'article' as is_excluded,
        located.starts_with,
        located.ends_with,
        located.char_start,
        located.char_end,
        located.notes,
        coalesce(
            located.char_start >= 0
            and substring(
                document_texts.document_text, located.char_start + 1, {{ dbt.length('located.starts_with') }}
            ) = located.starts_with
            and substring(
                document_texts.document_text,
                located.char_end - {{ dbt.length('located.ends_with') }} + 1,
                {{ dbt.length('located.ends_with') }}
            ) = located.ends_with,
            false
        ) as is_offset_exact
    from located
    left join document_texts on located.document_id = document_texts.document_id

)

select * from final
