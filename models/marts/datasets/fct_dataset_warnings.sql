-- Records a dataset's publisher ships inconsistent (UCDP's split events with low > best, ...): loaded with their
-- published values, never refused (`militancy datasets add --strict` refuses them instead), and listed here with
-- the rule and the published values it is about.

with

warnings as (

    select * from {{ ref('int_dataset_warnings_unioned') }}

),

records as (

    select * from {{ ref('int_dataset_records_unioned') }}

),

final as (

    select
        concat(warnings.dataset_record_id, ':', warnings.rule_id) as dataset_warning_id,
        warnings.dataset_record_id,
        warnings.dataset_id,
        warnings.dataset_format,
        records.release,
        warnings.record_id,
        warnings.rule_id,
        warnings.rule_description,
        case warnings.evidence_column
            when 'killed_text' then records.killed_text
            when 'date_text' then records.date_text
        end as published_values,
        records.event_id
    from warnings
    inner join records on warnings.dataset_record_id = records.dataset_record_id

)

select * from final
