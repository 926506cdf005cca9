"""The layouts and quirks of real downloads: every published variant registers in one stored shape, inconsistencies
a publisher ships are loaded and flagged (refused with --strict), damaged or unsafe input is refused with its line.

Each file here is written by the test from the synthetic fixtures, with one real quirk at a time; the one real file
is a five-record excerpt of UCDP GED 23.1 (CC BY 4.0, see tests/fixtures/datasets/real/README.md). No GTD or ACLED
row, real or paraphrased, is used.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import duckdb
import pytest

from conftest import DATASET_FIXTURES
from militancy.datasets import registry as datasets
from militancy.datasets.formats import FORMATS

FIXTURES = DATASET_FIXTURES
REAL_GED = FIXTURES / "real" / "ucdp_ged_231_car_excerpt.csv"


def _read(path: Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


def _write(path: Path, header: list[str], rows: list[dict[str, str]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(c, "") for c in header])
    return path


def _stored(project: Path, entry: datasets.RegisteredDataset) -> list[dict[str, str]]:
    return _read(project / "datasets" / entry.file_name)


def _refused(project: Path, path: Path, fmt: str, rows: list[dict[str, str]], encoding: str = "utf-8") -> str:
    """Write `rows` in the current published layout of `fmt` to `path`; the message `datasets add` refuses it with."""
    _write(path, list(FORMATS[fmt].published_names), rows, encoding=encoding)
    with pytest.raises(datasets.DatasetError) as info:
        datasets.add(project, path, fmt)
    return str(info.value)


def _acled_rows() -> list[dict[str, str]]:
    return _read(FIXTURES / "acled_fixture.csv")


def _ged_rows() -> list[dict[str, str]]:
    return _read(FIXTURES / "ucdp_ged_fixture.csv")


# --- UCDP GED ---------------------------------------------------------------------------------------------------


def test_real_ged_excerpt_loads_with_its_split_events_flagged(project: Path) -> None:
    entry = datasets.add(project, REAL_GED, "ucdp-ged")
    assert entry.row_count == 5
    # Records 256002 (low 7, best 6, high 7) and 255999 (low 7, best 7, high 6) are UCDP's own.
    assert entry.warnings == "ged_figures_out_of_order 2"
    stored = {r["id"]: r for r in _stored(project, entry)}
    assert (stored["256002"]["low"], stored["256002"]["best"], stored["256002"]["high"]) == ("7", "6", "7")


def test_strict_refuses_the_split_events_naming_their_lines(project: Path) -> None:
    with pytest.raises(datasets.DatasetError) as info:
        datasets.add(project, REAL_GED, "ucdp-ged", strict=True)
    message = str(info.value)
    assert "ucdp_ged_231_car_excerpt.csv line 2, column best" in message
    assert "line 3, column best" in message and "low <= best <= high" in message
    assert datasets.read_registry(project) == []


def test_a_negative_death_count_is_an_error_with_its_line(project: Path, tmp_path: Path) -> None:
    rows = _ged_rows()
    rows[1]["deaths_b"] = "-3"
    message = _refused(project, tmp_path / "ged_negative.csv", "ucdp-ged", rows)
    assert "ged_negative.csv line 3, column deaths_b: '-3' is negative" in message


def test_hdx_country_extract_with_iso3_and_an_hxl_row(project: Path, tmp_path: Path) -> None:
    header = [*FORMATS["ucdp-ged"].published_names, "iso3"]
    tags = {c: f"#{c.replace('_', '+')}" for c in header}
    rows = [{**r, "iso3": "TJK"} for r in _ged_rows()]
    path = _write(tmp_path / "conflict_data_tjk.csv", header, [tags, *rows])
    entry = datasets.add(project, path, "ucdp-ged")
    assert entry.row_count == len(rows)
    assert "HDX country extract" in entry.variant and "HXL tag row skipped" in entry.variant
    assert {r["iso3"] for r in _stored(project, entry)} == {"TJK"}


def test_candidate_ged_ids_booleans_and_code_status_text(project: Path, tmp_path: Path) -> None:
    rows = _ged_rows()
    for n, row in enumerate(rows):
        row.update(id=f"2-12345{n}", active_year="true" if n % 2 else "false", code_status="Check dyad")
    path = _write(tmp_path / "GEDEvent_v25_0_9.csv", list(FORMATS["ucdp-ged"].published_names), rows)
    entry = datasets.add(project, path, "ucdp-ged")
    assert entry.variant.startswith("Candidate GED")
    stored = _stored(project, entry)
    assert [r["active_year"] for r in stored] == ["0", "1", "0"][: len(stored)]
    assert stored[0]["id"] == "2-123450"


def test_an_older_ged_layout_by_name_with_older_names(project: Path, tmp_path: Path) -> None:
    # An older release's shape: no relid, code_status or *_dset_id, and GED 2.0's best_est/low_est/high_est.
    dropped = {"relid", "code_status", "conflict_dset_id", "dyad_dset_id", "side_a_dset_id", "side_b_dset_id"}
    renamed = {"best": "best_est", "low": "low_est", "high": "high_est"}
    header = [renamed.get(c, c) for c in FORMATS["ucdp-ged"].published_names if c not in dropped]
    rows = [{renamed.get(k, k): v for k, v in r.items()} for r in _ged_rows()]
    entry = datasets.add(project, _write(tmp_path / "ged20.csv", header, rows), "ucdp-ged")
    assert "older names best_est as best" in entry.variant and "without " in entry.variant
    stored = _stored(project, entry)
    assert stored[0]["relid"] == "" and stored[0]["best"] == _ged_rows()[0]["best"]


def test_an_unknown_column_is_still_refused(project: Path, tmp_path: Path) -> None:
    header = [*FORMATS["ucdp-ged"].published_names, "my_notes"]
    with pytest.raises(datasets.DatasetError) as info:
        datasets.add(project, _write(tmp_path / "ged.csv", header, _ged_rows()), "ucdp-ged")
    assert "unexpected ['my_notes']" in str(info.value)


# --- ACLED ------------------------------------------------------------------------------------------------------


def test_acled_pre_2023_export_keeps_its_own_columns(project: Path) -> None:
    entry = datasets.add(project, FIXTURES / "acled_pre2023_fixture.csv", "acled")
    assert entry.variant.startswith("pre-2023 export")
    assert "without civilian_targeting, disorder_type, tags" in entry.variant and "NA for missing" in entry.variant
    stored = _stored(project, entry)
    assert [r["data_id"] for r in stored] == ["8101", "8102"] and stored[0]["iso3"] == "KGZ"
    assert stored[0]["disorder_type"] == "" and stored[1]["fatalities"] == ""  # absent; R's NA


def test_acled_monadic_export(project: Path, tmp_path: Path) -> None:
    header = [c for c in FORMATS["acled"].published_names if c not in ("actor2", "assoc_actor_2", "inter2")]
    entry = datasets.add(project, _write(tmp_path / "acled_monadic.csv", header, _acled_rows()), "acled")
    assert entry.variant.startswith("monadic export")
    assert {r["actor2"] for r in _stored(project, entry)} == {""}


def test_acled_labels_dates_and_r_missing_values(project: Path, tmp_path: Path) -> None:
    rows = _acled_rows()
    rows[0].update(inter1="State forces", inter2="Rebel group", interaction="State forces-Rebel group")
    rows[1].update(event_date="9-May-20", year="2020", inter1="Rioters", interaction="Rioters only", tags="NA")
    rows[2].update(event_date="09 March 2020", year="2020", admin3="NA", civilian_targeting="NA")
    path = _write(tmp_path / "acled_r.csv", list(FORMATS["acled"].published_names), rows)
    entry = datasets.add(project, path, "acled")
    assert "actor types as labels" in entry.variant and "NA for missing" in entry.variant
    stored = _stored(project, entry)
    assert (stored[0]["inter1"], stored[0]["inter2"], stored[0]["interaction"]) == ("1", "2", "12")
    assert (stored[1]["inter1"], stored[1]["interaction"], stored[1]["tags"]) == ("5", "50", "")
    assert stored[1]["event_date"] == "9-May-20"  # kept as published; staging parses it
    assert stored[2]["admin3"] == ""


def test_an_unparseable_acled_date_names_its_line(project: Path, tmp_path: Path) -> None:
    rows = _acled_rows()
    rows[2]["event_date"] = "2020/03/09?"
    message = _refused(project, tmp_path / "acled_bad_date.csv", "acled", rows)
    assert "acled_bad_date.csv line 4, column event_date: '2020/03/09?' is not a date" in message


def _xlsx(rows_csv: Path, dest: Path, serial_column: str | None = None) -> Path:
    """Write a CSV as an XLSX sheet with DuckDB's excel extension (numbers as numbers, as Excel stores them)."""
    with duckdb.connect() as con:
        con.execute(f"load '{datasets._excel_extension()}'")
        rel = con.sql("select * from read_csv(?, header = true, all_varchar = true)", params=[str(rows_csv)])
        columns = []
        for name in rel.columns:
            quoted = f'"{name}"'
            if name == serial_column:  # a date cell as Excel stores it: days since 1899-12-30
                days = f"date_diff('day', date '1899-12-30', try_cast({quoted} as date))"
                columns.append(f"cast({days} as double) as {quoted}")
            elif name in ("eventid", "iyear", "nkill", "nwound", "fatalities", "latitude"):
                columns.append(f"try_cast({quoted} as double) as {quoted}")
            else:
                columns.append(quoted)
        rel.create_view("sheet")
        con.execute(f"copy (select {', '.join(columns)} from sheet) to '{dest}' (format xlsx, header true)")
    return dest


