{#- Small engine-portable helpers. DuckDB is the default; Spark gets its own spelling where it differs. -#}

{% macro sha256_hex(expression) -%}
    {{ return(adapter.dispatch('sha256_hex', 'militancy')(expression)) }}
{%- endmacro %}

{% macro default__sha256_hex(expression) -%}
    sha256({{ expression }})
{%- endmacro %}

{% macro spark__sha256_hex(expression) -%}
    sha2({{ expression }}, 256)
{%- endmacro %}


{#- 0-based character offset of the first occurrence of `needle` in `haystack`, -1 when absent.
    Characters are Unicode code points on DuckDB and Spark alike (Python's str indexing). -#}
{% macro char_start(haystack, needle) -%}
    ({{ dbt.position(needle, haystack) }} - 1)
{%- endmacro %}

{% macro char_end(haystack, needle) -%}
    ({{ dbt.position(needle, haystack) }} - 1 + {{ dbt.length(needle) }})
{%- endmacro %}


{#- A stable hash key from several columns (the dbt_utils generate_surrogate_key idea, without the package). -#}
{% macro surrogate_key(columns) -%}
    {{ dbt.hash(dbt.concat(columns_as_strings(columns))) }}
{%- endmacro %}

{% macro columns_as_strings(columns) -%}
    {%- set parts = [] -%}
    {%- for column in columns -%}
        {%- do parts.append("coalesce(cast(" ~ column ~ " as " ~ dbt.type_string() ~ "), '_null_')") -%}
        {%- if not loop.last -%}{%- do parts.append("'|'") -%}{%- endif -%}
    {%- endfor -%}
    {{ return(parts) }}
{%- endmacro %}
