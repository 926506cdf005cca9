with

estimates as (

    select * from {{ ref('fct_membership_estimates') }}

),

years as (

    select * from {{ ref('int_years_spined') }}

),

strength_estimates as (

    -- Only statements of size or strength (members, fighters); arrests, deaths and deployments are in
    -- fct_membership_estimates but are not the group's size.
    select * from estimates
    where is_strength_estimate and group_id is not null

),

group_spans as (

    select
        group_id,
        group_name,
        min(period_start_year) as first_year,
        max(period_end_year) as last_year
    from strength_estimates
    group by group_id, group_name

),

group_years as (

    select
        group_spans.group_id,
        group_spans.group_name,
        years.calendar_year
    from group_spans
    inner join years on years.calendar_year between group_spans.first_year and group_spans.last_year

),

covering as (

    select
        group_years.group_id,
        group_years.calendar_year,
        min(strength_estimates.estimate_low) as estimate_low,
        max(strength_estimates.estimate_high) as max_estimate_high,
        sum(case when strength_estimates.is_high_open then 1 else 0 end) as open_high_count,
        count(strength_estimates.estimate_id) as estimate_count,
        count(distinct strength_estimates.document_id) as document_count,
        {{ string_list('strength_estimates.cited_source') }} as cited_sources
    from group_years
    inner join strength_estimates
        on
            group_years.group_id = strength_estimates.group_id
            and group_years.calendar_year
            between strength_estimates.period_start_year and strength_estimates.period_end_year
    group by group_years.group_id, group_years.calendar_year

),

final as (

    select
        group_years.group_id || '|' || cast(group_years.calendar_year as {{ dbt.type_string() }}) as group_year_id,
        group_years.group_id,
        group_years.group_name,
        cast(group_years.calendar_year as integer) as year,
        cast(cast(group_years.calendar_year as {{ dbt.type_string() }}) || '-01-01' as date) as year_start,
        cast(covering.estimate_low as integer) as estimate_low,
        cast(case when covering.open_high_count > 0 then null else covering.max_estimate_high end as integer)
            as estimate_high,
        covering.open_high_count > 0 as is_high_open,
        cast(coalesce(covering.estimate_count, 0) as integer) as estimate_count,
        cast(coalesce(covering.document_count, 0) as integer) as document_count,
        covering.cited_sources,
        covering.group_id is not null as has_estimate
    from group_years
    left join covering
        on group_years.group_id = covering.group_id and group_years.calendar_year = covering.calendar_year

)

select * from final
