-- Leadership tenures resolved across documents: one row per person, group and role category. Start and end are
-- the overlap of what the documents say (or their span, flagged, when they disagree). A tenure no document
-- ends closes at the person's death, else at the group's end, where the warehouse knows them: marked as inferred,
-- with the facts it was inferred from.

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

closed as (

    select
        resolved.*,
        case
            when resolved.end_side_dated_count > 0 then 'stated'
            when deaths.entity_id is not null then 'inferred_from_death'
            when group_ends.entity_id is not null then 'inferred_from_group_end'
            else 'open'
        end as end_basis,
        case
            when resolved.end_side_dated_count > 0 then resolved.end_side_first
            when deaths.entity_id is not null then deaths.date_start
            else group_ends.date_start
        end as end_date,
        case
            when resolved.end_side_dated_count > 0 then resolved.end_side_last
            when deaths.entity_id is not null then deaths.date_end
            else group_ends.date_end
        end as end_latest_date,
        case
            when resolved.end_side_dated_count > 0 then null
            when deaths.entity_id is not null then deaths.life_event_ids
            else group_ends.life_event_ids
        end as end_inferred_from
    from resolved
    left join deaths on resolved.person_id = deaths.entity_id
    left join group_ends on resolved.group_id = group_ends.entity_id

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
