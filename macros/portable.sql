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


{#- Rank of an attribution level, strongest first: confirmed 5, claimed 4, alleged 3, suspected 2, disputed 1. -#}
{% macro attribution_rank(column) -%}
    case {{ column }}
        when 'confirmed' then 5
        when 'claimed' then 4
        when 'alleged' then 3
        when 'suspected' then 2
        when 'disputed' then 1
    end
{%- endmacro %}

{% macro attribution_from_rank(rank) -%}
    case {{ rank }}
        when 5 then 'confirmed'
        when 4 then 'claimed'
        when 3 then 'alleged'
        when 2 then 'suspected'
        when 1 then 'disputed'
    end
{%- endmacro %}


{#- Rank of a date precision, most precise first (smaller is more precise). -#}
{% macro precision_rank(column) -%}
    case {{ column }}
        when 'day' then 1
        when 'days' then 2
        when 'month' then 3
        when 'season' then 4
        when 'year' then 5
        when 'range' then 6
        else 7
    end
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


{#- Latest possible day of an interval recorded as its first day and a precision (tenures, relationships): a day
    is itself; a month or year ends on its last day; days spans at most a week; a season is widened to the end of
    its year (the seed keeps only its first day); range and unknown give NULL (no latest day known). -#}
{% macro interval_last_day(first_day, precision) -%}
    case {{ precision }}
        when 'day' then {{ first_day }}
        when 'days' then cast({{ dbt.dateadd('day', 7, first_day) }} as date)
        when 'month' then cast({{ dbt.last_day(first_day, 'month') }} as date)
        when 'season' then cast({{ dbt.last_day(first_day, 'year') }} as date)
        when 'year' then cast({{ dbt.last_day(first_day, 'year') }} as date)
    end
{%- endmacro %}


{#- Precision code of an interval from its first and last day: day, month, year (whole calendar units), else range;
    unknown when either end is missing. -#}
{% macro interval_precision(first_day, last_day) -%}
    case
        when {{ first_day }} is null or {{ last_day }} is null then 'unknown'
        when {{ first_day }} = {{ last_day }} then 'day'
        when
            {{ first_day }} = cast({{ dbt.date_trunc('month', first_day) }} as date)
            and {{ last_day }} = cast({{ dbt.last_day(first_day, 'month') }} as date)
            then 'month'
        when
            {{ first_day }} = cast({{ dbt.date_trunc('year', first_day) }} as date)
            and {{ last_day }} = cast({{ dbt.last_day(first_day, 'year') }} as date)
            then 'year'
        else 'range'
    end
{%- endmacro %}


{#- Aggregates that resolve one date interval across sources (use inside a GROUP BY): the overlap of the sources'
    intervals (latest first day .. earliest last day) and their whole span, with the number of dated sources.
    Pair with resolved_interval(prefix) in a later CTE. -#}
{% macro interval_aggregates(first_day, last_day, prefix) -%}
    max({{ first_day }}) as {{ prefix }}_overlap_first,
    min({{ last_day }}) as {{ prefix }}_overlap_last,
    min({{ first_day }}) as {{ prefix }}_span_first,
    max({{ last_day }}) as {{ prefix }}_span_last,
    count({{ first_day }}) as {{ prefix }}_dated_count
{%- endmacro %}

{#- The resolved interval: the overlap where the sources agree, else their whole span with a conflict flag. -#}
{% macro resolved_interval(prefix) -%}
    {{ prefix }}_dated_count > 0 and {{ prefix }}_overlap_first > {{ prefix }}_overlap_last as {{ prefix }}_has_conflict,
    case
        when {{ prefix }}_overlap_first > {{ prefix }}_overlap_last then {{ prefix }}_span_first
        else {{ prefix }}_overlap_first
    end as {{ prefix }}_first,
    case
        when {{ prefix }}_overlap_first > {{ prefix }}_overlap_last then {{ prefix }}_span_last
        else {{ prefix }}_overlap_last
    end as {{ prefix }}_last
{%- endmacro %}


{#- Similarity of two names in [0, 1], 1 = identical (case-insensitive): Jaro-Winkler (prefix weight 0.1 over at
    most 4 characters, applied above a Jaro similarity of 0.7) over characters (Unicode code points), as
    DuckDB's jaro_winkler_similarity computes it on ASCII text. -#}
{% macro name_similarity(left, right) -%}
    {{ return(adapter.dispatch('name_similarity', 'militancy')(left, right)) }}
{%- endmacro %}

{#- DuckDB's jaro_winkler_similarity compares bytes: a Cyrillic or accented letter is two UTF-8 bytes, and the
    lead bytes that every Cyrillic letter shares count as matches ('исламское' ~ 'исломии': 0.87 on bytes, 0.67 on
    characters). Jaro-Winkler only asks whether two characters are equal, so for a pair with non-ASCII text each
    distinct character of the pair is first replaced by one ASCII byte (chr(position in the pair's alphabet));
    the score is then exactly the character score (up to 127 distinct characters per pair: any two names). ASCII
    pairs (as many bytes as characters) go straight to jaro_winkler_similarity. -#}
{% macro default__name_similarity(left, right) -%}
    case
        when strlen({{ left }} || {{ right }}) = length({{ left }} || {{ right }})
            then jaro_winkler_similarity(lower({{ left }}), lower({{ right }}))
        else jaro_winkler_similarity(
            {{ _ascii_code_points(left, left, right) }}, {{ _ascii_code_points(right, left, right) }}
        )
    end
{%- endmacro %}

{% macro _ascii_code_points(name, left, right) -%}
    case when {{ name }} = '' then '' else array_to_string(list_transform(
        string_split(lower({{ name }}), ''),
        lambda c: chr(list_position(list_distinct(string_split(lower({{ left }}) || lower({{ right }}), '')), c))
    ), '') end
{%- endmacro %}

{#- Spark has no Jaro-Winkler: the same algorithm with higher-order functions. p.a, p.b: the two names; matching
    walks a's characters in order, each taking the first unmatched equal character of b within the window
    (max length / 2 - 1, at least 0); t: matched characters out of order; l: common prefix (at most 4). -#}
{% macro spark__name_similarity(left, right) -%}
    transform(array(named_struct('a', lower({{ left }}), 'b', lower({{ right }}))), p -> transform(array(aggregate(
        sequence(1, greatest(length(p.a), 1)),
        named_struct('f', array_repeat(false, length(p.b)), 'm', ''),
        (acc, i) -> transform(array(element_at(filter(
            sequence(1, greatest(length(p.b), 1)),
            j -> i <= length(p.a) and j <= length(p.b) and abs(i - j) <= greatest(greatest(length(p.a), length(p.b)) div 2 - 1, 0)
                and not acc.f[j - 1] and substring(p.b, j, 1) = substring(p.a, i, 1)
        ), 1)), jf -> named_struct(
            'f', transform(acc.f, (x, k) -> x or coalesce(k + 1 = jf, false)),
            'm', concat(acc.m, case when jf is not null then substring(p.a, i, 1) else '' end)
        ))[0],
        acc -> named_struct(
            'm1', acc.m,
            'm2', array_join(transform(sequence(1, greatest(length(p.b), 1)), j -> case when acc.f[j - 1] then substring(p.b, j, 1) end), ''),
            'l', case when length(p.a) = 0 or length(p.b) = 0 then 0 else size(filter(
                sequence(1, least(4, length(p.a), length(p.b))), k -> substring(p.a, 1, k) = substring(p.b, 1, k)
            )) end
        )
    )), r -> transform(array(
        case
            when length(r.m1) = 0 then 0.0d
            else (
                length(r.m1) / cast(length(p.a) as double) + length(r.m1) / cast(length(p.b) as double)
                + (length(r.m1) - size(filter(sequence(1, length(r.m1)), k -> substring(r.m1, k, 1) != substring(r.m2, k, 1))) div 2)
                / cast(length(r.m1) as double)
            ) / 3.0d
        end
    ), jaro -> case when jaro > 0.7d then jaro + r.l * 0.1d * (1.0d - jaro) else jaro end)[0])[0])[0]
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
    try_to_date({{ expression }}, '{{ spark_format }}')
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

{#- Two words of names match when equal, or when both have 4+ letters and name_similarity >= 0.9 (transliteration
    variants: Taleban ~ Taliban, Ubekistan ~ Uzbekistan). One rule for blocking and scoring entity pairs. -#}
{% macro words_match(left, right) -%}
    (
        {{ left }} = {{ right }}
        or (
            {{ dbt.length(left) }} >= 4
            and {{ dbt.length(right) }} >= 4
            and {{ name_similarity(left, right) }} >= 0.9
        )
    )
{%- endmacro %}
