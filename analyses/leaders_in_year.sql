-- Who may have led each group in a given year? Run with another year: `militancy query --analysis leaders_in_year --var
-- year=2004` (the value bound as a parameter) or `--vars '{year: 2004}'` (dbt). Reads the tenures resolved across
-- documents: a tenure counts when the year falls between its earliest possible start and its latest possible end. Ends
-- no document states are closed at the person's death or the group's end (end_basis inferred_*); a tenure with no known
-- end (end_basis open) is listed with that basis: "no end known", not "still in office". A tenure whose start no
-- document gives may have begun in any year before its end: it is listed too, with year_basis start_unknown (or
-- no_dates when neither end is known). Co-founders are not leaders unless a document gives them a leader role.

with

tenures as (

    select * from {{ ref('fct_leadership_tenures_resolved') }}

),

final as (

    select
        group_name,
        person_name,
        role_category,
        worded_roles,
        start_date,
        start_precision,
        end_date,
        end_latest_date,
        end_precision,
        end_basis,
        end_inferred_from,
        case
            when start_date is not null then 'within_known_dates'
            when end_basis = 'open' then 'no_dates'
            else 'start_unknown'
        end as year_basis,
        has_conflict,
        document_ids
    from tenures
    where
        is_leadership_role
        and (start_date is null or start_date <= make_date({{ analysis_param('year') }}, 12, 31))
        and (end_basis = 'open' or end_latest_date >= make_date({{ analysis_param('year') }}, 1, 1))

)

select * from final
order by group_name, start_date, person_name
