with

estimates as (

    select * from {{ ref('stg_curation__membership_estimates') }}

),

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

final as (

    select
        estimates.estimate_id,
        estimates.group_id,
        entities.canonical_name as group_name,
        estimates.subject_text,
        estimates.period_text,
        estimates.period_start_year,
        estimates.period_end_year,
        estimates.period_precision,
        estimates.estimate_text,
        estimates.estimate_low,
        estimates.estimate_high,
        estimates.estimate_low is not null and estimates.estimate_high is null as is_high_open,
        estimates.is_approximate,
        estimates.counted_unit,
        estimates.counted_unit in ('members', 'fighters') as is_strength_estimate,
        estimates.scope,
        estimates.cited_source,
        estimates.document_id,
        estimates.quote,
        estimates.notes
    from estimates
    left join entities on estimates.group_id = entities.entity_id

)

select * from final
