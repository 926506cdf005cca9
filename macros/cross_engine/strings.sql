{#- Text and hashing, spelled for each engine (DuckDB default, Spark variant). -#}

{% macro sha256_hex(expression) -%}
    {{ return(adapter.dispatch('sha256_hex', 'militancy')(expression)) }}
{%- endmacro %}

{% macro default__sha256_hex(expression) -%}
    sha256({{ expression }})
{%- endmacro %}

{% macro spark__sha256_hex(expression) -%}
    sha2({{ expression }}, 256)
{%- endmacro %}


{#- Sorted, de-duplicated list of the values of `expression` joined by `separator`, as one string
    (BI tools show LIST columns as UNKNOWN, so marts carry plain strings). -#}
{% macro string_list(expression, separator='; ') -%}
    {{ return(adapter.dispatch('string_list', 'militancy')(expression, separator)) }}
{%- endmacro %}

{% macro default__string_list(expression, separator) -%}
    string_agg(distinct {{ expression }}, '{{ separator }}' order by {{ expression }})
{%- endmacro %}

{#- NULL over no value, as string_agg gives (array_join of an empty array is ''). -#}
{% macro spark__string_list(expression, separator) -%}
    case when count({{ expression }}) > 0 then array_join(array_sort(collect_set({{ expression }})), '{{ separator }}') end
{%- endmacro %}


{#- All non-overlapping matches of a regular expression, as a list of strings. -#}
{% macro regex_matches(expression, pattern) -%}
    {{ return(adapter.dispatch('regex_matches', 'militancy')(expression, pattern)) }}
{%- endmacro %}

{% macro default__regex_matches(expression, pattern) -%}
    regexp_extract_all({{ expression }}, '{{ pattern }}')
{%- endmacro %}

{#- Spark: a raw string literal (r'...'), so that the pattern's backslashes reach the regular expression. -#}
{% macro spark__regex_matches(expression, pattern) -%}
    regexp_extract_all({{ expression }}, r'{{ pattern }}', 0)
{%- endmacro %}


{#- True when `expression` contains a match of the regular expression `pattern`. -#}
{% macro regex_test(expression, pattern) -%}
    {{ return(adapter.dispatch('regex_test', 'militancy')(expression, pattern)) }}
{%- endmacro %}

{% macro default__regex_test(expression, pattern) -%}
    regexp_matches({{ expression }}, '{{ pattern }}')
{%- endmacro %}

{% macro spark__regex_test(expression, pattern) -%}
    ({{ expression }} rlike r'{{ pattern }}')
{%- endmacro %}


{#- Strip white space (space, tab, line breaks, form feed) from both ends, or only the start with side='leading'. -#}
{% macro trim_white_space(expression, side='both') -%}
    {{ return(adapter.dispatch('trim_white_space', 'militancy')(expression, side)) }}
{%- endmacro %}

{% macro white_space_characters() -%}
    (' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))
{%- endmacro %}

{% macro default__trim_white_space(expression, side) -%}
    {{ 'ltrim' if side == 'leading' else 'trim' }}({{ expression }}, {{ white_space_characters() }})
{%- endmacro %}

{% macro spark__trim_white_space(expression, side) -%}
    trim({{ side }} {{ white_space_characters() }} from {{ expression }})
{%- endmacro %}


{#- The date a text gives in a format (strptime codes: %Y %m %d %B), NULL when it does not parse. -#}
{% macro try_parse_date(expression, format) -%}
    {{ return(adapter.dispatch('try_parse_date', 'militancy')(expression, format)) }}
{%- endmacro %}

{% macro default__try_parse_date(expression, format) -%}
    cast(try_strptime({{ expression }}, '{{ format }}') as date)
{%- endmacro %}

{% macro spark__try_parse_date(expression, format) -%}
    {%- set spark_format = format | replace('%Y', 'yyyy') | replace('%y', 'yy') | replace('%m', 'M')
        | replace('%d', 'd') | replace('%B', 'MMMM') | replace('%b', 'MMM') -%}
    {%- if '%y' in format -%}
    {#- A two-digit year as Python and DuckDB read it (00-68: 20xx, 69-99: 19xx); Spark's `yy` reads every one
        as 20xx ('21-Jun-98' would be 2098). -#}
    (case
        when year(try_to_date({{ expression }}, '{{ spark_format }}')) >= 2069
            then add_months(try_to_date({{ expression }}, '{{ spark_format }}'), -1200)
        else try_to_date({{ expression }}, '{{ spark_format }}')
    end)
    {%- else -%}
    try_to_date({{ expression }}, '{{ spark_format }}')
    {%- endif -%}
{%- endmacro %}


{#- dbt-spark's listagg ignores its ORDER BY (with a warning): Spark 4 has an ordered listagg. -#}
{% macro spark__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {%- if limit_num -%}
        {{ exceptions.raise_compiler_error("listagg with a limit is not implemented for Spark") }}
    {%- endif -%}
    listagg({{ measure }}, {{ delimiter_text }}){% if order_by_clause %} within group ({{ order_by_clause }}){% endif %}
{%- endmacro %}


{#- dbt-spark's split_part needs a literal part number; Spark's own split_part (a literal delimiter, '' past the
    last part, as on DuckDB) takes any expression. -#}
{% macro spark__split_part(string_text, delimiter_text, part_number) -%}
    split_part({{ string_text }}, {{ delimiter_text }}, {{ part_number }})
{%- endmacro %}


{#- A SQL string literal of `value`: quotes doubled (standard SQL); Spark escapes quotes and backslashes with a
    backslash instead (there, 'a''b' would be two adjacent literals). -#}
{% macro string_literal(value) -%}
    {{ return(adapter.dispatch('string_literal', 'militancy')(value)) }}
{%- endmacro %}

{% macro default__string_literal(value) -%}
    {{ return("'" ~ (value | string | replace("'", "''")) ~ "'") }}
{%- endmacro %}

{% macro spark__string_literal(value) -%}
    {{ return(spark_string_literal(value) | trim) }}
{%- endmacro %}


{#- Text joined from parts (SQL expressions), a NULL part counting as '' on every engine: DuckDB's concat skips a
    NULL part, Spark's concat returns NULL. Use it where the other parts still say something without the missing
    one; use `||` (NULL on both engines) where a missing part should make the whole text NULL (a label with no
    value), and concat_ws for a separated list (it skips NULLs on both; wrap it in nullif(..., '') when an empty
    list should be NULL). -#}
{% macro concat_text(parts) -%}
    concat(
        {%- for part in parts -%}
            coalesce(cast({{ part }} as {{ dbt.type_string() }}), ''){{ ', ' if not loop.last }}
        {%- endfor -%}
    )
{%- endmacro %}
