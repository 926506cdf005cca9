{% set review_floor = var('coreference_review_floor', 0.5) %}
{% set threshold = var('coreference_threshold', 0.5) %}
{% if review_floor <= 1 / 3 or review_floor > 1 %}
    {{ exceptions.raise_compiler_error(
        "var coreference_review_floor is " ~ review_floor ~ ": it must be above 1/3 and at most 1. The event "
        ~ "pairs are blocked on two shared signals, so a pair sharing one signal (score 1/3 or 1/6) is never built."
    ) }}
{% endif %}
{% if review_floor > threshold %}
    {{ exceptions.raise_compiler_error(
        "var coreference_review_floor (" ~ review_floor ~ ") is above var coreference_threshold (" ~ threshold
        ~ "): pairs that need a curator's decision would not be proposed."
    ) }}
{% endif %}
{{ config(materialized="table") }}
-- A table, not a view: its tests and fct_coreference_candidates read it, and as a view each would recompute the pairs.
-- Candidate duplicate events: pairs of events whose resolved date intervals overlap and that share at least two of
-- three signals: the event type, the place or the country, a group (in any role). match_score is the mean of three
-- marks: same type (1), same place (1, or 1/2 when only the country agrees), a shared group (1); two signals score
-- at least 1/2, one at most 1/3. Pairs are found by equi-joins on blocks of two signals (type and place, type and
-- country, type and group, place and group, country and group), each with the date overlap: a pair sharing one
-- signal is never built (all pairs sharing only a type or a country grow with the square of the events per year).
-- Each block is also cut by calendar year: an event sits in every year its date interval touches, and two
-- intervals that overlap share a year, so only events of the same block and year are compared (without it, all
-- bombings of one group in 29 years met pairwise: ~60 million comparisons for one block at 10M mentions).
-- Pairs scoring below var('coreference_review_floor', 0.5) are dropped. Only events some document reports are
-- paired: a dataset record joins a corpus event through the dataset link decisions (Splink proposals,
-- `militancy datasets decide`), not through the committed coreference seed, which cannot name records of a user's
-- private download.

with

events as (

    select * from {{ ref('int_events_resolved') }}

),

event_groups as (

    select * from {{ ref('int_event_groups_resolved') }}

),

corpus_events as (

    select * from events
    where document_count > 0

),

corpus_event_groups as (

    -- One row per event and group (a group may act in several roles in one event).
    select distinct
        corpus_events.event_id,
        event_groups.group_id
    from corpus_events
    inner join event_groups on corpus_events.event_id = event_groups.event_id

),

blocking_keys as (

    -- Each event under every pair of signals it has: two events share a block exactly when they share both.
    select
        event_id,
        'type_place' as block,
        event_type as first_key,
        location_id as second_key
    from corpus_events
    where event_type is not null and location_id is not null
    union all
    select
        event_id,
        'type_country' as block,
        event_type as first_key,
        country_id as second_key
    from corpus_events
    where event_type is not null and country_id is not null
    union all
    select
        corpus_events.event_id,
        'type_group' as block,
        corpus_events.event_type as first_key,
        corpus_event_groups.group_id as second_key
    from corpus_events
    inner join corpus_event_groups on corpus_events.event_id = corpus_event_groups.event_id
    where corpus_events.event_type is not null
    union all
    select
        corpus_events.event_id,
        'place_group' as block,
        corpus_events.location_id as first_key,
        corpus_event_groups.group_id as second_key
    from corpus_events
    inner join corpus_event_groups on corpus_events.event_id = corpus_event_groups.event_id
    where corpus_events.location_id is not null
    union all
    select
        corpus_events.event_id,
        'country_group' as block,
        corpus_events.country_id as first_key,
        corpus_event_groups.group_id as second_key
    from corpus_events
    inner join corpus_event_groups on corpus_events.event_id = corpus_event_groups.event_id
    where corpus_events.country_id is not null

),

digits as (

    {{ digits_rows() }}

),

