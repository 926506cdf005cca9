-- The floor of benchmarks/scale.py: the warehouse's core transforms written once as plain DuckDB SQL, with no
-- dbt, no validator, no tests and no documentation, run on the same input files. The time dbt's build adds to
-- this is what docs/performance.md reports as a ratio. `{project}` is replaced by the project folder.
-- Steps: load the curated CSVs and the corpus, locate every quote in its document, read the three dataset
-- files, match dataset actor names to groups through the aliases, resolve events (curated mentions grouped by
-- event, each dataset record an event), attacks by group and year, the evidence table, the membership series.

create table event_mentions as
select * from read_csv('{project}/seeds/event_mentions.csv', header = true, all_varchar = true);

create table event_actors as
select * from read_csv('{project}/seeds/event_actors.csv', header = true, all_varchar = true);

create table documents as
select * from read_csv('{project}/seeds/documents.csv', header = true, all_varchar = true);

create table entities as
select * from read_csv('{project}/seeds/entities.csv', header = true, all_varchar = true);

create table entity_aliases as
select * from read_csv('{project}/seeds/entity_aliases.csv', header = true, all_varchar = true);

create table membership_estimates as
select * from read_csv('{project}/seeds/membership_estimates.csv', header = true, all_varchar = true);

create table event_types as
select * from read_csv('{project}/seeds/event_types.csv', header = true, all_varchar = true);

create table document_texts as
select
    documents.document_id,
    files.content as document_text
from read_text('{project}/corpus/*.txt') as files
inner join documents on files.filename = '{project}/corpus/' || documents.file_name;

-- Quote location: every quote found in its own document (strpos is 1-based).
create table quotes_located as
with quotes as (
    select 'event_mentions' as source_table, mention_id as source_key, document_id, quote from event_mentions
    union all
    select 'event_actors', event_actors.event_actor_id, event_mentions.document_id, event_actors.quote
    from event_actors inner join event_mentions on event_actors.mention_id = event_mentions.mention_id
    union all
    select 'entities', entity_id, document_id, quote from entities
    union all
    select 'entity_aliases', alias_id, document_id, quote from entity_aliases
    union all
    select 'membership_estimates', estimate_id, document_id, quote from membership_estimates
)
select
    quotes.source_table,
    quotes.source_key,
    quotes.document_id,
    strpos(document_texts.document_text, quotes.quote) - 1 as char_start,
    strpos(document_texts.document_text, quotes.quote) - 1 + length(quotes.quote) as char_end
from quotes
inner join document_texts on quotes.document_id = document_texts.document_id;

-- The three dataset files, typed.
create table ucdp as
select * from read_csv('{project}/datasets/ucdp-ged/*.csv', header = true, all_varchar = true);

create table gtd as
select * from read_csv('{project}/datasets/gtd/*.csv', header = true, all_varchar = true);

create table acled as
select * from read_csv('{project}/datasets/acled/*.csv', header = true, all_varchar = true);

create table dataset_records as
select
    'ucdp-ged:' || id as record_id,
    'ucdp-ged' as dataset_format,
    cast(try_cast(date_start as timestamp) as date) as date_start,
    cast(try_cast(date_end as timestamp) as date) as date_end,
    side_b as actor_name,
    try_cast(low as integer) as killed_low,
    try_cast(high as integer) as killed_high,
    where_description as location
from ucdp
union all
select
    'gtd:' || eventid,
    'gtd',
    case when try_cast(imonth as integer) between 1 and 12 and try_cast(iday as integer) between 1 and 31
        then make_date(cast(iyear as integer), cast(imonth as integer), cast(iday as integer))
        else make_date(cast(iyear as integer), 1, 1) end,
    case when try_cast(imonth as integer) between 1 and 12 and try_cast(iday as integer) between 1 and 31
        then make_date(cast(iyear as integer), cast(imonth as integer), cast(iday as integer))
        else make_date(cast(iyear as integer), 12, 31) end,
    gname,
    case when try_cast(nkill as integer) >= 0 then try_cast(nkill as integer) end,
    case when try_cast(nkill as integer) >= 0 then try_cast(nkill as integer) end,
    city
from gtd
union all
select
    'acled:' || event_id_cnty,
    'acled',
    try_cast(event_date as date),
    try_cast(event_date as date),
    actor1,
    try_cast(fatalities as integer),
    try_cast(fatalities as integer),
    location
from acled;

-- Dataset actor names to groups, through the aliases (case aside).
create table dataset_actors as
select
    dataset_records.record_id,
    aliases.entity_id as group_id
from dataset_records
inner join (select distinct entity_id, lower(alias) as alias_key from entity_aliases) as aliases
    on lower(dataset_records.actor_name) = aliases.alias_key;

-- Events: the curated mentions resolved per event (figures spanning the sources, the dates they agree on),
-- and each dataset record as its own event.
create table events as
select
    event_id,
    min(event_type) as event_type,
    coalesce(
        case when max(try_cast(date_start as date)) <= min(try_cast(date_end as date))
            then max(try_cast(date_start as date)) end,
        min(try_cast(date_start as date))
    ) as date_start,
    min(try_cast(killed_low as integer)) as killed_low,
    max(try_cast(killed_high as integer)) as killed_high,
    count(distinct document_id) as document_count
from event_mentions
group by event_id
union all
select
    record_id,
    'dataset_record',
    date_start,
    killed_low,
    killed_high,
    0
from dataset_records;

create table event_groups as
select distinct
    event_mentions.event_id,
    event_actors.entity_id as group_id
from event_actors
inner join event_mentions on event_actors.mention_id = event_mentions.mention_id
where event_actors.role in ('perpetrator', 'claimant')
union all
select record_id, group_id from dataset_actors;

create table attacks_by_group_year as
select
    event_groups.group_id,
    year(events.date_start) as event_year,
    count(*) as attacks,
    sum(events.killed_low) as killed_low,
    sum(events.killed_high) as killed_high
from event_groups
inner join events on event_groups.event_id = events.event_id
left join event_types on events.event_type = event_types.event_type
where coalesce(event_types.is_attack, 'true') = 'true'
group by event_groups.group_id, year(events.date_start);

-- Evidence: every curated fact with its located quote, and every dataset record.
create table evidence as
select
    quotes_located.source_table as fact_type,
    quotes_located.source_key as fact_id,
    quotes_located.document_id,
    quotes_located.char_start,
    quotes_located.char_end,
    substring(document_texts.document_text, quotes_located.char_start + 1,
        quotes_located.char_end - quotes_located.char_start) as quote
from quotes_located
inner join document_texts on quotes_located.document_id = document_texts.document_id
union all
select
    'dataset_record',
    record_id,
    null,
    null,
    null,
    null
from dataset_records;

create table membership_by_year as
select
    group_id,
    cast(period_start_year as integer) as calendar_year,
    min(try_cast(estimate_low as integer)) as members_low,
    max(try_cast(estimate_high as integer)) as members_high,
    count(*) as estimates
from membership_estimates
group by group_id, cast(period_start_year as integer);

checkpoint;
