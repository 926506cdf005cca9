-- Which attacks are attributed to a group only through accusations (alleged: usually by a government), never
-- claimed or stated as fact by any document? alleged_by names the accuser where the text does (NULL: unnamed).
-- Documents only: a dataset's coders attribute (alleged) by method, not as an accusation.

with

event_actors as (

    select * from {{ ref('fct_event_actors') }}

),

events as (

    select * from {{ ref('fct_events') }}

),

perpetrator_attributions as (

    select
        event_id,
        entity_id,
        entity_name,
        max(case when attribution in ('confirmed', 'claimed') then 1 else 0 end) as has_strong_attribution,
        max(case when attribution = 'alleged' then 1 else 0 end) as has_allegation,
        {{ string_list('attributed_by') }} as alleged_by
    from event_actors
    where role = 'perpetrator' and entity_type = 'organization' and source_kind = 'document'
    group by event_id, entity_id, entity_name

),

final as (

    select
        events.event_id,
        events.event_name,
        events.date_start,
        perpetrator_attributions.entity_name as accused_group,
        perpetrator_attributions.alleged_by
    from perpetrator_attributions
    inner join events on perpetrator_attributions.event_id = events.event_id
    where
        events.is_attack
        and perpetrator_attributions.has_allegation = 1
        and perpetrator_attributions.has_strong_attribution = 0

)

select * from final
order by date_start
