{#- Reading the event datasets a user registered with `militancy datasets add` (see datasets/README.md). -#}

{#- Paths of the registered (checked, UTF-8, with header) copies of one format, from datasets/registry.csv;
    an empty list when nothing is registered. Read at execution time, so a new registration needs no code change. -#}
{% macro registered_dataset_files(format) -%}
    {%- if not execute -%}{{ return([]) }}{%- endif -%}
    {%- set folder = env_var('MILITANCY_DATASETS_DIR', 'datasets') -%}
    {%- set registry = folder ~ '/registry.csv' -%}
    {%- set present = run_query("select count(*) from glob('" ~ registry ~ "')") -%}
    {%- if present.rows[0][0] == 0 -%}{{ return([]) }}{%- endif -%}
    {%- set rows = run_query(
        "select file_name from read_csv('" ~ registry ~ "', header = true, all_varchar = true) "
        ~ "where format = '" ~ format ~ "' order by file_name"
    ) -%}
    {%- set files = [] -%}
    {%- for row in rows.rows -%}{%- do files.append(folder ~ '/' ~ row[0]) -%}{%- endfor -%}
    {{ return(files) }}
{%- endmacro %}


{#- The registered files of one format as a relation with the exact published columns and their types, plus
    dataset_id (the stored file's name); with no file registered, the same columns and no rows. -#}
{% macro dataset_source(format) -%}
    {{ return(adapter.dispatch('dataset_source', 'militancy')(format)) }}
{%- endmacro %}

{% macro default__dataset_source(format) -%}
    {%- set layout = dataset_layout(format) -%}
    {%- set files = registered_dataset_files(format) -%}
    {%- if files %}
    select
        regexp_extract(filename, '([^/]+)[.]csv$', 1) as dataset_id,
        * exclude (filename)
    from read_csv(
        [{%- for f in files -%}'{{ f }}'{{ ", " if not loop.last }}{%- endfor -%}],
        header = true,
        delim = ',',
        quote = '"',
        escape = '"',
        filename = true,
        columns = {
            {%- for name, type in layout.items() %}
            '{{ name }}': '{{ type }}'{{ "," if not loop.last }}
            {%- endfor %}
        }
    )
    {%- else %}
    select
        cast(null as {{ dbt.type_string() }}) as dataset_id,
        {%- for name, type in layout.items() %}
        cast(null as {{ type }}) as "{{ name }}"{{ "," if not loop.last }}
        {%- endfor %}
    where 1 = 0
    {%- endif %}
{%- endmacro %}


{% macro spark__dataset_source(format) -%}
    {#- The same rows and types, from the Parquet copy written with DuckDB (macros/cross_engine/spark_sources.sql). -#}
    select * from dataset_files.{{ format | replace('-', '_') }}
{%- endmacro %}


{#- A comparable key for an actor or alias name: lower case, punctuation and dashes to spaces, one space. -#}
{% macro name_key(expression) -%}
    {{ return(adapter.dispatch('name_key', 'militancy')(expression)) }}
{%- endmacro %}

{% macro default__name_key(expression) -%}
    trim(regexp_replace(lower({{ expression }}), '[^[:alnum:]]+', ' ', 'g'))
{%- endmacro %}

{#- Java regular expressions: POSIX classes are spelled \p{...}; every match is replaced. -#}
{% macro spark__name_key(expression) -%}
    trim(regexp_replace(lower({{ expression }}), r'[^\p{Alnum}]+', ' '))
{%- endmacro %}


{#- The name without a trailing acronym in parentheses ("Islamic Movement of Uzbekistan (IMU)" -> "Islamic
    Movement of Uzbekistan") or a leading "ACRONYM:" ("IMU: Islamic Movement of Uzbekistan", ACLED's style). A
    parenthesis that is not an acronym is a qualifier and stays: "Islamic State (Afghanistan)" is not core Islamic
    State, GTD's "Islamic Jihad (Ideological Grouping)" is not the Islamic Jihad Group. -#}
{% macro name_without_acronym(expression) -%}
    {{ return(adapter.dispatch('name_without_acronym', 'militancy')(expression)) }}
{%- endmacro %}

{% macro spark__name_without_acronym(expression) -%}
    trim(regexp_replace(
        regexp_replace({{ expression }}, r'\s*\(\p{Upper}[\p{Upper}\p{Digit}-]{1,11}\)\s*$', ''),
        r'^\p{Upper}[\p{Upper}\p{Digit}-]{1,11}:\s*', ''
    ))
{%- endmacro %}

{% macro default__name_without_acronym(expression) -%}
    trim(regexp_replace(
        regexp_replace({{ expression }}, '\s*\([[:upper:]][[:upper:][:digit:]-]{1,11}\)\s*$', ''),
        '^[[:upper:]][[:upper:][:digit:]-]{1,11}:\s*', ''
    ))
{%- endmacro %}

{#- The acronym a name carries in a trailing parenthesis or before a colon; NULL when none. -#}
{% macro name_acronym(expression) -%}
    {{ return(adapter.dispatch('name_acronym', 'militancy')(expression)) }}
{%- endmacro %}

{% macro spark__name_acronym(expression) -%}
    nullif(coalesce(
        nullif(regexp_extract({{ expression }}, r'\((\p{Upper}[\p{Upper}\p{Digit}-]{1,11})\)\s*$', 1), ''),
        regexp_extract({{ expression }}, r'^(\p{Upper}[\p{Upper}\p{Digit}-]{1,11}):', 1)
    ), '')
{%- endmacro %}

{% macro default__name_acronym(expression) -%}
    nullif(coalesce(
        nullif(regexp_extract({{ expression }}, '\(([[:upper:]][[:upper:][:digit:]-]{1,11})\)\s*$', 1), ''),
        regexp_extract({{ expression }}, '^([[:upper:]][[:upper:][:digit:]-]{1,11}):', 1)
    ), '')
{%- endmacro %}


{#- Name similarity for near-match suggestions: name_similarity() in macros/rules/names.sql. -#}


{#- The registry written by `militancy datasets add` (datasets/registry.csv), typed; no rows when absent. -#}
{% macro dataset_registry_source() -%}
    {{ return(adapter.dispatch('dataset_registry_source', 'militancy')()) }}
{%- endmacro %}

{% macro spark__dataset_registry_source() -%}
    select * from dataset_files.registry
{%- endmacro %}

{% macro default__dataset_registry_source() -%}
    {%- set folder = env_var('MILITANCY_DATASETS_DIR', 'datasets') -%}
    {%- set columns = {
        'dataset_id': 'varchar', 'format': 'varchar', 'release': 'varchar', 'layout_version': 'varchar',
        'file_name': 'varchar', 'original_name': 'varchar', 'original_sha256': 'varchar',
        'original_encoding': 'varchar', 'had_header': 'boolean', 'sha256': 'varchar', 'row_count': 'integer',
        'licence_note': 'varchar', 'added_at_utc': 'timestamp', 'variant': 'varchar', 'warnings': 'varchar'
    } -%}
    {%- set present = execute and run_query("select count(*) from glob('" ~ folder ~ "/registry.csv')").rows[0][0] > 0 -%}
    {%- if present %}
    select *
    from read_csv(
        '{{ folder }}/registry.csv',
        header = true,
        columns = {
            {%- for name, type in columns.items() %}
            '{{ name }}': '{{ type }}'{{ "," if not loop.last }}
            {%- endfor %}
        }
    )
    {%- else %}
    select
        {%- for name, type in columns.items() %}
        cast(null as {{ type }}) as "{{ name }}"{{ "," if not loop.last }}
        {%- endfor %}
    where 1 = 0
    {%- endif %}
{%- endmacro %}


{#- One boolean column per warning rule of a format (dataset_warning_rules, generated from
    src/militancy/datasets/formats.py): is_flagged_<rule_id>, true when the record breaks the rule, over the
    published column names of dataset_source(format). -#}
{% macro dataset_warning_flags(format) -%}
    {%- for rule in dataset_warning_rules(format) %}
    coalesce({{ rule.condition }}, false) as is_flagged_{{ rule.rule_id }}{{ "," if not loop.last }}
    {%- endfor %}
    {%- if not dataset_warning_rules(format) %}
    false as is_flagged_nothing
    {%- endif %}
{%- endmacro %}

{#- The flag columns of dataset_warning_flags, to carry them through a select list. -#}
{% macro dataset_warning_flag_columns(format) -%}
    {%- for rule in dataset_warning_rules(format) %}
    is_flagged_{{ rule.rule_id }}{{ "," if not loop.last }}
    {%- endfor %}
{%- endmacro %}


{#- A published real figure as text the way its publisher writes it: 25 for 25.0, 19.8 for 19.8. -#}
{% macro published_number(expression) -%}
    case
        when {{ expression }} = floor({{ expression }}) then cast(cast({{ expression }} as bigint) as string)
        else cast({{ expression }} as string)
    end
{%- endmacro %}

{#- The records of one staging relation that break each warning rule of its format, one select per rule joined by
    union all (int_dataset_warnings_unioned); for a format with no rule, the same columns and no rows. -#}
{% macro dataset_warning_rows(format, relation) -%}
    {%- set rules = dataset_warning_rules(format) -%}
    {%- for rule in rules %}
    select
        dataset_id,
        '{{ format }}' as dataset_format,
        record_id,
        '{{ rule.rule_id }}' as rule_id,
        '{{ rule.description | replace("'", "''") }}' as rule_description,
        '{{ rule.evidence }}' as evidence_column
    from {{ relation }}
    where is_flagged_{{ rule.rule_id }}
    {{ "union all" if not loop.last }}
    {%- endfor %}
    {%- if not rules %}
    select
        dataset_id,
        '{{ format }}' as dataset_format,
        record_id,
        cast(null as {{ dbt.type_string() }}) as rule_id,
        cast(null as {{ dbt.type_string() }}) as rule_description,
        cast(null as {{ dbt.type_string() }}) as evidence_column
    from {{ relation }}
    where false
    {%- endif %}
{%- endmacro %}

{#- A name without a trailing parenthesis of any kind: UCDP writes a state's former name there
    ("Russia (Soviet Union)", "DR Congo (Zaire)"). -#}
{% macro name_without_parenthesis(expression) -%}
    {{ return(adapter.dispatch('name_without_parenthesis', 'militancy')(expression)) }}
{%- endmacro %}

{% macro default__name_without_parenthesis(expression) -%}
    trim(regexp_replace({{ expression }}, '\s*\([^)]*\)\s*$', ''))
{%- endmacro %}

{% macro spark__name_without_parenthesis(expression) -%}
    trim(regexp_replace({{ expression }}, r'\s*\([^)]*\)\s*$', ''))
{%- endmacro %}

{#- State forces as the datasets name them: UCDP's "Government of Uganda", ACLED's "Military Forces of Tajikistan
    (1994-)" and "Police Forces of Tajikistan (1994-)". state_forces_country gives the state's name (NULL for any
    other name); state_forces_kind gives 'government' or 'security_force'. -#}
{% macro state_forces_country(expression) -%}
    {{ return(adapter.dispatch('state_forces_country', 'militancy')(expression)) }}
{%- endmacro %}

{% macro default__state_forces_country(expression) -%}
    nullif(regexp_extract(
        {{ expression }}, '^(Government|Military Forces|Police Forces) of (.+?)(\s*\([0-9]{4}-[0-9]{0,4}\))?$', 2
    ), '')
{%- endmacro %}

{% macro spark__state_forces_country(expression) -%}
    nullif(regexp_extract(
        {{ expression }}, r'^(Government|Military Forces|Police Forces) of (.+?)(\s*\([0-9]{4}-[0-9]{0,4}\))?$', 2
    ), '')
{%- endmacro %}

{% macro state_forces_kind(expression) -%}
    case
        when {{ expression }} like 'Government of %' then 'government'
        when {{ expression }} like 'Military Forces of %' or {{ expression }} like 'Police Forces of %'
            then 'security_force'
    end
{%- endmacro %}
