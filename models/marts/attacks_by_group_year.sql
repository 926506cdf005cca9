with

group_attacks as (

    select * from {{ ref('int_group_attacks_joined') }}

),

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

years as (

    select * from {{ ref('int_years_spined') }}

),

event_sources as (

    select * from {{ ref('int_event_sources_aggregated') }}

),

group_attacks_sourced as (

    select
        group_attacks.*,
        event_sources.has_document_source,
        event_sources.has_dataset_source
    from group_attacks
    left join event_sources on group_attacks.event_id = event_sources.event_id

),

group_spans as (

    select
        group_id,
        min(event_year) as first_year,
        max(event_year) as last_year
    from group_attacks
    where event_year is not null
    group by group_id

),

group_years as (

    select
        group_spans.group_id,
        years.calendar_year
    from group_spans
    inner join years
        on years.calendar_year between group_spans.first_year and group_spans.last_year

),

yearly as (

    select
        group_id,
        event_year,
        sum(case when is_default_attribution then 1 else 0 end) as attacks,
        sum(case when is_default_attribution and is_claimed then 1 else 0 end) as claimed_attacks,
        sum(case when is_confirmed_or_claimed then 1 else 0 end) as attacks_confirmed_or_claimed,
        count(*) as attacks_including_disputed,
        sum(case when is_default_attribution and is_year_uncertain then 1 else 0 end) as attacks_year_uncertain,
        sum(case when is_default_attribution then killed_low else 0 end) as killed_low,
        sum(case when is_default_attribution then coalesce(killed_high, killed_low) else 0 end) as killed_high,
        sum(case when is_default_attribution and is_killed_high_open then 1 else 0 end) as attacks_killed_high_open,
        sum(case when is_default_attribution then wounded_low else 0 end) as wounded_low,
        sum(case when is_default_attribution then coalesce(wounded_high, wounded_low) else 0 end) as wounded_high,
        sum(case when is_default_attribution and killed_low is null then 1 else 0 end) as attacks_killed_unknown,
        sum(case when is_default_attribution and has_document_source then 1 else 0 end) as attacks_in_documents,
        sum(case when is_default_attribution and has_dataset_source then 1 else 0 end) as attacks_in_datasets
    from group_attacks_sourced
    where event_year is not null
    group by group_id, event_year

),

final as (

    select
        group_years.group_id,
        entities.canonical_name as group_name,
        cast(group_years.calendar_year as integer) as year,
        cast(cast(group_years.calendar_year as {{ dbt.type_string() }}) || '-01-01' as date) as year_start,
        cast(coalesce(yearly.attacks, 0) as integer) as attacks,
        cast(coalesce(yearly.claimed_attacks, 0) as integer) as claimed_attacks,
        cast(coalesce(yearly.attacks_confirmed_or_claimed, 0) as integer) as attacks_confirmed_or_claimed,
        cast(coalesce(yearly.attacks_including_disputed, 0) as integer) as attacks_including_disputed,
        cast(coalesce(yearly.attacks_year_uncertain, 0) as integer) as attacks_year_uncertain,
        cast(coalesce(yearly.killed_low, 0) as integer) as killed_low,
        cast(coalesce(yearly.killed_high, 0) as integer) as killed_high,
        cast(coalesce(yearly.attacks_killed_high_open, 0) as integer) as attacks_killed_high_open,
        cast(coalesce(yearly.attacks_killed_unknown, 0) as integer) as attacks_killed_unknown,
        cast(coalesce(yearly.wounded_low, 0) as integer) as wounded_low,
        cast(coalesce(yearly.wounded_high, 0) as integer) as wounded_high,
        cast(coalesce(yearly.attacks_in_documents, 0) as integer) as attacks_in_documents,
        cast(coalesce(yearly.attacks_in_datasets, 0) as integer) as attacks_in_datasets,
        yearly.group_id is null as is_gap_year
    from group_years
    inner join entities on group_years.group_id = entities.entity_id
    left join yearly
        on group_years.group_id = yearly.group_id and group_years.calendar_year = yearly.event_year

)

select * from final
