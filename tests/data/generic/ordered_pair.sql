{#- Fails with one row per record where `low` is greater than `high` (both present). Works for numbers and dates. -#}
{% test ordered_pair(model, low, high, key_column) %}

select
    {{ key_column }} as row_key,
    {{ low }} as low_value,
    {{ high }} as high_value
from {{ model }}
where
    {{ low }} is not null
    and {{ high }} is not null
    and {{ low }} > {{ high }}

{% endtest %}