def test_acled_xlsx_export(project: Path, tmp_path: Path) -> None:
    sheet = _xlsx(FIXTURES / "acled_fixture.csv", tmp_path / "acled_export.xlsx")
    entry = datasets.add(project, sheet, "acled")
    assert entry.original_encoding == "xlsx" and entry.row_count == len(_acled_rows())
    assert [r["fatalities"] for r in _stored(project, entry)] == [r["fatalities"] for r in _acled_rows()]


# --- GTD --------------------------------------------------------------------------------------------------------


def _gtd_rows() -> list[dict[str, str]]:
    return _read(FIXTURES / "gtd_fixture.csv", encoding="cp1252")


def test_gtd_xlsx_resolution_serials_and_fractional_counts(project: Path, tmp_path: Path) -> None:
    rows = _gtd_rows()
    rows[0].update(extended="1", resolution="2010-09-21", nkill="19.8")
    flat = _write(tmp_path / "gtd.csv", list(FORMATS["gtd"].published_names), rows)
    entry = datasets.add(project, _xlsx(flat, tmp_path / "globalterrorismdb_test.xlsx", "resolution"), "gtd")
    stored = _stored(project, entry)
    assert stored[0]["resolution"] == "2010-09-21"  # from the serial 40442
    assert stored[0]["nkill"] == "19.8" and stored[0]["eventid"] == rows[0]["eventid"]


