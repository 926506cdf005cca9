-- Who led each group in a given year (`militancy query --analysis leaders_in_year --var year=2004`; 2010 by
-- default)? A tenure counts when the year falls between its start and end years; an unknown or ongoing end counts
-- as still in office.

{% set year = var('year', 2010) %}

with

tenures as (

    select * from {{ ref('fct_leadership_tenures') }}

),

final as (

    select
        group_name,
        person_name,
        role,
        start_text,
        end_text,
        end_reason,
        document_id
    from tenures
    where
        is_leadership_role
        and extract(year from start_date) <= {{ year }}
        and (end_date is null or extract(year from end_date) >= {{ year }})

)

select * from final
order by group_name, person_name
