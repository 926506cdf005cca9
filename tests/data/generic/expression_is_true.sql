{#- Fails with one row per record where the boolean SQL expression is false. -#}
{% test expression_is_true(model, expression, key_column) %}

select
    {{ key_column }} as row_key,
    '{{ expression | replace("'", "''") }}' as failed_expression
from {{ model }}
where not coalesce({{ expression }}, false)

{% endtest %}
