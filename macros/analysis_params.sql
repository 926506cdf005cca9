{#- A parameter of an analysis, declared in analyses/_analyses.yml (config.meta.parameters: name -> type, default,
    description). `militancy query --analysis` compiles with var bind_parameters and binds the values as DuckDB
    parameters ($name), so no value reaches the SQL text. Compiled by plain dbt (`--vars '{year: 2004}'`), the value
    is checked against its type and written as a literal: an integer as digits, a date as an ISO date, a string
    quoted with its quotes doubled. -#}
{% macro analysis_param(name) %}
    {%- if not execute -%}
        {{ return('null') }}
    {%- endif -%}
    {%- set declared = (config.get('meta') or {}).get('parameters') or {} -%}
    {%- if name not in declared -%}
        {{ exceptions.raise_compiler_error(
            "analysis " ~ model.name ~ ": parameter " ~ name ~ " is not declared in analyses/_analyses.yml"
        ) }}
    {%- endif -%}
    {%- set kind = declared[name]['type'] -%}
    {%- set sql_type = {'integer': 'integer', 'date': 'date', 'string': 'varchar'}[kind] -%}
    {%- if var('bind_parameters', false) -%}
        {{ return('cast($' ~ name ~ ' as ' ~ sql_type ~ ')') }}
    {%- endif -%}
    {%- set value = var(name, declared[name]['default']) | string -%}
    {%- set patterns = {'integer': '-?[0-9]{1,9}', 'date': '[0-9]{4}-[0-9]{2}-[0-9]{2}', 'string': '(?s).*'} -%}
    {%- if not modules.re.fullmatch(patterns[kind], value) -%}
        {{ exceptions.raise_compiler_error(
            "analysis " ~ model.name ~ ": parameter " ~ name ~ " must be " ~ kind ~ ", got " ~ value
        ) }}
    {%- endif -%}
    {%- if kind == 'integer' -%}
        {{ return('cast(' ~ value ~ ' as integer)') }}
    {%- endif -%}
    {{ return("cast('" ~ value | replace("'", "''") ~ "' as " ~ sql_type ~ ")") }}
{% endmacro %}
