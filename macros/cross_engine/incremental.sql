{#- Incremental models keyed by document (see src/militancy/refresh.py). In an incremental refresh the build
    starts from the previous build's tables (DuckDB: a copy of the published database); these models drop the rows
    of every new, changed or removed document (stg_build__document_changes) and insert that document's rows again
    from the current inputs. Rows of other sources (dataset records: document_id null) are only recomputed by a
    full build, which the build forces when a dataset or a shared seed changes. A model using them declares
    `-- depends_on:` the changes model.

    The same five models are incremental on both engines, each with the strategy its engine supports:
    - DuckDB: `append` after a pre-hook `delete` of the changed documents' rows.
    - Spark (parquet tables; `merge` and `delete` need Delta, not usable offline): the table is partitioned by
      document_id and refreshed with `insert_overwrite` (dynamic partition overwrite: only the partitions of the
      inserted rows are replaced). A document that now has no rows in the model (removed, or its last row of this
      kind dropped) inserts nothing, so dynamic overwrite alone would keep its old partition: the pre-hook first
      drops the partition of every new, changed or removed document (`alter table ... drop if exists partition`;
      on a managed table that deletes the files too). `append` after that drop would give the same rows;
      insert_overwrite is kept because re-running a failed refresh then replaces its partitions instead of adding
      the rows twice. Dataset rows (document_id null) live in Spark's default partition, which no refresh touches.
    Spark puts partition columns last in a table, so on Spark document_id is the last column of these five marts
    (the contract's order elsewhere); militancy.engine_compare checks exactly that order. -#}

{% macro by_document_strategy() -%}
    {{ return(adapter.dispatch('by_document_strategy', 'militancy')()) }}
{%- endmacro %}

{% macro default__by_document_strategy() -%}
    {{ return('append') }}
{%- endmacro %}

{% macro spark__by_document_strategy() -%}
    {{ return('insert_overwrite') }}
{%- endmacro %}


{#- The partition columns of the by-document models: none on DuckDB, document_id on Spark. -#}
{% macro by_document_partitions() -%}
    {{ return(adapter.dispatch('by_document_partitions', 'militancy')()) }}
{%- endmacro %}

{% macro default__by_document_partitions() -%}
    {{ return(none) }}
{%- endmacro %}

{% macro spark__by_document_partitions() -%}
    {{ return(['document_id']) }}
{%- endmacro %}


{#- The ids of the new, changed and removed documents, as SQL string literals of the engine (sorted). -#}
{% macro changed_document_literals() -%}
    {%- set changes = run_query('select document_id from ' ~ ref('stg_build__document_changes') ~ ' order by 1') -%}
    {%- set literals = [] -%}
    {%- for document_id in changes.columns[0].values() -%}
        {%- do literals.append(string_literal(document_id)) -%}
    {%- endfor -%}
    {{ return(literals) }}
{%- endmacro %}


{#- Pre-hook: drop the rows of the documents being recomputed (nothing in a full build). -#}
{% macro delete_changed_documents() -%}
    {%- if is_incremental() -%}
        {{ adapter.dispatch('delete_changed_documents', 'militancy')() }}
    {%- endif -%}
{%- endmacro %}

{% macro default__delete_changed_documents() -%}
    delete from {{ this }}
    where document_id in (select changes.document_id from {{ ref('stg_build__document_changes') }} as changes)
{%- endmacro %}

{% macro spark__delete_changed_documents() -%}
    {%- set partitions = [] -%}
    {%- for literal in changed_document_literals() -%}
        {%- do partitions.append('partition (document_id = ' ~ literal ~ ')') -%}
    {%- endfor -%}
    {%- if partitions -%}
        alter table {{ this }} drop if exists {{ partitions | join(', ') }}
    {%- endif -%}
{%- endmacro %}


{#- A where clause keeping only the rows of the documents being recomputed (no clause in a full build). The ids are
    written into the SQL as constants, so the engine pushes the filter down to the scans of every upstream view
    (a `in (select ...)` semi-join is applied only after the views have computed every row). -#}
{% macro only_changed_documents(column='document_id') -%}
    {%- if is_incremental() -%}
        {%- set ids = changed_document_literals() %}
        where {{ column }} in ({{ ids | join(', ') if ids else 'null' }})
    {%- endif -%}
{%- endmacro %}


{#- Tables that union the documents' rows (source_kind 'document') with the datasets' ('dataset'). The dataset
    rows derive from dataset inputs and shared seeds alone, which a refresh never changes (a change there forces a
    full build, refresh.py), so a refresh keeps them as published: it deletes every document row (this pre-hook)
    and inserts the documents' rows again (the model leaves out its dataset part when is_incremental()). -#}
{% macro document_rows_materialization() -%}
    {{ return(adapter.dispatch('document_rows_materialization', 'militancy')()) }}
{%- endmacro %}

{% macro default__document_rows_materialization() -%}
    {{ return('incremental') }}
{%- endmacro %}

{#- Spark: a plain table, rebuilt in full (a Parquet table cannot delete some of its rows; partitioning these two
    tables by source_kind for insert_overwrite is the next step). -#}
{% macro spark__document_rows_materialization() -%}
    {{ return('table') }}
{%- endmacro %}

{% macro delete_document_rows() -%}
    {%- if is_incremental() -%}
        delete from {{ this }} where source_kind = 'document'
    {%- endif -%}
{%- endmacro %}


{#- Incremental models keyed by event (DuckDB). Events resolve across documents: an event's row depends on every
    mention of it, whichever document or dataset record it comes from. A refresh therefore recomputes the events
    the changed documents touch (stg_build__event_changes: every event that a mention of a new, changed or removed
    document belonged to in the published build or belongs to now, written by refresh.write_changes) from all of
    their mentions, and keeps every other event's rows as published. On Spark these models are plain tables,
    rebuilt in full (Parquet tables cannot delete rows; partitioning millions of events is no option). A model
    using them declares `-- depends_on:` the changes model. -#}
{% macro event_rows_materialization() -%}
    {{ return(adapter.dispatch('event_rows_materialization', 'militancy')()) }}
{%- endmacro %}

{% macro default__event_rows_materialization() -%}
    {{ return('incremental') }}
{%- endmacro %}

{% macro spark__event_rows_materialization() -%}
    {{ return('table') }}
{%- endmacro %}

{#- Pre-hook: drop the rows of the events being recomputed (nothing in a full build). -#}
{% macro delete_touched_events() -%}
    {%- if is_incremental() -%}
        delete from {{ this }}
        where event_id in (select changes.event_id from {{ ref('stg_build__event_changes') }} as changes)
    {%- endif -%}
{%- endmacro %}

{#- A where clause keeping only the rows of the events being recomputed (no clause in a full build). -#}
{% macro only_touched_events(column='event_id') -%}
    {%- if is_incremental() %}
        where {{ column }} in (select changes.event_id from {{ ref('stg_build__event_changes') }} as changes)
    {%- endif -%}
{%- endmacro %}
