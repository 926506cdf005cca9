{#- Date intervals: a date's precision, its last day, and the interval of several sources. -#}


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
