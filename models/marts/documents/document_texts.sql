{{
    config(
        materialized="incremental",
        incremental_strategy=by_document_strategy(),
        partition_by=by_document_partitions(),
        on_schema_change="fail",
        pre_hook="{{ delete_changed_documents() }}",
    )
}}

-- Incremental by document (macros/cross_engine/incremental.sql): a refresh recomputes only the changed documents' rows.
-- depends_on: {{ ref('stg_build__document_changes') }}

with

documents as (

    select * from {{ ref('int_documents_joined') }}
    {{ only_changed_documents() }}

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
