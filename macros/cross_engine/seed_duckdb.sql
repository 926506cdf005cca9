{#
    Seeds on DuckDB without agate. dbt's default seed materialization first parses the whole CSV in Python
    (agate) only to learn the column names and guess types, then dbt-duckdb loads the rows with COPY: that
    parse dominates at a million rows and holds the file in memory. Here the columns come from the CSV's
    header read by DuckDB itself, every column takes its configured column_types type (all text in this
    project: staging casts, after the validator has checked the values) or varchar, and the rows are loaded
    with the same COPY as dbt-duckdb's own fast path, so the loaded values are identical. Seeds stay dbt
    seeds (docs, tests, lineage unchanged); other adapters (Spark) keep dbt's default materialization.
    The file is found under MILITANCY_PROJECT_DIR, which `militancy build` sets to the snapshot dbt runs in: a node's
    root_path can be the folder of an earlier build when dbt starts from that build's parse cache.
#}
{% materialization seed, adapter='duckdb' %}

    {%- set identifier = model['alias'] -%}
    {%- set old_relation = adapter.get_relation(database=database, schema=schema, identifier=identifier) -%}
    {%- set target_relation = this.incorporate(type='table') -%}
    {%- set project_dir = env_var('MILITANCY_PROJECT_DIR', '') -%}
    {%- set seed_path = project_dir ~ '/' ~ model.original_file_path if project_dir
        else adapter.get_seed_file_path(model) -%}
    {%- set delimiter = config.get('delimiter', ',') -%}
    {%- set column_types = config.get('column_types', {}) -%}
    {%- set quote_columns = config.get('quote_columns', None) -%}

    {% if old_relation is not none and old_relation.is_view %}
        {{ exceptions.raise_compiler_error("Cannot seed to '{}', it is a view".format(old_relation.render())) }}
    {% endif %}

    {%- call statement('seed_header', fetch_result=true) -%}
        select column_name
        from (describe select * from read_csv('{{ seed_path }}', header = true, all_varchar = true,
            delim = '{{ delimiter }}'))
    {%- endcall -%}
    {%- set column_names = load_result('seed_header')['table'].columns[0].values() -%}

    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}

    {% if old_relation is not none %}
        {% do adapter.drop_relation(old_relation) %}
    {% endif %}

    {% set create_sql %}
        create table {{ target_relation.render() }} (
            {%- for name in column_names %}
            {{ adapter.quote_seed_column(name, quote_columns) }} {{ column_types.get(name, 'varchar') }}
            {%- if not loop.last %},{% endif %}
            {%- endfor %}
        )
    {% endset %}
    {% set copy_sql %}
        copy {{ target_relation.render() }} from '{{ seed_path }}' (format csv, header true, delimiter '{{ delimiter }}')
    {% endset %}
    {% call statement('create_seed') %}{{ create_sql }}{% endcall %}
    {% call statement('load_seed') %}{{ copy_sql }}{% endcall %}

    {%- call statement('seed_rows', fetch_result=true) -%}
        select count(*) from {{ target_relation.render() }}
    {%- endcall -%}
    {%- set rows_affected = load_result('seed_rows')['table'].columns[0].values()[0] -%}
    {#- dbt's seed task reads a stored `agate_table` (printed by `dbt seed --show`): a sample of the loaded rows. -#}
    {%- call statement('seed_sample', fetch_result=true) -%}
        select * from {{ target_relation.render() }} limit 5
    {%- endcall -%}
    {%- do store_result('agate_table', response='OK', agate_table=load_result('seed_sample')['table']) -%}

    {% call noop_statement('main', 'CREATE ' ~ rows_affected, 'CREATE', rows_affected) %}
        {{ create_sql }};
        {{ copy_sql }};
    {% endcall %}

    {% do persist_docs(target_relation, model) %}

    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {{ adapter.commit() }}
    {{ run_hooks(post_hooks, inside_transaction=False) }}

    {{ return({'relations': [target_relation]}) }}

{% endmaterialization %}
