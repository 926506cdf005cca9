"""Synthetic files in the exact published layouts of UCDP GED, GTD and ACLED, of any size.

Every value is made up (text columns say SYNTHETIC); no row describes a real event. The files exercise the
formats' quirks: GTD unknown days and months (0) with `approxdate`, -9/-99 unknowns, up to three perpetrator
groups with uncertain and claimed attributions, cp1252 encoding; UCDP low/best/high and date/place precision
codes, optionally without a header row; ACLED time/geo precision, associated actors and inter codes.
The generator writes through DuckDB's COPY, so a million rows take seconds (benchmarks/dataset_load.py uses it).
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import duckdb

from militancy.datasets.formats import FORMATS, DatasetFormat, Field
from militancy.datasets.registry import read_codes

GROUPS = (
    "Islamic Movement of Uzbekistan (IMU)",
    "Islamic Jihad Union (IJU)",
    "Tehrik-i-Taliban Pakistan (TTP)",
    "Synthetic Front of the North",
    "Unknown",
)
ACLED_ACTORS = ("IMU: Islamic Movement of Uzbekistan", "Military Forces of Tajikistan (1994-)", "Synthetic Militia")
PLACES = (("Dushanbe", 38.5358, 68.7791), ("Khujand", 40.2826, 69.6220), ("Osh", 40.5283, 72.7985))


def _pick(values: tuple[str, ...] | list[str], salt: int) -> str:
    """SQL choosing one of `values` from the row number i (deterministic)."""
    quoted = ", ".join("'" + v.replace("'", "''") + "'" for v in values)
    return f"([{quoted}])[1 + ((i * {salt} + {salt // 3}) % {len(values)})]"


def _default(fmt: DatasetFormat, field: Field, codes: dict[tuple[str, str], tuple[str, ...]], salt: int) -> str:
    if field.codebook:
        return _pick(codes[(fmt.name, field.codebook)], salt)
    if field.low is not None:
        return f"cast({field.low} + (i * {salt}) % {field.high - field.low + 1} as varchar)"
    if field.type in ("integer", "bigint"):
        return f"cast((i * {salt}) % 97 as varchar)"
    if field.type == "double":
        return f"cast(round(((i * {salt}) % 1000) / 10.0, 1) as varchar)"
    return f"'SYNTHETIC {field.name} ' || cast(i as varchar)"


def _overrides(fmt: DatasetFormat) -> dict[str, str]:
    day = "(date '2000-01-01' + cast(i % 9000 as integer))"
    place = _pick([p[0] for p in PLACES], 7)
    if fmt.name == "ucdp-ged":
        return {
            "id": "cast(i + 1 as varchar)",
            "year": f"cast(year({day}) as varchar)",
            "side_a": _pick(["Government of Tajikistan", "IMU", "Government of Kyrgyzstan"], 3),
            "side_b": _pick(["IMU", "Civilians", "Taleban"], 5),
            "date_start": f"strftime({day}, '%Y-%m-%d')",
            "date_end": f"strftime({day} + cast(i % 3 as integer), '%Y-%m-%d')",
            "low": "cast(i % 5 as varchar)",
            "best": "cast(i % 5 + i % 3 as varchar)",
            "high": "cast(i % 5 + i % 3 + i % 7 as varchar)",
            "latitude": "cast(38 + (i % 300) / 100.0 as varchar)",
            "longitude": "cast(68 + (i % 400) / 100.0 as varchar)",
            "where_description": place,
        }
    if fmt.name == "gtd":
        return {
            "eventid": f"strftime({day}, '%Y%m%d') || lpad(cast(i // 9000 as varchar), 4, '0')",
            "iyear": f"cast(year({day}) as varchar)",
            "imonth": f"case when i % 23 = 0 then '0' else cast(month({day}) as varchar) end",
            "iday": f"case when i % 11 = 0 or i % 23 = 0 then '0' else cast(day({day}) as varchar) end",
            "approxdate": f"case when i % 11 = 0 then strftime({day}, '%B %Y') else null end",
            "resolution": "null",
            "extended": "'0'",
            "city": place,
            "gname": _pick(GROUPS, 5),
            "gname2": f"case when i % 4 = 0 then {_pick(GROUPS[:3], 7)} else null end",
            "gname3": "null",
            "guncertain2": "case when i % 4 = 0 then '1' else null end",
            "guncertain3": "null",
            "nkill": "case when i % 13 = 0 then '' else cast(i % 9 as varchar) end",
            "nwound": "case when i % 17 = 0 then '-99' else cast(i % 30 as varchar) end",
            "summary": "'SYNTHETIC incident ' || cast(i as varchar) || ' near the Kara-Suu bazaar \u2013 caf\u00e9'",
            "related": "null",
        }
    return {
        "event_id_cnty": "'SYN' || cast(i + 1 as varchar)",
        "event_date": f"strftime({day}, '%Y-%m-%d')",
        "year": f"cast(year({day}) as varchar)",
        "actor1": _pick(ACLED_ACTORS, 3),
        "assoc_actor_1": "case when i % 5 = 0 then 'Synthetic Militia; Islamic Jihad Union' else null end",
        "actor2": "null",
        "assoc_actor_2": "null",
        "inter2": "'0'",
        "location": place,
        "timestamp": "cast(1600000000 + i as varchar)",
    }


def write(
    fmt_name: str,
    path: Path,
    rows: int,
    header: bool = True,
    project_dir: Path | None = None,
    overrides: dict[str, str] | None = None,
) -> Path:
    """Write `rows` synthetic records of `fmt_name` to `path` (GTD in cp1252, the others UTF-8). `overrides`:
    SQL expressions over the row number `i` replacing the default of a column (e.g. synthetic group names)."""
    fmt = FORMATS[fmt_name]
    codes = read_codes(project_dir or Path(__file__).resolve().parents[3])
    overrides = {**_overrides(fmt), **(overrides or {})}
    exprs = [
        f'{overrides.get(f.name, _default(fmt, f, codes, 7 + 2 * n))} as "{f.name}"'
        for n, f in enumerate(c for c in fmt.columns if not c.extra)
    ]
    sql = f"select {', '.join(exprs)} from range({rows}) as r(i)"
    path.parent.mkdir(parents=True, exist_ok=True)
    target = path.with_name(path.name + ".utf8") if fmt_name == "gtd" else path
    with duckdb.connect() as con:
        con.sql(sql).write_csv(str(target), header=header, quotechar='"')
    if fmt_name == "gtd":
        with target.open(encoding="utf-8", newline="") as src, path.open("w", encoding="cp1252", newline="") as out:
            for block in iter(lambda: src.read(1 << 20), ""):
                out.write(block)
        target.unlink()
    return path


def write_fixture(fmt_name: str, path: Path, records: list[dict[str, str]], header: bool = True) -> None:
    """Write hand-made records (unnamed columns empty) in the current published layout; GTD in cp1252."""
    fmt = FORMATS[fmt_name]
    unknown = [k for r in records for k in r if k not in fmt.published_names]
    if unknown:
        raise KeyError(f"not {fmt_name} columns: {unknown}")
    encoding = "cp1252" if fmt_name == "gtd" else "utf-8"
    with path.open("w", encoding=encoding, newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        if header:
            writer.writerow(fmt.published_names)
        for record in records:
            writer.writerow([record.get(c, "") for c in fmt.published_names])


# --- linking: synthetic record and mention sides ----------------------------------------------------------

LINKING_TYPES = {"syn_bombing": "syn_attack", "syn_armed_assault": "syn_attack", "syn_kidnapping": "syn_abduction"}


def _linking_side(
    uid: str, event: str, fmt: str | None, record: str | None, start: dt.date, days: int, **kw: object
) -> dict:
    return {
        "unique_id": uid,
        "event_id": event,
        "dataset_format": fmt,
        "record_id": record,
        "date_start": start,
        "date_end": start + dt.timedelta(days=days),
        "event_year": start.year,
        "event_category": LINKING_TYPES.get(str(kw.get("event_type"))),
        **kw,
    }


def linking_sides() -> tuple[list[dict], list[dict]]:
    """Deterministic (seeded) synthetic sides for `dataset_linking.link` (its SIDE_COLUMNS): document mentions of
    ten events (two each) and a record of each with disagreements drawn from the model's levels, plus six unrelated
    records. The record with unique id `syn_record_<e>` describes event `syn_ev_<e>`; `syn_record_x<r>` describes none.
    Used by the engine-equality test and benchmarks/linking_quality.py."""
    rng = random.Random(12)
    mentions, records = [], []
    for e in range(10):
        start = dt.date(2010 + e % 3, 1 + e, 3 + 2 * e)
        base = {
            "country_iso3": f"SY{e % 3}",
            "location_id": f"syn_loc_{e}",
            "latitude": 38.0 + e / 2,
            "longitude": 68.0 + e / 2,
            "event_type": list(LINKING_TYPES)[e % 3],
            "killed_low": 2 + 3 * e,
            "killed_high": 2 + 3 * e + (e % 2) * 4,
            "group_ids": [f"syn_org_{e % 4}"] + ([f"syn_org_{(e + 1) % 4}"] if e % 3 == 0 else []),
        }
        for m in range(2):  # two documents on each event (the second less precise)
            mentions.append(_linking_side(f"syn_mention_{e}_{m}", f"syn_ev_{e}", None, None, start, m * 2, **base))
        fmt = ("ucdp-ged", "gtd", "acled")[e % 3]
        # a record of the event with one or more disagreements drawn from the model's levels
        shift = rng.choice([0, 0, 1, 12, 45])
        changes = {
            "location_id": rng.choice([base["location_id"], base["location_id"], f"syn_loc_{e + 20}", None]),
            # the same point, about 11 km or 70 km away, or no coordinates
            "latitude": rng.choice([base["latitude"], base["latitude"] + 0.1, base["latitude"] + 0.63, None]),
            "group_ids": rng.choice([base["group_ids"], [f"syn_org_{(e + 2) % 4}"], None]),
            "killed_low": rng.choice([base["killed_low"], 2 * base["killed_low"] + 1, 100 + e, None]),
            "event_type": rng.choice([base["event_type"], base["event_type"], "syn_kidnapping"]),
        }
        record = {**base, **changes, "killed_high": None}
        if e in (1, 5):  # the record agrees with the documents on everything
            record, shift = base, 0
        if e == 4:
            record["country_iso3"] = None  # an unknown country: the place level is null
        records.append(
            _linking_side(
                f"syn_record_{e}",
                f"syn_ds_ev_{e}",
                fmt,
                f"syn_{fmt}_{e}",
                start + dt.timedelta(days=shift),
                0,
                **record,
            )
        )
    for r in range(6):  # unrelated records (other places, years and groups), one already decided
        start = dt.date(2011, 6 + r, 1)
        records.append(
            _linking_side(
                f"syn_record_x{r}",
                f"syn_ds_ev_x{r}",
                "acled",
                f"syn_acled_x{r}",
                start,
                r % 2,
                country_iso3=f"SY{r % 3}",
                location_id=f"syn_loc_{30 + r}",
                latitude=40.0 - r,
                longitude=70.0,
                event_type="syn_armed_assault",
                killed_low=r,
                killed_high=r + 1,
                group_ids=[f"syn_org_{r % 4}"],
            )
        )
    return records, mentions