def test_gtd_negative_count_is_an_error_but_its_unknown_markers_are_not(project: Path, tmp_path: Path) -> None:
    rows = _gtd_rows()
    rows[0]["nkill"], rows[1]["nwound"], rows[2]["nkill"] = "-5", "-99", "-9"
    message = _refused(project, tmp_path / "gtd_neg.csv", "gtd", rows, encoding="cp1252")
    assert "gtd_neg.csv line 2, column nkill: '-5' is negative" in message
    assert "nwound" not in message and "line 4" not in message


def test_a_truncated_xlsx_names_the_file(project: Path, tmp_path: Path) -> None:
    sheet = _xlsx(FIXTURES / "acled_fixture.csv", tmp_path / "whole.xlsx")
    cut = tmp_path / "acled_cut.xlsx"
    cut.write_bytes(sheet.read_bytes()[: sheet.stat().st_size // 2])
    with pytest.raises(datasets.DatasetError) as info:
        datasets.add(project, cut, "acled")
    assert "acled_cut.xlsx" in str(info.value) and "cannot be read as an XLSX workbook" in str(info.value)


# --- inputs refused safely --------------------------------------------------------------------------------------


def test_a_registry_path_outside_the_datasets_folder_is_refused(project: Path, tmp_path: Path) -> None:
    datasets.add(project, FIXTURES / "acled_fixture.csv", "acled")
    registry = project / "datasets" / "registry.csv"
    rows = _read(registry)
    rows[0]["file_name"] = "../../../etc/passwd"
    _write(registry, list(datasets.REGISTRY_COLUMNS), rows)
    with pytest.raises(datasets.DatasetError) as info:
        datasets.check_registered(project)
    assert "registry.csv line 2, column file_name: '../../../etc/passwd' is not a stored copy" in str(info.value)
    with pytest.raises(datasets.DatasetError):
        datasets.snapshot_registered(project, tmp_path / "snapshot")
    assert not (tmp_path / "snapshot" / "etc").exists()


def test_the_same_file_under_another_release_is_not_registered_twice(project: Path, tmp_path: Path) -> None:
    first = datasets.add(project, FIXTURES / "acled_fixture.csv", "acled")
    copy = tmp_path / "acled_renamed.csv"
    copy.write_bytes((FIXTURES / "acled_fixture.csv").read_bytes())
    with pytest.raises(datasets.AlreadyRegistered) as info:
        datasets.add(project, copy, "acled", release="2024-01")
    assert first.dataset_id in str(info.value)
    assert [e.dataset_id for e in datasets.read_registry(project)] == [first.dataset_id]


def test_an_error_list_says_how_many_problems_there_are_in_all(project: Path, tmp_path: Path) -> None:
    rows = [dict(r) for r in _acled_rows() for _ in range(4)]
    for n, row in enumerate(rows):
        row.update(event_id_cnty=f"TJK{n:04}", geo_precision="9")
    message = _refused(project, tmp_path / "acled_many.csv", "acled", rows)
    assert message.startswith(f"{len(rows)} problem(s), {datasets.ROWS_SHOWN} shown")
    assert f"({len(rows)} records in all)" in message


def test_a_file_is_read_as_a_stream(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The whole file is never read into memory at once: reading it with read_bytes() fails the test.
    def refuse(self: Path) -> bytes:
        raise AssertionError(f"read whole: {self}")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    entry = datasets.add(project, FIXTURES / "gtd_fixture.csv", "gtd")
    assert entry.original_encoding == "cp1252"


def test_normalised_copy_is_utf8_csv_in_the_stored_layout(project: Path) -> None:
    entry = datasets.add(project, REAL_GED, "ucdp-ged")
    text = (project / "datasets" / entry.file_name).read_text(encoding="utf-8")
    header = next(csv.reader(io.StringIO(text)))
    assert header == list(FORMATS["ucdp-ged"].column_names)


def test_the_generated_gazetteer_seeds_are_up_to_date() -> None:
    from militancy.datasets import gazetteer

    root = Path(__file__).resolve().parents[2]
    assert gazetteer.write_seed(root, check=True), "run `militancy datasets gazetteer`"
