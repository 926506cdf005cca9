{#- Fails with one row per fact whose quote is not an exact substring of its document's text
    (or whose document is unknown), naming the row by its key. -#}
{#- When the model has no document column, `via_model`/`via_key` name the parent row that has one
    (an event actor's document is its mention's document). -#}
{% test quote_in_document(model, column_name, key_column, document_column='document_id', via_model=none, via_key=none) %}

with

facts as (

    select
        records.{{ key_column }} as row_key,
        {% if via_model -%} parents.{{ document_column }} {%- else -%} records.{{ document_column }} {%- endif %} as document_id,
        records.{{ column_name }} as quote
    from {{ model }} as records
    {% if via_model -%}
    left join {{ via_model }} as parents on records.{{ via_key }} = parents.{{ via_key }}
    {%- endif %}
    where records.{{ column_name }} is not null

),

documents as (

    select * from {{ ref('int_documents_joined') }}

),

final as (

    select
        facts.row_key,
        facts.document_id,
        facts.quote,
        case
            when documents.document_id is null then 'unknown document'
            when documents.document_text is null then 'document file not found in the corpus folder'
            else 'quote is not in the document text'
        end as problem
    from facts
    left join documents on facts.document_id = documents.document_id
    where
        documents.document_text is null
        or {{ dbt.position('facts.quote', 'documents.document_text') }} = 0

)

select * from final

{% endtest %}
