{#- Fails with one row per record dated after its document could have been written: `date_column` is later
    than the document's written_not_after (when the document has one). -#}
{% test not_after_document(model, column_name, key_column, document_column='document_id') %}

with

documents as (

    select * from {{ ref('stg_curation__documents') }}

),

final as (

    select
        records.{{ key_column }} as row_key,
        records.{{ column_name }} as dated,
        documents.written_not_after
    from {{ model }} as records
    inner join documents on records.{{ document_column }} = documents.document_id
    where records.{{ column_name }} > documents.written_not_after

)

select * from final

{% endtest %}
