{#- Sources read from files. DuckDB reads them where they are used (the sources' meta.external_location and the
    dataset_source macros); Spark has no such table functions, so at the start of every run it registers the same
    files as tables in the metastore (external: dropping them leaves the files alone). Nothing to do on DuckDB. -#}

{% macro register_file_sources() -%}
    {{ return(adapter.dispatch('register_file_sources', 'militancy')()) }}
{%- endmacro %}

{% macro default__register_file_sources() -%}
{%- endmacro %}

{% macro spark__register_file_sources() -%}
    {%- if execute -%}
        {%- set located = env_var('MILITANCY_LOCATED_DIR', 'located') -%}
        {%- set offsets = 'source_table string, source_key string, document_id string, char_start string, '
            ~ 'char_end string' -%}
        {%- set tables = [
            ('corpus', 'document_files_text', 'text', env_var('MILITANCY_CORPUS_DIR', 'corpus'),
                "wholetext 'true', pathGlobFilter '*.txt'", none),
            ('located', 'quote_offsets', 'csv', located ~ '/quotes.csv', "header 'true'",
                offsets ~ ', occurrence_count string, is_in_article_text string'),
            ('located', 'region_offsets', 'csv', located ~ '/regions.csv', "header 'true'", offsets),
            ('build', 'document_changes', 'csv', env_var('MILITANCY_CHANGES_DIR', 'changes') ~ '/documents.csv',
                "header 'true'", 'document_id string, change string'),
            ('build', 'event_changes', 'csv', env_var('MILITANCY_CHANGES_DIR', 'changes') ~ '/events.csv',
                "header 'true'", 'event_id string'),
        ] -%}
        {%- for format in dataset_source_formats() -%}
            {%- do tables.append(('dataset_files', format | replace('-', '_'), 'parquet',
                dataset_parquet_path(format), none, none)) -%}
        {%- endfor -%}
        {%- for schema, name, file_format, path, options, columns in tables -%}
            {%- do run_query('create schema if not exists ' ~ schema) -%}
            {#- Registered by an earlier run on the same metastore (an incremental refresh): drop it by its own type
                (Spark 4 refuses DROP VIEW on a table and DROP TABLE on a view). -#}
            {%- set existing = adapter.get_relation(database=none, schema=schema, identifier=name) -%}
            {%- if existing is not none -%}
                {%- do adapter.drop_relation(existing) -%}
            {%- endif -%}
            {%- do run_query(
                'create table ' ~ schema ~ '.' ~ name
                ~ (' (' ~ columns ~ ')' if columns else '')
                ~ ' using ' ~ file_format
                ~ " options (path '" ~ snapshot_path(path) ~ "'" ~ (', ' ~ options if options else '') ~ ')'
            ) -%}
        {%- endfor -%}
        {#- The corpus source has DuckDB read_text()'s column names: the file name and its whole text. -#}
        {%- do run_query(
            'create or replace view corpus.document_files as '
            ~ 'select _metadata.file_name as filename, value as content from corpus.document_files_text'
        ) -%}
    {%- endif -%}
{%- endmacro %}


{#- A path of the build's snapshot as Spark must be given it: absolute (a relative path in a table's options is read
    from Spark's warehouse folder). `militancy build` gives dbt the input folders relative to the snapshot, where dbt
    runs (so that dbt's parse cache stays valid from build to build), and the snapshot in MILITANCY_PROJECT_DIR. -#}
{% macro snapshot_path(path) -%}
    {%- set root = env_var('MILITANCY_PROJECT_DIR', '') -%}
    {{ return(path if path.startswith('/') or not root else root ~ '/' ~ path) }}
{%- endmacro %}


{#- The registry and the registered dataset files as one Parquet file each (the rows and types DuckDB reads with
    dataset_registry_source() and dataset_source(format), none when nothing is registered): written with DuckDB
    before a Spark build (`dbt run-operation export_dataset_sources`), read by Spark as tables. -#}
{% macro dataset_source_formats() -%}
    {{ return(['registry', 'ucdp-ged', 'gtd', 'acled']) }}
{%- endmacro %}

{% macro dataset_parquet_path(format) -%}
    {{ return(env_var('MILITANCY_DATASETS_DIR', 'datasets') ~ '/parquet/' ~ format ~ '.parquet') }}
{%- endmacro %}

{% macro export_dataset_sources() -%}
    {%- for format in dataset_source_formats() -%}
        {%- set relation = dataset_registry_source() if format == 'registry' else dataset_source(format) -%}
        {%- do run_query(
            "copy (" ~ relation ~ ") to '" ~ dataset_parquet_path(format) ~ "' (format parquet)"
        ) -%}
    {%- endfor -%}
{%- endmacro %}


{#- Seeds on Spark: dbt-spark's session method pastes seed values into the INSERT unquoted (its bindings are
    formatted with Python's %), so any text breaks it. Here every value is an escaped string literal (NULL for
    an empty cell) cast to the column's type. -#}
{% macro spark__load_csv_rows(model, agate_table) -%}
    {%- set column_override = model['config'].get('column_types', {}) -%}
    {%- set types = [] -%}
    {%- for col_name in agate_table.column_names -%}
        {%- do types.append(column_override.get(col_name, adapter.convert_type(agate_table, loop.index0))) -%}
    {%- endfor -%}
    {%- set statements = [] -%}
    {%- for chunk in agate_table.rows | batch(get_batch_size()) -%}
        {%- set sql -%}
            insert into {{ this.render() }} values
            {% for row in chunk -%}
                ({%- for value in row -%}
                    {%- if value is none -%}null{%- else -%}cast({{ spark_string_literal(value) }} as {{ types[loop.index0] }}){%- endif -%}
                    {{- ", " if not loop.last -}}
                {%- endfor -%}){{ "," if not loop.last }}
            {% endfor %}
        {%- endset -%}
        {%- do adapter.add_query(sql, abridge_sql_log=True) -%}
        {%- if loop.index0 == 0 -%}{%- do statements.append(sql) -%}{%- endif -%}
    {%- endfor -%}
    {{ return(statements[0] if statements else '') }}
{%- endmacro %}

{% macro spark_string_literal(value) -%}
    '{{ (value | string) | replace("\\", "\\\\") | replace("'", "\\'") | replace("\n", "\\n") | replace("\r", "\\r") }}'
{%- endmacro %}

{#- Seeds on Spark: dbt-spark loads a seed as INSERT ... VALUES statements of get_batch_size() rows (10,000 by
    default), each parsed by the driver: 10,000 event mentions (~1 MB of quotes each 100 rows) ran the driver's
    1 GB heap out of memory at 1M mentions. 1,000 rows per statement keep each statement ~1 MB. -#}
{% macro spark__get_batch_size() -%}
    {{ return(1000) }}
{%- endmacro %}
