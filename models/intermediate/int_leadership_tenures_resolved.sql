-- Leadership tenures resolved across documents: one row per person, group and role category. Start and end are
-- the overlap of what the documents say (or their span, flagged, when they disagree). A tenure no document ends
-- closes at the first of: the start of the person's next role in the group (a deputy who became emir is no longer
-- deputy; a co-founder is a status, neither ended by nor ending another role), the person's death, the group's
-- end; marked as inferred, with the facts it was inferred from. An inferred end is never before the start.

with

tenures as (

    select * from {{ ref('stg_curation__leadership_tenures') }}

),

life_stages as (

    select * from {{ ref('int_life_events_resolved') }}

),

tenure_intervals as (

    select
        tenure_id,
        person_id,
        group_id,
        role_category,
        role,
        end_reason,
        document_id,
        start_date as start_first,
        {{ interval_last_day('start_date', 'start_precision') }} as start_last,
        end_date as end_first,
        {{ interval_last_day('end_date', 'end_precision') }} as end_last
    from tenures

),

aggregated as (

    select
        person_id,
        group_id,
        role_category,
        {{ interval_aggregates('start_first', 'start_last', 'start_side') }},
        {{ interval_aggregates('end_first', 'end_last', 'end_side') }},
        {{ string_list('role') }} as worded_roles,
        {{ string_list('end_reason') }} as end_reasons,
        {{ string_list('document_id') }} as document_ids,
        {{ string_list('tenure_id') }} as tenure_ids,
        count(distinct document_id) as document_count
    from tenure_intervals
    group by person_id, group_id, role_category

),

resolved as (

    select
        aggregated.*,
        {{ resolved_interval('start_side') }},
        {{ resolved_interval('end_side') }}
    from aggregated

),

deaths as (

    select * from life_stages
    where life_stage = 'death'

),

group_ends as (

    select * from life_stages
    where life_stage = 'end'

),

next_roles as (

    select
        resolved.person_id,
        resolved.group_id,
        resolved.role_category,
        resolved.start_side_first as tenure_start,
        'inferred_from_next_role' as end_basis,
        1 as basis_order,
        later.start_side_first as end_first,
        later.start_side_last as end_last,
        later.tenure_ids as end_facts
    from resolved
    inner join resolved as later
        on
            resolved.person_id = later.person_id
            and resolved.group_id = later.group_id
            and resolved.role_category != later.role_category
    where
        resolved.role_category != 'co_founder'
        and later.role_category != 'co_founder'
        and later.start_side_first is not null
        and (resolved.start_side_first is null or later.start_side_first > resolved.start_side_first)

),

life_ends as (

    select
        resolved.person_id,
        resolved.group_id,
        resolved.role_category,
        resolved.start_side_first as tenure_start,
        'inferred_from_death' as end_basis,
        2 as basis_order,
        deaths.date_start as end_first,
        deaths.date_end as end_last,
        deaths.life_event_ids as end_facts
    from resolved
    inner join deaths on resolved.person_id = deaths.entity_id

    union all

    select
        resolved.person_id,
        resolved.group_id,
        resolved.role_category,
        resolved.start_side_first as tenure_start,
        'inferred_from_group_end' as end_basis,
        3 as basis_order,
        group_ends.date_start as end_first,
        group_ends.date_end as end_last,
        group_ends.life_event_ids as end_facts
    from resolved
    inner join group_ends on resolved.group_id = group_ends.entity_id

),

inferred_ends as (

    select * from next_roles
    union all
    select * from life_ends

),

first_inferred_end as (

    select
        *,
        row_number() over (
            partition by person_id, group_id, role_category
            order by coalesce(end_first, end_last), basis_order
        ) as end_order
    from inferred_ends
    where tenure_start is null or coalesce(end_last, end_first) >= tenure_start

),

closed as (

    select
        resolved.*,
        case
            when resolved.end_side_dated_count > 0 then 'stated'
            when inferred.end_basis is not null then inferred.end_basis
            else 'open'
        end as end_basis,
        case
            when resolved.end_side_dated_count > 0 then resolved.end_side_first else inferred.end_first
        end as end_date,
        case
            when resolved.end_side_dated_count > 0 then resolved.end_side_last else inferred.end_last
        end as end_latest_date,
        case when resolved.end_side_dated_count > 0 then null else inferred.end_facts end as end_inferred_from
    from resolved
    left join first_inferred_end as inferred
        on
            resolved.person_id = inferred.person_id
            and resolved.group_id = inferred.group_id
            and resolved.role_category = inferred.role_category
            and inferred.end_order = 1

),

final as (

    select
        person_id || '|' || group_id || '|' || role_category as tenure_key,
        person_id,
        group_id,
        role_category,
        role_category in ('leader', 'military_leader') as is_leadership_role,
        worded_roles,
        start_side_first as start_date,
        start_side_last as start_latest_date,
        {{ interval_precision('start_side_first', 'start_side_last') }} as start_precision,
        start_side_has_conflict as has_start_conflict,
        end_date,
        end_latest_date,
        {{ interval_precision('end_date', 'end_latest_date') }} as end_precision,
        end_side_has_conflict as has_end_conflict,
        end_basis,
        end_inferred_from,
        end_reasons,
        start_side_has_conflict or end_side_has_conflict as has_conflict,
        document_count,
        document_ids,
        tenure_ids
    from closed

)

select * from final
