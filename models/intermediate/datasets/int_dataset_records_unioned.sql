{{ config(materialized="table") }}
-- A table, not a view: many models and tests read it, and as a view each would recompute it (docs/performance.md).
-- Every registered dataset record in one shape, with its dataset's release, the warehouse's country and place
-- where the names match, and the corpus event a curator linked it to (dataset_link_decisions, accepted);
-- unlinked records are their own event (event id = format + record id).

with

ucdp_ged_events as (

    select * from {{ ref('int_ucdp_ged_events_mapped') }}

),

gtd_incidents as (

    select * from {{ ref('int_gtd_incidents_mapped') }}

),

acled_events as (

    select * from {{ ref('int_acled_events_mapped') }}

),

registry as (

    select * from {{ ref('stg_datasets__registry') }}

),

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

entity_aliases as (

    select * from {{ ref('stg_curation__entity_aliases') }}

),

link_decisions as (

    select * from {{ ref('stg_datasets__link_decisions') }}

),

iso_countries as (

    select * from {{ ref('stg_datasets__countries') }}

),

country_names as (

    select * from {{ ref('int_country_names_keyed') }}

),

country_places as (

    select * from {{ ref('int_country_places_keyed') }}

),

records as (

    select * from ucdp_ged_events
    union all
    select * from gtd_incidents
    union all
    select * from acled_events

),

place_aliases as (

    select
        entity_id,
        canonical_name as place_name
    from entities
    union
    select
        entity_id,
        alias as place_name  -- noqa: RF04
    from entity_aliases

),

place_names as (

    -- A place name matches when exactly one place entity of that country carries it.
    select
        entities.country_id,
        {{ name_key('place_aliases.place_name') }} as place_key,
        min(entities.entity_id) as location_id,
        count(distinct entities.entity_id) as entity_count
    from place_aliases
    inner join entities on place_aliases.entity_id = entities.entity_id
    where entities.entity_type = 'place' and entities.entity_subtype != 'country'
    group by entities.country_id, {{ name_key('place_aliases.place_name') }}

),

accepted_links as (

    select
        dataset_format,
        record_id,
        max(event_id) as event_id,
        max(match_probability) as match_probability
    from link_decisions
    where decision = 'accept'
    group by dataset_format, record_id

),

final as (

    select
        concat(records.dataset_id, ':', records.record_id) as dataset_record_id,
        records.dataset_id,
        records.dataset_format,
        registry.release,
        records.record_id,
        coalesce(accepted_links.event_id, concat(replace(records.dataset_format, '-', '_'), '_', records.record_id))
            as event_id,
        accepted_links.event_id is not null as is_linked_to_corpus,
        accepted_links.match_probability as link_match_probability,
        records.gtd_eventid,
        records.ucdp_ged_id,
        records.acled_event_id_cnty,
        concat(
            upper(replace(records.dataset_format, '-', ' ')), ' ', records.record_id, ': ',
            coalesce(records.source_event_type, 'event'), ', ',
            coalesce(records.location_text, records.country_name, 'place unknown')
        ) as event_name,
        records.event_type,
        records.event_type is not null as is_in_scope,
        records.source_event_type,
        records.date_text,
        records.date_start,
        records.date_end,
        records.date_precision,
        records.source_date_precision,
        records.country_name,
        countries.place_id as country_id,
        -- The record's own ISO code where it gives one (HDX GED iso3, ACLED iso3 or ISO numeric), else its
        -- country's name (UCDP's former name in parentheses dropped) among the GeoNames names and variants.
        coalesce(by_iso3.iso3, by_numeric.iso3, by_name.iso3) as country_iso3,
        case
            when by_iso3.iso3 is not null then 'iso3'
            when by_numeric.iso3 is not null then 'iso_numeric'
            when by_name.iso3 is not null then 'country_name'
        end as country_iso3_basis,
        records.admin1,
        records.admin2,
        records.location_text,
        place_names.location_id,
        records.latitude,
        records.longitude,
        records.location_precision,
        records.source_location_precision,
        records.killed_text,
        records.killed_low,
        records.killed_high,
        records.killed_best,
        records.wounded_text,
        records.wounded_low,
        records.wounded_high,
        records.record_summary,
        nullif(records.record_sources, '') as record_sources
    from records
    left join registry on records.dataset_id = registry.dataset_id
    left join iso_countries as by_iso3 on upper(records.source_country_iso3) = by_iso3.iso3
    left join iso_countries as by_numeric on records.source_country_numeric = by_numeric.iso_numeric
    left join country_names as by_name
        on
            {{ name_key(name_without_parenthesis('records.country_name')) }} = by_name.name_key
            and by_name.iso3_count = 1
    left join country_places as countries
        on {{ name_key('records.country_name') }} = countries.country_key and countries.place_count = 1
    left join place_names
        on
            {{ name_key('records.place_name') }} = place_names.place_key
            and countries.place_id = place_names.country_id
            and place_names.entity_count = 1
    left join accepted_links
        on records.dataset_format = accepted_links.dataset_format and records.record_id = accepted_links.record_id

)

select * from final
