-- Cross-source consistency checks: findings for researchers, not build failures. Each row cites the fact on
-- each side (type, id, document, dates) so both sentences can be read in fct_evidence.

with

event_mentions as (

    select * from {{ ref('stg_curation__event_mentions') }}

),

life_events as (

    select * from {{ ref('stg_curation__entity_life_events') }}

),

tenures as (

    select * from {{ ref('stg_curation__leadership_tenures') }}

),

aliases as (

    select * from {{ ref('stg_curation__entity_aliases') }}

),

documents as (

    select * from {{ ref('stg_curation__documents') }}

),

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

all_event_actors as (

    select * from {{ ref('int_event_actors_unioned') }}

),

all_event_mentions as (

    select * from {{ ref('int_event_mentions_unioned') }}

),

actor_dates as (

    -- Every source's actors: a document's, and a dataset record's resolved to a group (a crosswalk or alias that
    -- puts a group's attacks before its founding is a finding too; document_id NULL, the record in fct_evidence).
    select
        all_event_actors.event_actor_id,
        all_event_actors.entity_id,
        all_event_actors.role,
        all_event_mentions.event_id,
        all_event_mentions.document_id,
        all_event_mentions.date_start,
        all_event_mentions.date_end
    from all_event_actors
    inner join all_event_mentions on all_event_actors.mention_id = all_event_mentions.mention_id
    where all_event_mentions.date_start is not null and all_event_actors.entity_id is not null

),

life_dates as (

    select
        life_events.*,
        event_mentions.event_id
    from life_events
    left join event_mentions on life_events.mention_id = event_mentions.mention_id
    where life_events.date_start is not null

),

actor_life_checks as (

    -- An actor named in an event that ended before its group's founding, began after the group's end, or began
    -- after the person's death (the event of the death itself excepted).
    select
        case life_dates.life_event
            when 'founded' then 'group_acts_before_founding'
            when 'ended' then 'group_acts_after_end'
            else 'person_acts_after_death'
        end as warning_type,
        actor_dates.entity_id as subject_id,
        'event_actor' as fact_type,
        actor_dates.event_actor_id as fact_id,
        actor_dates.document_id,
        actor_dates.date_start as fact_date_start,
        actor_dates.date_end as fact_date_end,
        'life_event' as other_fact_type,
        life_dates.life_event_id as other_fact_id,
        life_dates.document_id as other_document_id,
        life_dates.date_start as other_date_start,
        life_dates.date_end as other_date_end,
        'named as ' || actor_dates.role || ' in ' || actor_dates.event_id
        || case life_dates.life_event
            when 'founded' then ', which ended before the group was founded'
            when 'ended' then ', which began after the group ended'
            else ', which began after the person died'
        end as detail
    from actor_dates
    inner join life_dates on actor_dates.entity_id = life_dates.entity_id
    where
        (life_dates.life_event = 'founded' and actor_dates.date_end < life_dates.date_start)
        or (life_dates.life_event = 'ended' and actor_dates.date_start > life_dates.date_end)
        or (
            life_dates.life_event in ('died', 'killed')
            and actor_dates.date_start > life_dates.date_end
            and actor_dates.event_id != coalesce(life_dates.event_id, '')
        )

),

tenure_sides as (

    select
        tenure_id,
        person_id,
        document_id,
        'start' as side,
        start_date as side_date
    from tenures
    where start_date is not null
    union all
    select
        tenure_id,
        person_id,
        document_id,
        'end' as side,
        end_date as side_date
    from tenures
    where end_date is not null

),

tenure_after_death as (

    -- One finding per disagreement: the tenures one document dates after the person's death (his leadership and
    -- his council seat ending on the same day) are one date against the death, listed together, not one each.
    select
        'tenure_after_death' as warning_type,
        tenure_sides.person_id as subject_id,
        'leadership_tenure' as fact_type,
        min(tenure_sides.tenure_id) as fact_id,
        tenure_sides.document_id,
        min(tenure_sides.side_date) as fact_date_start,
        cast(null as date) as fact_date_end,
        'life_event' as other_fact_type,
        life_dates.life_event_id as other_fact_id,
        life_dates.document_id as other_document_id,
        life_dates.date_start as other_date_start,
        life_dates.date_end as other_date_end,
        'after the latest day of the death: ' || {{ string_list(
            "tenure_sides.tenure_id || ' ' || tenure_sides.side || 's (earliest ' || cast(tenure_sides.side_date as "
            ~ dbt.type_string() ~ ") || ')'"
        ) }} as detail
    from tenure_sides
    inner join life_dates
        on tenure_sides.person_id = life_dates.entity_id and life_dates.life_event in ('died', 'killed')
    where tenure_sides.side_date > life_dates.date_end
    group by
        tenure_sides.person_id,
        tenure_sides.document_id,
        life_dates.life_event_id,
        life_dates.document_id,
        life_dates.date_start,
        life_dates.date_end

),

