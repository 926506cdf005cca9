{#- Character offsets of a quote in its document (code points on every engine). -#}


{#- 0-based character offset of the first occurrence of `needle` in `haystack`, -1 when absent.
    Characters are Unicode code points on DuckDB and Spark alike (Python's str indexing). -#}
{% macro char_start(haystack, needle) -%}
    ({{ dbt.position(needle, haystack) }} - 1)
{%- endmacro %}

{% macro char_end(haystack, needle) -%}
    ({{ dbt.position(needle, haystack) }} - 1 + {{ dbt.length(needle) }})
{%- endmacro %}
