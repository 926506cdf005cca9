{#- Rows from lists and strings, and CTE materialization, spelled for each engine. -#}


{#- Two CTEs, `<name>_bounds` and `<name>`: one row per `keys` of `relation`, and for each output column of `values`
    (a mapping of column name to expression) the group's one value, or the sorted distinct list (string_list) where
    the group has several, NULL where it has none. Built in plain steps: min and max per group (several values
    when they differ), then lists only for the groups with several. An ordered or distinct aggregate over every
    group keeps every group's values in memory, and at 10M mentions (millions of groups) DuckDB ran out.
    `row_count`, if given, names an output column with the group's number of rows. -#}
{% macro value_or_list_ctes(name, relation, keys, values, row_count=none) -%}
{{ name }}_bounds as (

    select
        {% for key in keys -%}
        {{ key }},
        {% endfor -%}
        {% if row_count -%}
        count(*) as {{ row_count }},
        {% endif -%}
        {% for column, expression in values.items() -%}
        min({{ expression }}) as {{ column }}_min,
        max({{ expression }}) as {{ column }}_max{{ ',' if not loop.last }}
        {% endfor %}
    from {{ relation }}
    group by {{ keys | join(', ') }}

),

{{ name }}_several as (

    select
        {% for key in keys -%}
        {{ relation }}.{{ key }},
        {% endfor -%}
        {% for column, expression in values.items() -%}
        {{ string_list(expression) }} as {{ column }}{{ ',' if not loop.last }}
        {% endfor %}
    from {{ relation }}
    inner join {{ name }}_bounds
        on
            {% for key in keys -%}
            {{ relation }}.{{ key }} = {{ name }}_bounds.{{ key }} and
            {% endfor -%}
            ({% for column in values -%}
                {{ name }}_bounds.{{ column }}_min <> {{ name }}_bounds.{{ column }}_max{{ ' or ' if not loop.last }}
            {%- endfor %})
    group by {% for key in keys %}{{ relation }}.{{ key }}{{ ', ' if not loop.last }}{% endfor %}

),

{{ name }} as (

    select
        {% for key in keys -%}
        {{ name }}_bounds.{{ key }},
        {% endfor -%}
        {% if row_count -%}
        {{ name }}_bounds.{{ row_count }},
        {% endif -%}
        {% for column in values -%}
        case
            when {{ name }}_bounds.{{ column }}_min = {{ name }}_bounds.{{ column }}_max
                then {{ name }}_bounds.{{ column }}_min
            else {{ name }}_several.{{ column }}
        end as {{ column }}{{ ',' if not loop.last }}
        {% endfor %}
    from {{ name }}_bounds
    left join {{ name }}_several
        on
            {% for key in keys -%}
            {{ name }}_bounds.{{ key }} = {{ name }}_several.{{ key }}{{ ' and' if not loop.last }}
            {% endfor %}
)
{%- endmacro %}


{#- Keyword that makes a CTE a temporary table, computed in full before the query reads it. DuckDB otherwise
    streams a CTE into its consumer, so a join feeding a sort holds its hash tables and the sort's runs in memory
    together. Spark has no such keyword (and plans the stages apart anyway): nothing. -#}
{% macro materialized_cte() -%}
    {{ return(adapter.dispatch('materialized_cte', 'militancy')()) }}
{%- endmacro %}

{% macro default__materialized_cte() -%}
    materialized
{%- endmacro %}

{% macro spark__materialized_cte() -%}
{%- endmacro %}


{#- The digits 0-9 as rows (column `digit`): cross join copies of it to build number spines portably. -#}
{% macro digits_rows() -%}
    select 0 as digit
    union all
    select 1
    union all
    select 2
    union all
    select 3
    union all
    select 4
    union all
    select 5
    union all
    select 6
    union all
    select 7
    union all
    select 8
    union all
    select 9
{%- endmacro %}


{#- One row per element of a list of strings, with its 1-based position: `select <key>, <value>, <position>`
    from a relation that has the list in column `list_column`. -#}
{% macro list_to_rows(relation, key_column, list_column, value_alias, position_alias) -%}
    {{ return(adapter.dispatch('list_to_rows', 'militancy')(relation, key_column, list_column, value_alias, position_alias)) }}
{%- endmacro %}

{% macro default__list_to_rows(relation, key_column, list_column, value_alias, position_alias) -%}
    select
        {{ key_column }},
        unnest({{ list_column }}) as {{ value_alias }},
        generate_subscripts({{ list_column }}, 1) as {{ position_alias }}
    from {{ relation }}
{%- endmacro %}

{% macro spark__list_to_rows(relation, key_column, list_column, value_alias, position_alias) -%}
    select
        {{ key_column }},
        exploded.{{ value_alias }},
        exploded.{{ position_alias }} + 1 as {{ position_alias }}
    from {{ relation }}
    lateral view posexplode({{ list_column }}) exploded as {{ position_alias }}, {{ value_alias }}
{%- endmacro %}


{#- `relation` with one row per `separator`-separated part of `column` (the part in column `alias`; a NULL
    column gives no row), for use as a FROM item. -#}
{% macro split_rows(relation, column, separator, alias) -%}
    {{ return(adapter.dispatch('split_rows', 'militancy')(relation, column, separator, alias)) }}
{%- endmacro %}

{% macro default__split_rows(relation, column, separator, alias) -%}
    (select *, unnest(string_split({{ column }}, '{{ separator }}')) as {{ alias }} from {{ relation }}) as {{ relation }}
{%- endmacro %}

{#- Spark's split() takes a regular expression: the separator is quoted. -#}
{% macro spark__split_rows(relation, column, separator, alias) -%}
    {{ relation }} lateral view explode(split({{ column }}, '\\Q{{ separator }}\\E')) {{ alias }}_parts as {{ alias }}
{%- endmacro %}
