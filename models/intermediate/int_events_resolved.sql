{{
    config(
        materialized=event_rows_materialization(),
        incremental_strategy="append",
        on_schema_change="fail",
        pre_hook="{{ delete_touched_events() }}",
    )
}}
-- A table, not a view: many models and tests read it, and as a view each would recompute it (docs/performance.md).
-- Incremental by event on DuckDB (macros/cross_engine/incremental.sql): a refresh recomputes only the events its
-- changed documents
-- touch, each from all of its mentions.
-- depends_on: {{ ref('stg_build__event_changes') }}
-- Resolve each real-world event from its mentions: casualty ranges that span what the sources say,
-- the most precise date the sources agree on (or the range they span when they disagree), conflict flags.

with

event_mentions as (

    select * from {{ ref('int_event_mentions_unioned') }}
    {{ only_touched_events() }}

),

event_types as (

    select * from {{ ref('stg_curation__event_types') }}

),

ranked_mentions as (

    select
        event_mentions.*,
        {{ precision_rank('event_mentions.date_precision') }} as precision_rank,
        row_number() over (
            partition by event_mentions.event_id
            order by
                {{ precision_rank('event_mentions.date_precision') }},
                event_mentions.document_id,
                event_mentions.mention_id
        ) as mention_order
    from event_mentions

),

representative as (

    -- The mention with the most precise date (then the lowest document id, then mention id) names the event.
    select
        event_id,
        event_name,
        event_type,
        country_id,
        location_text,
        location_id
    from ranked_mentions
    where mention_order = 1

),

event_documents as (

    -- Distinct documents per event in two plain steps (here and document_counts): a count(distinct) per group
    -- keeps a set per group in memory, which at 10M mentions ran DuckDB past its memory limit.
    select distinct
        event_id,
        document_id
    from event_mentions
    where document_id is not null

),

document_counts as (

    select
        event_id,
        count(*) as document_count
    from event_documents
    group by event_id

),

aggregated as (

    -- Conflicts are min <> max: "more than one distinct non-null value" without keeping the values.
    select
        event_id,
        count(*) as mention_count,
        min(event_type) <> max(event_type) as has_type_conflict,
        max(date_start) as agreed_start,
        min(date_end) as agreed_end,
        min(date_start) as earliest_start,
        max(date_end) as latest_end,
        count(date_start) as dated_mention_count,
        min(precision_rank) as best_precision_rank,
        min(killed_low) as killed_low,
        max(killed_high) as max_killed_high,
        sum(case when killed_low is not null and killed_high is null then 1 else 0 end) as open_killed_count,
        min(killed_low) <> max(killed_low) or min(killed_high) <> max(killed_high) as has_killed_conflict,
        min(wounded_low) as wounded_low,
        max(wounded_high) as max_wounded_high,
        sum(case when wounded_low is not null and wounded_high is null then 1 else 0 end) as open_wounded_count,
        min(wounded_low) <> max(wounded_low) or min(wounded_high) <> max(wounded_high) as has_wounded_conflict,
        min(hostages_low) as hostages_low,
        max(hostages_high) as hostages_high,
        min(prisoners_freed_low) as prisoners_freed_low,
        max(prisoners_freed_high) as prisoners_freed_high,
        min(arrested_low) as arrested_low,
        max(arrested_high) as arrested_high,
        min(sentenced_low) as sentenced_low,
        max(sentenced_high) as sentenced_high
    from ranked_mentions
    group by event_id

),

agreed_precision as (

    -- When the sources' intervals overlap, the overlap is the date; its precision is that of the most
    -- precise mention whose interval is exactly the overlap, else 'range'.
    select
        aggregated.event_id,
        min(ranked_mentions.precision_rank) as overlap_precision_rank
    from aggregated
    inner join ranked_mentions
        on
            aggregated.event_id = ranked_mentions.event_id
            and aggregated.agreed_start = ranked_mentions.date_start
            and aggregated.agreed_end = ranked_mentions.date_end
    group by aggregated.event_id

),

resolved as (

    select
        aggregated.*,
        aggregated.dated_mention_count > 0 and aggregated.agreed_start > aggregated.agreed_end as has_date_conflict,
        agreed_precision.overlap_precision_rank
    from aggregated
    left join agreed_precision on aggregated.event_id = agreed_precision.event_id

),

final as (

    select
        resolved.event_id,
        representative.event_name,
        representative.event_type,
        event_types.category as event_category,
        event_types.is_attack,
        case when resolved.has_date_conflict then resolved.earliest_start else resolved.agreed_start end
            as date_start,
        case when resolved.has_date_conflict then resolved.latest_end else resolved.agreed_end end as date_end,
        case
            when resolved.dated_mention_count = 0 then 'unknown'
            when resolved.has_date_conflict then 'range'
            when resolved.overlap_precision_rank = 1 then 'day'
            when resolved.overlap_precision_rank = 2 then 'days'
            when resolved.overlap_precision_rank = 3 then 'month'
            when resolved.overlap_precision_rank = 4 then 'season'
            when resolved.overlap_precision_rank = 5 then 'year'
            when resolved.agreed_start = resolved.agreed_end then 'day'
            else 'range'
        end as date_precision,
        resolved.has_date_conflict,
        representative.country_id,
        representative.location_text as location,
        representative.location_id,
        resolved.killed_low,
        case when resolved.open_killed_count > 0 then null else resolved.max_killed_high end as killed_high,
        resolved.open_killed_count > 0 as is_killed_high_open,
        resolved.wounded_low,
        case when resolved.open_wounded_count > 0 then null else resolved.max_wounded_high end as wounded_high,
        resolved.open_wounded_count > 0 as is_wounded_high_open,
        resolved.hostages_low,
        resolved.hostages_high,
        resolved.prisoners_freed_low,
        resolved.prisoners_freed_high,
        resolved.arrested_low,
        resolved.arrested_high,
        resolved.sentenced_low,
        resolved.sentenced_high,
        coalesce(resolved.has_killed_conflict or resolved.has_wounded_conflict, false) as has_figure_conflict,
        coalesce(resolved.has_type_conflict, false) as has_type_conflict,
        coalesce(document_counts.document_count, 0) as document_count,
        resolved.mention_count
    from resolved
    inner join representative on resolved.event_id = representative.event_id
    left join document_counts on resolved.event_id = document_counts.event_id
    left join event_types on representative.event_type = event_types.event_type

)

select * from final
