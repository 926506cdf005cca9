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

quotes as (

    select * from {{ ref('int_quotes_located') }}
    {{ only_changed_documents() }}

),

dataset_evidence as (

    select * from {{ ref('int_dataset_evidence_unioned') }}

),

document_rows as (

    select
        evidence_id,
        fact_type,
        fact_id,
        'document' as source_kind,
        document_id,
        quote,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        cast(occurrence_count as integer) as occurrence_count,
        is_main_quote,
        cast(null as {{ dbt.type_string() }}) as dataset_record_id,
        cast(null as {{ dbt.type_string() }}) as dataset_id,
        cast(null as {{ dbt.type_string() }}) as dataset_format,
        cast(null as {{ dbt.type_string() }}) as release,  -- noqa: RF04
        cast(null as {{ dbt.type_string() }}) as record_id,
        cast(null as {{ dbt.type_string() }}) as record_sources,
        cast(null as {{ dbt.type_string() }}) as record_summary
    from quotes

),

dataset_rows as (

    -- The record is the fact's own evidence: no quote and no offsets, its source fields instead.
    select
        evidence_id,
        fact_type,
        fact_id,
        'dataset' as source_kind,
        cast(null as {{ dbt.type_string() }}) as document_id,
        cast(null as {{ dbt.type_string() }}) as quote,  -- noqa: RF04
        cast(null as integer) as char_start,
        cast(null as integer) as char_end,
        cast(null as integer) as occurrence_count,
        true as is_main_quote,
        dataset_record_id,
        dataset_id,
        dataset_format,
        release,
        record_id,
        record_sources,
        record_summary
    from dataset_evidence

),

final as (

    select * from document_rows
    union all
    select * from dataset_rows

)

select * from final
{{ only_changed_documents() }}
