{#- Incremental models keyed by document (see src/militancy/refresh.py). In an incremental refresh the build
    starts from a copy of the published database; these models delete the rows of every new, changed or removed
    document (stg_build__document_changes) and insert that document's rows again from the current inputs. Rows of
    other sources (dataset records: document_id null) are only recomputed by a full build, which the build forces
    when a dataset or a shared seed changes. A model using them declares `-- depends_on:` the changes model. -#}

{#- The materialization: incremental where the engine can delete rows of a table (DuckDB); a table elsewhere
    (Spark's parquet tables support insert_overwrite and append only, so a removed document's rows could not be
    dropped: the model is rebuilt whole there, which is correct, only not incremental). -#}
{% macro by_document_materialization() -%}
    {{ return(adapter.dispatch('by_document_materialization', 'militancy')()) }}
{%- endmacro %}

{% macro default__by_document_materialization() -%}
    {{ return('incremental') }}
{%- endmacro %}

{% macro spark__by_document_materialization() -%}
    {{ return('table') }}
{%- endmacro %}


{#- Pre-hook: drop the rows of the documents being recomputed (nothing in a full build). -#}
{% macro delete_changed_documents() -%}
    {%- if is_incremental() -%}
        delete from {{ this }}
        where document_id in (select changes.document_id from {{ ref('stg_build__document_changes') }} as changes)
    {%- endif -%}
{%- endmacro %}


{#- A where clause keeping only the rows of the documents being recomputed (no clause in a full build). The ids are
    written into the SQL as constants, so the engine pushes the filter down to the scans of every upstream view
    (a `in (select ...)` semi-join is applied only after the views have computed every row). -#}
{% macro only_changed_documents(column='document_id') -%}
    {%- if is_incremental() -%}
        {%- set changes = run_query('select document_id from ' ~ ref('stg_build__document_changes') ~ ' order by 1') -%}
        {%- set ids = [] -%}
        {%- for document_id in changes.columns[0].values() -%}
            {%- do ids.append("'" ~ (document_id | replace("'", "''")) ~ "'") -%}
        {%- endfor %}
        where {{ column }} in ({{ ids | join(', ') if ids else 'null' }})
    {%- endif -%}
{%- endmacro %}


{#- Tables that union the documents' rows (source_kind 'document') with the datasets' ('dataset'). The dataset
    rows derive from dataset inputs and shared seeds alone, which a refresh never changes (a change there forces a
    full build, refresh.py), so a refresh keeps them as published: it deletes every document row (this pre-hook)
    and inserts the documents' rows again (the model leaves out its dataset part when is_incremental()). -#}
{% macro delete_document_rows() -%}
    {%- if is_incremental() -%}
        delete from {{ this }} where source_kind = 'document'
    {%- endif -%}
{%- endmacro %}
