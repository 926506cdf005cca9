-- The records each registered dataset file ships inconsistent, one row per record and rule: the rules of
-- dataset_warning_rules (generated from src/militancy/dataset_formats.py, the same conditions `militancy datasets
-- add` counts), flagged in each format's staging model as is_flagged_<rule_id>.

with

ucdp_ged_events as (

    select * from {{ ref('stg_ucdp_ged__events') }}

),

gtd_incidents as (

    select * from {{ ref('stg_gtd__incidents') }}

),

acled_events as (

    select * from {{ ref('stg_acled__events') }}

),

{%- set formats = [('ucdp-ged', 'ucdp_ged_events'), ('gtd', 'gtd_incidents'), ('acled', 'acled_events')] %}

flagged as (

    {%- set parts = [] %}
    {%- for format, relation in formats %}
    {%- for rule in dataset_warning_rules(format) %}
    {%- do parts.append((format, relation, rule)) %}
    {%- endfor %}
    {%- endfor %}
    {%- for format, relation, rule in parts %}
    select
        dataset_id,
        '{{ format }}' as dataset_format,
        record_id,
        '{{ rule.rule_id }}' as rule_id,
        '{{ rule.description | replace("'", "''") }}' as rule_description,
        '{{ rule.evidence }}' as evidence_column
    from {{ relation }}
    where is_flagged_{{ rule.rule_id }}
    {{ "union all" if not loop.last }}
    {%- endfor %}
    {%- if not parts %}
    select
        cast(null as string) as dataset_id,
        cast(null as string) as dataset_format,
        cast(null as string) as record_id,
        cast(null as string) as rule_id,
        cast(null as string) as rule_description,
        cast(null as string) as evidence_column
    where 1 = 0
    {%- endif %}

),

final as (

    select
        concat(dataset_id, ':', record_id) as dataset_record_id,
        dataset_id,
        dataset_format,
        record_id,
        rule_id,
        rule_description,
        evidence_column
    from flagged

)

select * from final
