"""Files in the shapes researchers' scripts already read: a UCDP-GED-shaped events CSV and a GTD-shaped
incidents CSV, with every published column present in published order (`militancy.datasets.formats`).

Two kinds of row. A record of a registered dataset file of that format is written back with its own published
values, every column as the publisher wrote it (from the staging base model that keeps them: base_ucdp_ged__records,
base_gtd__records). Every other event of the warehouse (the documents' events, and in the GTD file the attacks
no GTD record covers) is a row of what the warehouse knows: each filled column has one SQL expression over the
public marts and one sentence saying what it holds; the codebook prints the same sentences, so the mapping and its
documentation cannot drift apart. Columns the warehouse does not code are present and empty (NULL), never guessed.
Those rows carry ids in ranges the publishers never use (GED: 1,900,000,000 and above; GTD: a day's numbers
9000-9999), so a warehouse row can never be mistaken for a published record.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from militancy.datasets.formats import FORMATS, GTD_ATTACK_TYPE_CODES, GTD_COLUMNS, UCDP_GED_COLUMNS

# Attribution levels, strongest first (as in the marts: confirmed > claimed > alleged > suspected > disputed).
_ATTRIBUTION_RANK = "case {col} when 'confirmed' then 5 when 'claimed' then 4 when 'alleged' then 3 when 'suspected' then 2 when 'disputed' then 1 end"  # noqa: E501


@dataclass(frozen=True)
class ShapedExport:
    name: str
    title: str
    columns: tuple[str, ...]
    mapped: dict[str, tuple[str, str]]  # column -> (SQL expression over the CTE `shaped`, meaning)
    source_sql: str  # a query whose result is named `shaped`: the warehouse's events, one row each
    order_by: str
    scope: str  # which events the file holds
    id_column: str  # must be unique in the file
    published_relation: str  # the base model holding the registered records of this format, as published
    record_key: str  # the published column the records are ordered by
    format_name: str  # the dataset format (militancy.datasets.formats) of the published records

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"

    def select_sql(self) -> str:
        """The published records first (by file and record id), then the warehouse's own rows (by event_id); every
        value as text, as a CSV holds it."""
        unknown = set(self.mapped) - set(self.columns)
        if unknown:
            raise ValueError(f"{self.name}: mapped columns not in the published layout: {sorted(unknown)}")
        mapped = [
            f'cast({self.mapped[c][0]} as varchar) as "{c}"' if c in self.mapped else f'cast(null as varchar) as "{c}"'
            for c in self.columns
        ]
        published = [f'{_as_published(self.format_name, c)} as "{c}"' for c in self.columns]
        return (
            f"with shaped as ({self.source_sql})\n"
            "select * exclude (part, sort_key) from (\n"
            "    select 0 as part,\n"
            f"    dataset_id || ':' || lpad(cast({self.record_key} as varchar), 20, '0') as sort_key,\n"
            + ",\n    ".join(published)
            + f"\n    from {self.published_relation}\n"
            "    union all\n"
            f"    select 1 as part, {self.order_by} as sort_key,\n    " + ",\n    ".join(mapped) + "\n    from shaped\n"
            ") as rows_of_both_kinds\norder by part, sort_key"
        )

    def meaning(self, column: str) -> str:
        return self.mapped[column][1] if column in self.mapped else "Empty: not coded by the warehouse."


def _as_published(format_name: str, column: str) -> str:
    """A base-model column as its publisher writes it in a CSV: a count kept as a real (GTD's nkill) without `.0`
    when whole (25, -99; 19.8 stays 19.8)."""
    field = FORMATS[format_name].field(column)
    quoted = f'"{column}"'
    if field.type == "double" and (field.non_negative or field.unknown):
        return (
            f"case when {quoted} = floor({quoted}) then cast(cast({quoted} as bigint) as varchar) "
            f"else cast({quoted} as varchar) end"
        )
    return f"cast({quoted} as varchar)"


_EVENT_SOURCES = """
    select
        m.event_id,
        count(distinct m.document_id) as n_documents,
        array_to_string(list_sort(list_distinct(list(m.document_id))), '; ') as document_ids,
        array_to_string(list(d.title order by d.document_id), '; ') as titles,
        array_to_string(list_sort(list_distinct(list(d.publisher))), '; ') as publishers,
        array_to_string(list_sort(list_distinct(list(cast(d.published_date as varchar)))), '; ') as published_dates,
        list(
            d.title || ', ' || coalesce(d.publisher, 'publisher not stated')
            || coalesce(', ' || cast(d.published_date as varchar), '') || ' (' || d.document_id || ')'
            order by d.document_id
        ) as citations
    from (select distinct event_id, document_id from marts.fct_event_mentions) as m
    inner join marts.dim_documents as d on m.document_id = d.document_id
    group by m.event_id
"""

# GTD's date parts: the month and day only where the whole interval lies in one month / is one day (else 0).
_GTD_MONTH = (
    "case when date_start is not null and year(date_start) = year(date_end) "
    "and month(date_start) = month(date_end) then month(date_start) else 0 end"
)
_GTD_DAY = "case when date_start is not null and date_start = date_end then day(date_start) else 0 end"


def _hex_number(start: int) -> str:
    """8 hex digits of md5(event_id) from `start` (1-based) as a number: stable across builds and engines."""
    return f"cast(('0x' || substr(md5(event_id), {start}, 8)) as bigint)"


# Integer ids derived from the stable event_id alone, so they do not change when other events are added, in ranges
# the publishers never use: GED's id is 1,900,000,000 plus a number below 200,000,000 from md5(event_id) (UCDP's
# ids are below ten million); GTD's eventid is YYYYMMDD (00 for an unknown month or day) followed by 9000-9999,
# from md5(event_id) (GTD numbers a day's incidents from 0001, and no day has had thousands). A clash (two ids on one
# number) takes the next number, in event_id order; `write_shaped_exports` refuses a file whose ids are not unique.
GED_ID_BASE = 1_900_000_000
GTD_SEQUENCE_BASE = 9000
_EVENT_NUMBERS = f"""
    select
        event_id,
        hashed_id + row_number() over (partition by hashed_id order by event_id) - 1 as ged_id,
        date_prefix * 10000 + {GTD_SEQUENCE_BASE}
        + (hashed_seq + row_number() over (partition by date_prefix, hashed_seq order by event_id) - 1) % 1000
            as gtd_eventid,
        gtd_month,
        gtd_day
    from (
        select
            event_id,
            {GED_ID_BASE} + {_hex_number(1)} % 200000000 as hashed_id,
            {_hex_number(9)} % 1000 as hashed_seq,
            coalesce(year(date_start), 0) * 10000 + ({_GTD_MONTH}) * 100 + ({_GTD_DAY}) as date_prefix,
            {_GTD_MONTH} as gtd_month,
            {_GTD_DAY} as gtd_day
        from marts.fct_events
    ) as hashed
"""

# The columns of fct_events the exports read, named one by one so columns added to the mart later cannot collide.
_EVENT_COLUMNS = ",\n        ".join(
    f"e.{c}"
    for c in (
        "event_id",
        "event_name",
        "event_type",
        "is_attack",
        "date_start",
        "date_end",
        "date_precision",
        "event_year",
        "country",
        "country_id",
        "location",
        "location_id",
        "killed_low",
        "killed_high",
        "wounded_low",
        "wounded_high",
        "hostages_low",
        "hostages_high",
        "has_date_conflict",
        "has_figure_conflict",
        "has_type_conflict",
        "document_count",
        "ucdp_ged_ids",
        "gtd_eventids",
    )
)

_GED_SOURCE = f"""
    with
    sources as ({_EVENT_SOURCES}),
    groups as (
        select * from marts.fct_event_groups where attribution <> 'disputed'
    ),
    sides as (
        select
            event_id,
            list_sort(list_distinct(list(group_name) filter (where role = 'authority'))) as state_side,
            list_sort(list_distinct(list(group_name) filter (where role in ('perpetrator', 'claimant'))))
                as acting_side,
            list_sort(list_distinct(list(group_name) filter (where role = 'target'))) as target_side,
            list_sort(list_distinct(list(group_name) filter (where role in ('perpetrator', 'claimant', 'target'))))
                as militant_side
        from groups
        group by event_id
    )
    select
        {_EVENT_COLUMNS},
        ids.ged_id,
        p.place_name,
        p.place_type,
        s.n_documents,
        s.document_ids,
        s.titles,
        s.publishers,
        s.published_dates,
        nullif(array_to_string(coalesce(sd.state_side, sd.acting_side), '; '), '') as side_a_names,
        nullif(array_to_string(
            case when len(sd.state_side) > 0
                then list_filter(sd.militant_side, x -> not list_contains(sd.state_side, x))
                else sd.target_side end,
            '; '), '') as side_b_names
    from marts.fct_events as e
    inner join ({_EVENT_NUMBERS}) as ids on e.event_id = ids.event_id
    left join marts.dim_places as p on e.location_id = p.place_id
    left join sources as s on e.event_id = s.event_id
    left join sides as sd on e.event_id = sd.event_id
    where e.ucdp_ged_ids is null
"""

UCDP_GED = ShapedExport(
    name="ucdp_ged_events",
    title="UCDP GED-shaped events",
    columns=UCDP_GED_COLUMNS,
    scope="Every registered UCDP GED record with its published values, then every other event of fct_events, one "
    "row each (GED holds only fatal organized violence: filter on `best`/`low` and the event's type in fct_events "
    "for a GED-comparable subset of those rows).",
    source_sql=_GED_SOURCE,
    order_by="event_id",
    id_column="id",
    published_relation="staging.base_ucdp_ged__records",
    record_key="id",
    format_name="ucdp-ged",
    mapped={
        "id": (
            "ged_id",
            "1,900,000,000 plus a number derived from fct_events.event_id alone (from its md5; on a clash the next "
            "number, in event_id order), so it stays the same across releases and never equals a UCDP id (below ten "
            "million); join on relid to be sure.",
        ),
        "relid": ("event_id", "fct_events.event_id: the warehouse's stable event key (GED's relid is a readable id)."),
        "year": ("event_year", "fct_events.event_year: year of date_start, the earliest possible year."),
        "side_a": (
            "side_a_names",
            "The acting side, '; '-separated: the state bodies with role authority when the event has one, else the "
            "groups with role perpetrator or claimant (any attribution but disputed-only). GED puts the government "
            "first in state-based conflicts; the warehouse does not code type_of_violence, so an attack on state "
            "forces has the attacker as side_a.",
        ),
        "side_b": (
            "side_b_names",
            "The side acted upon: when side_a is state bodies, the other groups involved (perpetrator, claimant or "
            "target); else the groups with role target. NULL when no such group is recorded.",
        ),
        "number_of_sources": ("n_documents", "Number of documents that mention the event."),
        "source_article": ("document_ids", "The documents' ids (dim_documents.document_id), '; '-separated."),
        "source_office": ("nullif(publishers, '')", "The documents' publishers where stated, '; '-separated."),
        "source_date": ("nullif(published_dates, '')", "The documents' publication dates where known."),
        "source_headline": ("titles", "The documents' titles, in document-id order, '; '-separated."),
        "where_prec": (
            """case
                when place_type in ('city', 'town', 'village', 'site') then 1
                when place_type = 'district' then 3
                when place_type = 'province' then 4
                when place_type in ('valley', 'border_area', 'region') then 5
                when place_type = 'country' then 6
                when location_id is null and country_id is not null then 6
            end""",
            "From the place type of fct_events.location_id (dim_places.place_type): city, town, village or site 1; "
            "district (second-order unit) 3; province (first-order unit) 4; valley, border area or region 5; "
            "country, or no place but a known country, 6. Never 2 or 7 (the warehouse keeps no distances or "
            "water/airspace flag).",
        ),
        "where_coordinates": ("place_name", "Canonical name of the most precise place (dim_places.place_name)."),
        "where_description": ("location", "The place as the representative document words it (fct_events.location)."),
        "adm_1": ("case when place_type = 'province' then place_name end", "The place's name when it is a province."),
        "adm_2": ("case when place_type = 'district' then place_name end", "The place's name when it is a district."),
        "country": ("country", "fct_events.country: canonical country name (not GED's Gleditsch-Ward coding)."),
        "date_prec": (
            """case
                when date_start is null then null
                when date_start = date_end then 1
                when date_precision = 'days' and date_end - date_start <= 5 then 2
                when date_precision = 'days' and date_end - date_start = 6 then 3
                when year(date_start) = year(date_end) and month(date_start) = month(date_end) then 4
                when year(date_start) = year(date_end) then 5
            end""",
            "From the interval and fct_events.date_precision: 1 a single day; 2 a span of 2-6 days; 3 a 7-day span; "
            "4 within one month; 5 within one year (season, year or a range inside a year); NULL when the interval "
            "crosses a year or the date is unknown (GED has no code for those).",
        ),
        "date_start": ("date_start", "fct_events.date_start: earliest possible day."),
        "date_end": ("date_end", "fct_events.date_end: latest possible day."),
        "best": (
            "case when killed_low = killed_high then killed_low end",
            "The deaths figure when every source agrees on one number (killed_low = killed_high); NULL where the "
            "sources give a range, only a lower bound, or nothing: the warehouse does not pick a best figure.",
        ),
        "high": ("killed_high", 'fct_events.killed_high: highest deaths figure; NULL when unknown or open ("16+").'),
        "low": ("killed_low", "fct_events.killed_low: lowest deaths figure any source gives; NULL when unknown."),
    },
)

_GTD_CODE = (
    "case attack_type_txt " + " ".join(f"when '{t}' then {c}" for t, c in GTD_ATTACK_TYPE_CODES.items()) + " end"
)

_GTD_SOURCE = f"""
    with
    sources as ({_EVENT_SOURCES}),
    perpetrators as (
        select
            event_id,
            group_id,
            any_value(group_name) as group_name,
            max({_ATTRIBUTION_RANK.format(col="attribution")}) as attribution_rank,
            bool_or(is_claimed) as is_claimed
        from marts.fct_event_groups
        where role in ('perpetrator', 'claimant')
        group by event_id, group_id
    ),
    ranked as (
        select
            *,
            row_number() over (
                partition by event_id order by attribution_rank desc, group_name, group_id
            ) as n
        from perpetrators
    ),
    perpetrator_slots as (
        select
            event_id,
            max(case when n = 1 then group_name end) as gname,
            max(case when n = 2 then group_name end) as gname2,
            max(case when n = 3 then group_name end) as gname3,
            max(case when n = 1 then case when attribution_rank >= 4 then 0 else 1 end end) as guncertain1,
            max(case when n = 2 then case when attribution_rank >= 4 then 0 else 1 end end) as guncertain2,
            max(case when n = 3 then case when attribution_rank >= 4 then 0 else 1 end end) as guncertain3,
            max(case when n = 1 and is_claimed then 1 end) as claimed,
            max(case when n = 2 and is_claimed then 1 end) as claim2,
            max(case when n = 3 and is_claimed then 1 end) as claim3,
            case when count(*) filter (where is_claimed) >= 2 then 1 end as compclaim
        from ranked
        group by event_id
    ),
    targets as (
        select
            event_id,
            list_sort(list_distinct(list(group_name))) as names
        from marts.fct_event_groups
        where role = 'target'
        group by event_id
    )
    select
        {_EVENT_COLUMNS},
        ids.gtd_eventid,
        ids.gtd_month,
        ids.gtd_day,
        t.gtd_attack_type as attack_type_txt,
        p.place_name,
        p.place_type,
        s.citations,
        ps.* exclude (event_id),
        tg.names as target_names
    from marts.fct_events as e
    inner join ({_EVENT_NUMBERS}) as ids on e.event_id = ids.event_id
    left join staging.stg_curation__event_types as t on e.event_type = t.event_type
    left join marts.dim_places as p on e.location_id = p.place_id
    left join sources as s on e.event_id = s.event_id
    left join perpetrator_slots as ps on e.event_id = ps.event_id
    left join targets as tg on e.event_id = tg.event_id
    where e.is_attack and e.gtd_eventids is null
"""


def _range_note(quantity: str) -> str:
    low, high = f"{quantity}_low", f"{quantity}_high"
    return (
        f"case when {low} is not null and {high} is distinct from {low} "
        f"then '{quantity} ' || {low} || '-' || coalesce(cast({high} as varchar), 'open') end"
    )


GTD = ShapedExport(
    name="gtd_incidents",
    title="GTD-shaped incidents",
    columns=GTD_COLUMNS,
    scope="Every registered GTD record with its published values, then the attacks no GTD record covers: events of "
    "fct_events whose type counts as an attack (is_attack), one row each; battles, state operations and legal "
    "actions are not GTD incidents.",
    source_sql=_GTD_SOURCE,
    order_by="event_id",
    id_column="eventid",
    published_relation="staging.base_gtd__records",
    record_key="eventid",
    format_name="gtd",
    mapped={
        "eventid": (
            "gtd_eventid",
            "GTD's 12-digit form YYYYMMDDNNNN: iyear, imonth, iday (00 when unknown) and NNNN from 9000 to 9999, "
            "derived from fct_events.event_id alone (from its md5; on a clash the next number), so it stays the same "
            "across releases while the date does and never equals a GTD eventid (GTD numbers a day's incidents from "
            "0001). The event_id itself opens addnotes.",
        ),
        "iyear": ("event_year", "Year of date_start (the earliest possible year); empty when the date is unknown."),
        "imonth": ("gtd_month", "Month when the whole interval lies in one month, else 0 (unknown), as in GTD."),
        "iday": ("gtd_day", "Day when the interval is a single day, else 0 (unknown), as in GTD."),
        "approxdate": (
            "case when date_start is null then 'unknown' when date_start <> date_end then "
            "cast(date_start as varchar) || '/' || cast(date_end as varchar) end",
            "The interval 'YYYY-MM-DD/YYYY-MM-DD' (earliest/latest possible day) when the exact day is not known; "
            "'unknown' when the date is unknown.",
        ),
        "country_txt": ("country", "fct_events.country: country name."),
        "provstate": ("case when place_type = 'province' then place_name end", "The place when it is a province."),
        "city": (
            "case when place_type in ('city', 'town', 'village') then place_name end",
            "The place when it is a city, town or village (dim_places).",
        ),
        "location": ("location", "The place as the representative document words it (fct_events.location)."),
        "summary": ("event_name", "fct_events.event_name: short name of the event."),
        "suicide": (
            "case when event_type = 'suicide_bombing' then 1 else 0 end",
            "1 when the event type is suicide_bombing, else 0 (GTD: no indication of a suicide attack).",
        ),
        "attacktype1": (_GTD_CODE, "GTD attack type code of attacktype1_txt (published codes 1-9)."),
        "attacktype1_txt": ("attack_type_txt", "The event type's GTD attack type (event_types seed, gtd_attack_type)."),
        "target1": ("target_names[1]", "First (by name) organization with role target in fct_event_groups."),
        "target2": ("target_names[2]", "Second organization with role target."),
        "target3": ("target_names[3]", "Third organization with role target."),
        "gname": (
            "gname",
            "Perpetrator or claimant organizations from fct_event_groups, strongest attribution first (confirmed > "
            "claimed > alleged > suspected > disputed, then by name): the first; empty when none is recorded (the "
            "warehouse does not write GTD's 'Unknown' for a perpetrator its documents do not name). A fourth and "
            "later group is in fct_event_groups only.",
        ),
        "gname2": ("gname2", "The second perpetrator or claimant organization, in the same order."),
        "gname3": ("gname3", "The third."),
        "guncertain1": (
            "guncertain1",
            "0 when a source states (confirmed) or reports a claim (claimed) of gname's role; 1 when the attribution "
            "is only alleged, suspected or disputed; empty when no perpetrator is recorded.",
        ),
        "guncertain2": ("guncertain2", "The same for gname2."),
        "guncertain3": ("guncertain3", "The same for gname3."),
        "claimed": (
            "claimed",
            "1 when a source reports a claim of responsibility by gname (fct_event_groups.is_claimed); empty "
            "otherwise: a document's silence is not evidence that no claim was made (GTD would write 0 or -9).",
        ),
        "claim2": ("claim2", "The same for gname2."),
        "claim3": ("claim3", "The same for gname3."),
        "compclaim": ("compclaim", "1 when two or more organizations are reported to have claimed it; else empty."),
        "nkill": (
            "killed_low",
            "fct_events.killed_low: the lowest deaths figure any source gives (a floor, as ACLED counts); the "
            "range is in addnotes and in the GED-shaped file. Empty when unknown.",
        ),
        "nwound": ("wounded_low", "fct_events.wounded_low: the lowest wounded figure; empty when unknown."),
        "ishostkid": (
            "case when hostages_low > 0 or attack_type_txt like 'Hostage Taking%' then 1 end",
            "1 when the event is a kidnapping or hostage taking or a source gives hostages; else empty.",
        ),
        "nhostkid": ("hostages_low", "fct_events.hostages_low: the lowest hostages figure."),
        "addnotes": (
            "concat_ws('; ', 'Militancy Warehouse event ' || event_id, "
            + _range_note("killed")
            + ", "
            + _range_note("wounded")
            + ", "
            + _range_note("hostages")
            + ", case when has_date_conflict then 'sources disagree on the date' end"
            + ", case when has_figure_conflict then 'sources disagree on the figures' end"
            + ", case when has_type_conflict then 'sources disagree on the event type' end)",
            "'Militancy Warehouse event <event_id>', then the warehouse's ranges (killed, wounded, hostages) where "
            "the sources do not give one figure ('killed 45-55', 'killed 16-open') "
            "and the source-conflict flags of fct_events.",
        ),
        "scite1": ("citations[1]", "First source document: title, publisher, publication date (document id)."),
        "scite2": ("citations[2]", "Second source document."),
        "scite3": ("citations[3]", "Third source document (a fourth and later are in fct_event_mentions)."),
        "dbsource": ("'Militancy Warehouse'", "Always 'Militancy Warehouse'."),
    },
)

EXPORTS: tuple[ShapedExport, ...] = (UCDP_GED, GTD)


class ExportError(ValueError):
    """A shaped export cannot be written as published (e.g. two events on one id)."""


def write_shaped_exports(db_path: Path, out_dir: Path) -> dict[str, int]:
    """Write every shaped CSV of `EXPORTS` into out_dir from the warehouse at db_path; return rows per file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rows: dict[str, int] = {}
    with duckdb.connect(str(db_path), read_only=True) as con:
        con.execute("set threads = 1")
        for export in EXPORTS:
            con.execute(f"create or replace temp table shaped_export as {export.select_sql()}")
            clashes = con.execute(
                f'select "{export.id_column}", count(*) from shaped_export group by 1 having count(*) > 1'
            ).fetchall()
            if clashes:
                raise ExportError(f"{export.file_name}: {export.id_column} not unique: {clashes[:5]}")
            target = str(out_dir / export.file_name).replace("'", "''")
            con.execute(f"copy (select * from shaped_export order by rowid) to '{target}' (format csv, header true)")
            rows[export.file_name] = con.execute("select count(*) from shaped_export").fetchone()[0]
    return rows
