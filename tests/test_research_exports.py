"""The UCDP-GED- and GTD-shaped exports: exactly the published columns, and every filled value maps back to the
warehouse (dates and their precision, ranges, attribution)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from militancy.build import BuildResult
from militancy.datasets.formats import GTD_ATTACK_TYPE_CODES, GTD_COLUMNS, UCDP_GED_COLUMNS
from militancy.research_exports import (
    EXPORTS,
    GED_ID_BASE,
    GTD,
    GTD_SEQUENCE_BASE,
    UCDP_GED,
    write_shaped_exports,
)


@pytest.fixture(scope="module")
def exported(built: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("exports")
    write_shaped_exports(built.path, out)
    return out


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def events(con: duckdb.DuckDBPyConnection) -> dict[str, dict]:
    cursor = con.execute("select * from marts.fct_events")
    names = [d[0] for d in cursor.description]
    return {row[0]: dict(zip(names, row, strict=True)) for row in cursor.fetchall()}


def number(value: str) -> int | None:
    return int(value) if value != "" else None


def test_the_layouts_are_the_published_ones() -> None:
    assert len(UCDP_GED_COLUMNS) == 49 == len(set(UCDP_GED_COLUMNS))
    assert UCDP_GED_COLUMNS[:3] == ("id", "relid", "year")
    assert UCDP_GED_COLUMNS[-5:] == ("best", "high", "low", "gwnoa", "gwnob")
    assert len(GTD_COLUMNS) == 135 == len(set(GTD_COLUMNS))
    assert GTD_COLUMNS[:6] == ("eventid", "iyear", "imonth", "iday", "approxdate", "extended")
    assert GTD_COLUMNS[-5:] == ("INT_LOG", "INT_IDEO", "INT_MISC", "INT_ANY", "related")
    for export in EXPORTS:
        assert set(export.mapped) <= set(export.columns), export.name


def test_files_have_exactly_the_published_columns(exported: Path) -> None:
    for export, layout in ((UCDP_GED, UCDP_GED_COLUMNS), (GTD, GTD_COLUMNS)):
        header, rows = read(exported / export.file_name)
        assert tuple(header) == layout
        assert rows, export.name
        unmapped = [c for c in layout if c not in export.mapped]
        assert all(row[c] == "" for row in rows for c in unmapped), f"{export.name}: an uncoded column has a value"


def test_ged_rows_map_back_to_events(exported: Path, con: duckdb.DuckDBPyConnection) -> None:
    _, rows = read(exported / UCDP_GED.file_name)
    by_id = events(con)
    assert sorted(r["relid"] for r in rows) == sorted(by_id)
    places = dict(con.execute("select place_id, place_type from marts.dim_places").fetchall())
    for row in rows:
        event = by_id[row["relid"]]
        start = dt.date.fromisoformat(row["date_start"]) if row["date_start"] else None
        end = dt.date.fromisoformat(row["date_end"]) if row["date_end"] else None
        assert (start, end) == (event["date_start"], event["date_end"])
        assert number(row["year"]) == event["event_year"]
        assert number(row["low"]) == event["killed_low"]
        assert number(row["high"]) == event["killed_high"]
        best = number(row["best"])
        if best is not None:
            assert best == event["killed_low"] == event["killed_high"]
        else:
            assert event["killed_low"] is None or event["killed_low"] != event["killed_high"]
        prec = number(row["date_prec"])
        if prec == 1:
            assert start == end
        elif prec in (2, 3):
            assert event["date_precision"] == "days" and 2 <= (end - start).days + 1 <= (6 if prec == 2 else 7)
        elif prec == 4:
            assert (start.year, start.month) == (end.year, end.month) and start != end
        elif prec == 5:
            assert start.year == end.year and (start.month != end.month)
        else:
            assert prec is None and (start is None or start.year != end.year)
        where = number(row["where_prec"])
        place_type = places.get(event["location_id"])
        expected = {"city": 1, "town": 1, "village": 1, "site": 1, "district": 3, "province": 4, "country": 6}
        if place_type in expected:
            assert where == expected[place_type], row["relid"]
        elif place_type in ("valley", "border_area", "region"):
            assert where == 5
        assert number(row["number_of_sources"]) == event["document_count"]
        assert row["country"] == (event["country"] or "")


def test_ged_sides_come_from_the_event_groups(exported: Path, con: duckdb.DuckDBPyConnection) -> None:
    _, rows = read(exported / UCDP_GED.file_name)
    groups: dict[str, dict[str, set[str]]] = {}
    for event_id, name, role, attribution in con.execute(
        "select event_id, group_name, role, attribution from marts.fct_event_groups"
    ).fetchall():
        if attribution != "disputed":
            groups.setdefault(event_id, {}).setdefault(role, set()).add(name)
    checked = 0
    for row in rows:
        roles = groups.get(row["relid"], {})
        side_a = set(filter(None, row["side_a"].split("; ")))
        side_b = set(filter(None, row["side_b"].split("; ")))
        if roles.get("authority"):
            assert side_a == roles["authority"]
        else:
            assert side_a == roles.get("perpetrator", set()) | roles.get("claimant", set())
            assert side_b == roles.get("target", set())
        checked += bool(side_a)
    assert checked > 10


def md5_number(text: str, start: int) -> int:
    return int(hashlib.md5(text.encode()).hexdigest()[start : start + 8], 16)


def test_numeric_ids_are_unique_and_derived_from_the_event_id_alone(exported: Path) -> None:
    _, ged = read(exported / UCDP_GED.file_name)
    assert len({r["id"] for r in ged}) == len(ged)
    for row in ged:  # no clash in this corpus, so each id is exactly the documented formula, in the reserved range
        assert int(row["id"]) == GED_ID_BASE + md5_number(row["relid"], 0) % 200000000 >= 1_900_000_000
    _, gtd = read(exported / GTD.file_name)
    assert len({r["eventid"] for r in gtd}) == len(gtd)
    for row in gtd:
        event_id = gtd_event_id(row)
        date_part = int(row["iyear"] or 0) * 10000 + int(row["imonth"]) * 100 + int(row["iday"])
        assert row["eventid"] == f"{date_part:08d}{GTD_SEQUENCE_BASE + md5_number(event_id, 8) % 1000:04d}"


def gtd_event_id(row: dict[str, str]) -> str:
    match = re.match(r"Militancy Warehouse event (\S+?)(;|$)", row["addnotes"])
    assert match, row["addnotes"]
    return match.group(1)


def test_gtd_rows_map_back_to_attacks(exported: Path, con: duckdb.DuckDBPyConnection) -> None:
    _, rows = read(exported / GTD.file_name)
    by_id = events(con)
    attacks = {k for k, v in by_id.items() if v["is_attack"]}
    assert sorted(gtd_event_id(r) for r in rows) == sorted(attacks)
    strength = ("disputed", "suspected", "alleged", "claimed", "confirmed")
    perpetrators: dict[str, dict[str, str]] = {}
    for event_id, name, attribution in con.execute(
        "select event_id, group_name, attribution from marts.fct_event_groups where role in ('perpetrator', 'claimant')"
    ).fetchall():
        known = perpetrators.setdefault(event_id, {})
        known[name] = max(attribution, known.get(name, "disputed"), key=strength.index)
    for row in rows:
        event = by_id[gtd_event_id(row)]
        start, end = event["date_start"], event["date_end"]
        year, month, day = number(row["iyear"]), number(row["imonth"]), number(row["iday"])
        assert year == (start.year if start else None)
        if day:
            assert start == end == dt.date(year, month, day)
            assert row["approxdate"] == ""
        else:
            assert start != end
            if start is not None:
                assert row["approxdate"] == f"{start.isoformat()}/{end.isoformat()}"
        if month:
            assert (start.year, start.month) == (end.year, end.month) == (year, month)
        elif start is not None:
            assert (start.year, start.month) != (end.year, end.month)
        assert number(row["nkill"]) == event["killed_low"]
        assert number(row["nwound"]) == event["wounded_low"]
        if row["attacktype1_txt"]:
            assert GTD_ATTACK_TYPE_CODES[row["attacktype1_txt"]] == number(row["attacktype1"])
        known = perpetrators.get(gtd_event_id(row), {})
        names = [row[c] for c in ("gname", "gname2", "gname3") if row[c]]
        if not known:  # no perpetrator recorded: empty, never GTD's "Unknown"
            assert names == [] and row["guncertain1"] == ""
            continue
        assert set(names) <= set(known) and len(names) == min(3, len(known))
        for name, flag in zip(names, ("guncertain1", "guncertain2", "guncertain3"), strict=False):
            assert number(row[flag]) == (0 if known[name] in ("confirmed", "claimed") else 1)


def test_an_id_clash_takes_the_next_number(built: BuildResult, tmp_path: Path) -> None:
    """Two attacks on the same day whose md5-derived GTD numbers clash: the second (by event_id) takes the next."""
    names = {}
    for i in range(100000):
        name = f"ev_2011_clash_{i}"
        seq = GTD_SEQUENCE_BASE + md5_number(name, 8) % 1000
        if seq in names and seq < 9999:
            first, second = sorted((names[seq], name))  # the next number goes to the later event_id
            break
        names[seq] = name
    db = tmp_path / "db" / built.path.name  # same file name: the staging views name their catalog after it
    db.parent.mkdir()
    shutil.copyfile(built.path, db)
    with duckdb.connect(str(db)) as con:
        for name in (first, second):
            con.execute(
                "insert into marts.fct_events select * replace (? as event_id, date '2011-05-04' as date_start, "
                "date '2011-05-04' as date_end, 2011 as event_year) from marts.fct_events where is_attack limit 1",
                [name],
            )
    write_shaped_exports(db, tmp_path)
    _, rows = read(tmp_path / GTD.file_name)
    ids = {gtd_event_id(r): r["eventid"] for r in rows}
    assert ids[first] == f"20110504{seq:04d}" and ids[second] == f"20110504{seq + 1:04d}"


def test_exports_are_accepted_by_the_dataset_importer(exported: Path, project: Path) -> None:
    """Both ways: the files a researcher gets from a release pass `militancy datasets add`, the importer that
    checks users' UCDP GED and GTD downloads (exact columns, types, codes inside the codebook), every row."""
    from militancy.datasets import registry as datasets

    for export, format_name in ((UCDP_GED, "ucdp-ged"), (GTD, "gtd")):
        _, rows = read(exported / export.file_name)
        entry = datasets.add(project, exported / export.file_name, format_name)
        assert entry.row_count == len(rows) > 0
    assert {e.format for e in datasets.read_registry(project)} == {"ucdp-ged", "gtd"}