dated_facts as (

    select
        'event_mention' as fact_type,
        mention_id as fact_id,
        event_id as subject_id,
        document_id,
        date_start,
        date_end
    from event_mentions
    where date_start is not null
    union all
    select
        'life_event' as fact_type,
        life_event_id as fact_id,
        entity_id as subject_id,
        document_id,
        date_start,
        date_end
    from life_events
    where date_start is not null
    union all
    select
        'leadership_tenure' as fact_type,
        tenure_id as fact_id,
        person_id as subject_id,
        document_id,
        start_date as date_start,
        end_date as date_end
    from tenures
    where start_date is not null

),

after_document as (

    select
        'dated_after_document' as warning_type,
        dated_facts.subject_id,
        dated_facts.fact_type,
        dated_facts.fact_id,
        dated_facts.document_id,
        dated_facts.date_start as fact_date_start,
        dated_facts.date_end as fact_date_end,
        'document' as other_fact_type,
        documents.document_id as other_fact_id,
        documents.document_id as other_document_id,
        documents.written_not_before as other_date_start,
        documents.written_not_after as other_date_end,
        'dated after the latest day its own document can have been written' as detail
    from dated_facts
    inner join documents on dated_facts.document_id = documents.document_id
    where dated_facts.date_start > documents.written_not_after

),

alias_clashes as (

    select
        'alias_names_two_entities' as warning_type,
        left_aliases.entity_id || ' / ' || right_aliases.entity_id as subject_id,
        'entity_alias' as fact_type,
        left_aliases.alias_id as fact_id,
        left_aliases.document_id,
        cast(null as date) as fact_date_start,
        cast(null as date) as fact_date_end,
        'entity_alias' as other_fact_type,
        right_aliases.alias_id as other_fact_id,
        right_aliases.document_id as other_document_id,
        cast(null as date) as other_date_start,
        cast(null as date) as other_date_end,
        'the name ''' || left_aliases.alias || ''' names two entities in one document'
        || case
            when left_aliases.is_ambiguous and right_aliases.is_ambiguous then ' (both rows flagged is_ambiguous)'
            else ' (NOT flagged is_ambiguous)'
        end as detail
    from aliases as left_aliases
    inner join aliases as right_aliases
        on
            left_aliases.document_id = right_aliases.document_id
            and lower(left_aliases.alias) = lower(right_aliases.alias)
            and left_aliases.entity_id < right_aliases.entity_id
    inner join entities as left_entities on left_aliases.entity_id = left_entities.entity_id
    inner join entities as right_entities on right_aliases.entity_id = right_entities.entity_id
    -- Ordinary usage is no clash: a country's name for its own state organs ("the United States classified the
    -- IMU"), where the organ's country is that country.
    where not (
        left_entities.entity_subtype = 'country'
        and right_entities.entity_subtype in ('government', 'government_agency', 'security_force')
        and right_entities.country_id = left_entities.entity_id
    )
    and not (
        right_entities.entity_subtype = 'country'
        and left_entities.entity_subtype in ('government', 'government_agency', 'security_force')
        and left_entities.country_id = right_entities.entity_id
    )

),

unioned as (

    select * from actor_life_checks
    union all
    select * from tenure_after_death
    union all
    select * from after_document
    union all
    select * from alias_clashes

),

final as (

    select
        unioned.warning_type || '|' || unioned.fact_id || '|' || unioned.other_fact_id as warning_id,
        unioned.warning_type,
        unioned.subject_id,
        entities.canonical_name as subject_name,
        unioned.fact_type,
        unioned.fact_id,
        unioned.document_id,
        unioned.fact_date_start,
        unioned.fact_date_end,
        unioned.other_fact_type,
        unioned.other_fact_id,
        unioned.other_document_id,
        unioned.other_date_start,
        unioned.other_date_end,
        unioned.detail
    from unioned
    left join entities on unioned.subject_id = entities.entity_id

)

select * from final
