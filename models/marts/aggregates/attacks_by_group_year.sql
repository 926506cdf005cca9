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
        max(event_last_year) as last_year
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

by_start_year as (

    -- Each attack once, in the earliest year it may have happened: sums over years give the total.
    select
        group_id,
        event_year,
        sum(case when is_default_attribution then 1 else 0 end) as attacks_by_start_year,
        sum(case when is_default_attribution and is_claimed then 1 else 0 end) as claimed_attacks,
        sum(case when is_confirmed_or_claimed then 1 else 0 end) as attacks_confirmed_or_claimed,
        sum(case when is_perpetrator_or_claimant then 1 else 0 end) as attacks_including_disputed,
        sum(case when is_linked_only then 1 else 0 end) as linked_only_attacks,
        sum(case when is_default_attribution and is_year_uncertain then 1 else 0 end) as attacks_year_uncertain,
        sum(case when is_default_attribution then killed_low end) as killed_low,
        sum(case when is_default_attribution then killed_high end) as killed_high_known,
        sum(case when is_default_attribution and killed_low is not null then 1 else 0 end)
            as attacks_with_killed_figure,
        sum(case when is_default_attribution and is_killed_high_open then 1 else 0 end) as killed_high_open_count,
        sum(case when is_default_attribution then wounded_low end) as wounded_low,
        sum(case when is_default_attribution then wounded_high end) as wounded_high_known,
        sum(case when is_default_attribution and wounded_low is not null then 1 else 0 end)
            as attacks_with_wounded_figure,
        sum(case when is_default_attribution and is_wounded_high_open then 1 else 0 end) as wounded_high_open_count,
        sum(case when is_default_attribution and has_document_source then 1 else 0 end) as attacks_in_documents,
        sum(case when is_default_attribution and has_dataset_source then 1 else 0 end) as attacks_in_datasets
    from group_attacks_sourced
    where event_year is not null
    group by group_id, event_year

),

possible_in_year as (

    -- Each attack in every year its date interval touches ("December 2002 - May 2003" counts in 2002 and 2003).
    select
        group_years.group_id,
        group_years.calendar_year,
        count(*) as attacks_possible_in_year
    from group_years
    inner join group_attacks
        on
            group_years.group_id = group_attacks.group_id
            and group_years.calendar_year between group_attacks.event_year and group_attacks.event_last_year
    where group_attacks.is_default_attribution
    group by group_years.group_id, group_years.calendar_year

),

final as (

    select
        group_years.group_id || '|' || cast(group_years.calendar_year as {{ dbt.type_string() }}) as group_year_id,
        group_years.group_id,
        entities.canonical_name as group_name,
        cast(group_years.calendar_year as integer) as year,
        cast(cast(group_years.calendar_year as {{ dbt.type_string() }}) || '-01-01' as date) as year_start,
        cast(coalesce(by_start_year.attacks_by_start_year, 0) as integer) as attacks_by_start_year,
        cast(coalesce(possible_in_year.attacks_possible_in_year, 0) as integer) as attacks_possible_in_year,
        cast(coalesce(by_start_year.claimed_attacks, 0) as integer) as claimed_attacks,
        cast(coalesce(by_start_year.attacks_confirmed_or_claimed, 0) as integer) as attacks_confirmed_or_claimed,
        cast(coalesce(by_start_year.attacks_including_disputed, 0) as integer) as attacks_including_disputed,
        cast(coalesce(by_start_year.linked_only_attacks, 0) as integer) as linked_only_attacks,
        cast(coalesce(by_start_year.attacks_year_uncertain, 0) as integer) as attacks_year_uncertain,
        cast(coalesce(by_start_year.attacks_with_killed_figure, 0) as integer) as attacks_with_killed_figure,
        cast(by_start_year.killed_low as integer) as killed_low,
        cast(case when by_start_year.killed_high_open_count = 0 then by_start_year.killed_high_known end as integer)
            as killed_high,
        case
            when by_start_year.attacks_with_killed_figure > 0 then by_start_year.killed_high_open_count > 0
        end as is_killed_high_open,
        cast(coalesce(by_start_year.attacks_with_wounded_figure, 0) as integer) as attacks_with_wounded_figure,
        cast(by_start_year.wounded_low as integer) as wounded_low,
        cast(
            case when by_start_year.wounded_high_open_count = 0 then by_start_year.wounded_high_known end as integer
        ) as wounded_high,
        case
            when by_start_year.attacks_with_wounded_figure > 0 then by_start_year.wounded_high_open_count > 0
        end as is_wounded_high_open,
        cast(coalesce(by_start_year.attacks_in_documents, 0) as integer) as attacks_in_documents,
        cast(coalesce(by_start_year.attacks_in_datasets, 0) as integer) as attacks_in_datasets,
        coalesce(by_start_year.attacks_including_disputed, 0) = 0
        and coalesce(by_start_year.linked_only_attacks, 0) = 0
        and possible_in_year.group_id is null as is_gap_year
    from group_years
    inner join entities on group_years.group_id = entities.entity_id
    left join by_start_year
        on group_years.group_id = by_start_year.group_id and group_years.calendar_year = by_start_year.event_year
    left join possible_in_year
        on
            group_years.group_id = possible_in_year.group_id
            and group_years.calendar_year = possible_in_year.calendar_year

)

select * from final
