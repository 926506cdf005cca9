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

{% macro spark__string_list(expression, separator) -%}
    array_join(array_sort(collect_set({{ expression }})), '{{ separator }}')
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


{#- Similarity of two names in [0, 1], 1 = identical (case-insensitive). DuckDB: Jaro-Winkler; Spark: 1 minus the
    Levenshtein distance over the longer length (Spark has no Jaro-Winkler). -#}
{% macro name_similarity(left, right) -%}
    {{ return(adapter.dispatch('name_similarity', 'militancy')(left, right)) }}
{%- endmacro %}

{% macro default__name_similarity(left, right) -%}
    jaro_winkler_similarity(lower({{ left }}), lower({{ right }}))
{%- endmacro %}

{% macro spark__name_similarity(left, right) -%}
    (1.0 - levenshtein(lower({{ left }}), lower({{ right }}))
        / greatest(length({{ left }}), length({{ right }}), 1))
{%- endmacro %}
