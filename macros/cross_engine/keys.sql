{#- Surrogate keys from several columns, on every engine. -#}


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
