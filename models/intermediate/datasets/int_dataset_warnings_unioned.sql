-- The records each registered dataset file ships inconsistent, one row per record and rule: the rules of
-- dataset_warning_rules (generated from src/militancy/datasets/formats.py, the same conditions `militancy datasets
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

flagged as (

    {{ dataset_warning_rows('ucdp-ged', 'ucdp_ged_events') }}
    union all
    {{ dataset_warning_rows('gtd', 'gtd_incidents') }}
    union all
    {{ dataset_warning_rows('acled', 'acled_events') }}

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
