{#- The attribution levels' order (docs/curation.md, attribution codebook). -#}


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