event_years as (

    select
        event_id,
        date_start,
        date_end,
        cast(extract(year from date_start) as integer) as first_year,
        cast(extract(year from date_end) as integer) as last_year
    from corpus_events
    where date_start is not null and date_end is not null

),

event_span as (

    select
        min(first_year) as first_year,
        max(last_year) as last_year
    from event_years

),

calendar_years as (

    -- Every year from the earliest to the latest event year (at most 10,000).
    select
        event_span.first_year
        + thousands.digit * 1000 + hundreds.digit * 100 + tens.digit * 10 + units.digit as bucket_year
    from event_span
    cross join digits as thousands
    cross join digits as hundreds
    cross join digits as tens
    cross join digits as units
    where
        event_span.first_year + thousands.digit * 1000 + hundreds.digit * 100 + tens.digit * 10 + units.digit
        <= event_span.last_year

),

blocked as (

    -- One row per block key and year of the event's date interval.
    select
        blocking_keys.*,
        event_years.date_start,
        event_years.date_end,
        calendar_years.bucket_year
    from blocking_keys
    inner join event_years on blocking_keys.event_id = event_years.event_id
    inner join calendar_years
        on calendar_years.bucket_year between event_years.first_year and event_years.last_year

),

blocked_pairs as (

    -- A pair sharing all three signals (or several groups) meets in several blocks: one row per pair.
    select distinct
        left_blocked.event_id as left_id,
        right_blocked.event_id as right_id
    from blocked as left_blocked
    inner join blocked as right_blocked
        on
            left_blocked.block = right_blocked.block
            and left_blocked.first_key = right_blocked.first_key
            and left_blocked.second_key = right_blocked.second_key
            and left_blocked.bucket_year = right_blocked.bucket_year
            and left_blocked.event_id < right_blocked.event_id
            and left_blocked.date_start <= right_blocked.date_end
            and left_blocked.date_end >= right_blocked.date_start

),

paired as (

    select
        blocked_pairs.left_id,
        blocked_pairs.right_id,
        left_events.event_type = right_events.event_type as is_same_type,
        coalesce(left_events.location_id = right_events.location_id, false) as is_same_place,
        coalesce(left_events.country_id = right_events.country_id, false) as is_same_country,
        left_events.country_id as left_country,
        left_events.event_type as left_type,
        left_events.location_id as left_place
    from blocked_pairs
    inner join corpus_events as left_events on blocked_pairs.left_id = left_events.event_id
    inner join corpus_events as right_events on blocked_pairs.right_id = right_events.event_id

),

shared_groups as (

    select
        paired.left_id,
        paired.right_id,
        {{ string_list('left_groups.group_id') }} as shared_group_ids
    from paired
    inner join event_groups as left_groups on paired.left_id = left_groups.event_id
    inner join event_groups as right_groups
        on paired.right_id = right_groups.event_id and left_groups.group_id = right_groups.group_id
    group by paired.left_id, paired.right_id

),

scored as (

    select
        paired.left_id,
        paired.right_id,
        (
            case when paired.is_same_type then 1 else 0 end
            + case when paired.is_same_place then 1 when paired.is_same_country then 0.5 else 0 end
            + case when shared_groups.left_id is not null then 1 else 0 end
        ) / 3e0 as match_score,
        'dates overlap'
        || case when paired.is_same_type then '; same type ' || paired.left_type else '' end
        || case
            when paired.is_same_place then '; same place ' || paired.left_place
            when paired.is_same_country then '; same country ' || paired.left_country
            else ''
        end
        || coalesce('; shared groups ' || shared_groups.shared_group_ids, '') as evidence
    from paired
    left join shared_groups
        on paired.left_id = shared_groups.left_id and paired.right_id = shared_groups.right_id

),

final as (

    select
        'event|' || left_id || '|' || right_id as candidate_id,
        'event' as candidate_type,
        left_id,
        right_id,
        match_score,
        evidence
    from scored
    where match_score >= {{ review_floor }}

)

select * from final
