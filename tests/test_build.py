"""Build a real warehouse in a temporary folder and query it; prove failed builds publish nothing."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import duckdb
import pytest

from militancy import duckdb_memory
from militancy.build import BuildError, BuildResult, _failure_report, build

ROOT = Path(__file__).resolve().parents[1]


def test_schemas_are_named_plainly(con: duckdb.DuckDBPyConnection) -> None:
    schemas = {s for (s,) in con.execute("select schema_name from information_schema.schemata").fetchall()}
    assert {"raw", "staging", "intermediate", "marts"} <= schemas
    assert not any(s.startswith("main_") for s in schemas)


def test_dim_documents_fingerprints_match_the_corpus(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute("select file_name, sha256, char_count from marts.dim_documents order by 1").fetchall()
    corpus = sorted((ROOT / "corpus").glob("*.txt"))
    assert [r[0] for r in rows] == [p.name for p in corpus]
    for (_, sha, chars), path in zip(rows, corpus, strict=True):
        data = path.read_bytes()
        assert sha == hashlib.sha256(data).hexdigest()
        assert chars == len(data.decode("utf-8"))


def test_corpus_is_byte_identical_to_shared() -> None:
    shared = ROOT.parent / "shared" / "corpus"
    if not shared.exists():
        pytest.skip("no ../shared/corpus beside this checkout")
    for path in shared.glob("*.txt"):
        assert (ROOT / "corpus" / path.name).read_bytes() == path.read_bytes()


def test_quote_offsets_are_exact_code_points(con: duckdb.DuckDBPyConnection) -> None:
    texts = dict(con.execute("select document_id, document_text from marts.document_texts").fetchall())
    rows = con.execute(
        "select document_id, quote, char_start, char_end from intermediate.int_quotes_located"
    ).fetchall()
    regions = con.execute("select document_id, starts_with, char_start from marts.fct_document_regions").fetchall()
    assert regions, "regions are located"
    for document_id, starts_with, start in regions:
        assert texts[document_id][start : start + len(starts_with)] == starts_with
    for document_id, quote, start, end in rows:
        assert texts[document_id][start:end] == quote
        assert texts[document_id].find(quote) == start


def test_offsets_survive_curly_quotes_and_cyrillic(tmp_path: Path, project: Path) -> None:
    """A quote after U+2018, Cyrillic and en dashes gets the offsets Python gives."""
    text = (project / "corpus" / "000_6f809bf7070c5688.txt").read_text(encoding="utf-8")
    quote = "Tohir Yo\u2018ldosh, also had led Islamic Movement of Uzbekistan"
    assert quote in text
    with duckdb.connect() as con:
        start = con.execute("select strpos(?, ?) - 1", [text, quote]).fetchone()[0]
    assert start == text.find(quote)
    assert start != len(text[: text.find(quote)].encode("utf-8")), "byte and code point offsets differ here"


def _published_bytes(result: BuildResult) -> bytes:
    return result.path.read_bytes()


@pytest.mark.build
def test_bad_quote_fails_the_dbt_test_naming_the_row(project: Path) -> None:
    """Even without the Python validator, the dbt quote test fails the build and names the row."""
    path = project / "seeds" / "entities.csv"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "org_test_group,organization,militant_group,Test Group,,A test.,doc_000,Words that are not there\n",
        encoding="utf-8",
    )
    with pytest.raises(BuildError) as info:
        build(
            project,
            project / "warehouse" / "militancy.duckdb",
            echo=None,
            validate_first=False,
            check_only=("+stg_curation__entities", "+int_documents_joined"),
        )
    message = str(info.value)
    assert "quote_in_document_stg_curation__entities_quote" in message
    assert "org_test_group" in message
    assert not (project / "warehouse" / "militancy.duckdb").exists()


@pytest.mark.build
def test_failed_build_leaves_the_published_file_untouched(project: Path) -> None:
    db = project / "warehouse" / "militancy.duckdb"
    first = build(project, db, echo=None, with_tests=False)
    before = hashlib.sha256(_published_bytes(first)).hexdigest()
    regions = project / "seeds" / "document_regions.csv"
    regions.write_text(
        regions.read_text(encoding="utf-8") + "doc_000_r9,doc_000,article,No such words,at all,broken\n",
        encoding="utf-8",
    )
    with pytest.raises(BuildError, match="doc_000_r9"):
        build(
            project,
            db,
            echo=None,
            validate_first=False,
            check_only=("+stg_curation__document_regions", "+int_documents_joined"),
        )
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    with (project / "seeds" / "documents.csv").open(encoding="utf-8", newline="") as handle:
        documents = list(csv.DictReader(handle))
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from marts.dim_documents").fetchone()[0] == len(documents)


def test_concurrent_build_is_refused_with_a_clear_error(project: Path) -> None:
    import fcntl

    db = project / "warehouse" / "militancy.duckdb"
    db.parent.mkdir(parents=True)
    with (db.parent / "militancy.duckdb.lock").open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(BuildError, match="another build"):
            build(project, db, echo=None)


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else b"" for p in sorted(folder.rglob("*"))}


@pytest.mark.parametrize("taken", ["db is a folder", "current is a folder", "parquet is a file"])
def test_a_target_the_publish_could_not_switch_is_refused_before_building(project: Path, taken: str) -> None:
    """`build --db <existing folder>` (or a `current` / `parquet` that is not the build's link) fails before any
    work, and leaves no lock, partial folder or temporary link behind."""
    folder = project / "elsewhere"
    folder.mkdir()
    db = folder / "militancy.duckdb"
    if taken == "db is a folder":
        db.mkdir()
        (db / "notes.txt").write_text("mine", encoding="utf-8")
    elif taken == "current is a folder":
        (folder / "current").mkdir()
    else:
        (folder / "parquet").write_text("not a folder", encoding="utf-8")
    before = _tree(folder)
    with pytest.raises(BuildError, match="cannot publish there, nothing was built"):
        build(project, db, echo=None)
    assert _tree(folder) == before


def _run_results(project_dir: Path, results: list[dict]) -> None:
    (project_dir / "target").mkdir(parents=True)
    (project_dir / "target" / "run_results.json").write_text(json.dumps({"results": results}), encoding="utf-8")


def test_failure_report_lists_rows_of_failed_tests_only_under_the_memory_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a failed dbt build, the report names every failing node; it lists the offending rows of tests that
    failed, never re-runs the SQL of a test that errored (it could not finish once), and re-runs under the
    build's memory limit (at 10M mentions an uncapped re-run grew to 17 GB)."""
    db = tmp_path / "building.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("create table quotes as select 'q1' as quote_id, 'not in its document' as problem")
    rows_sql = "select quote_id, problem from quotes"
    big_sql = "select len(list(i)) as n from range(10000000) as t(i)"  # ~80 MB that cannot spill to disk
    _run_results(
        tmp_path,
        [
            {"unique_id": "test.m.quote_found", "status": "fail", "message": "Got 1 result", "compiled_code": rows_sql},
            {"unique_id": "test.m.errored", "status": "error", "message": "Out of Memory", "compiled_code": rows_sql},
            {"unique_id": "test.m.huge", "status": "fail", "message": "Got 9 results", "compiled_code": big_sql},
            {"unique_id": "model.m.broken", "status": "error", "message": "Binder Error", "compiled_code": rows_sql},
            {"unique_id": "model.m.fine", "status": "success", "message": None, "compiled_code": rows_sql},
        ],
    )
    monkeypatch.setenv(duckdb_memory.MEMORY_LIMIT_ENV, "20MB")
    report = _failure_report(tmp_path, db, "dbt output").splitlines()
    assert report[:2] == [
        "- FAIL: test.m.quote_found: Got 1 result",
        "    quote_id='q1', problem='not in its document'",
    ]
    assert report[2] == "- ERROR: test.m.errored: Out of Memory"  # named, its SQL not run again
    assert report[3] == "- FAIL: test.m.huge: Got 9 results"
    assert report[4].startswith("    (could not list the failing rows: Out of Memory")
    assert report[5:] == ["- ERROR: model.m.broken: Binder Error"]


def test_the_build_connections_and_dbt_share_one_memory_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """profiles.yml's default cap is the one the build's own DuckDB connections use, and both follow
    MILITANCY_MEMORY_LIMIT."""
    profiles = (ROOT / "profiles.yml").read_text(encoding="utf-8")
    env, default = duckdb_memory.MEMORY_LIMIT_ENV, duckdb_memory.DEFAULT_MEMORY_LIMIT
    spelled = f"memory_limit: \"{{{{ env_var('{env}', '{default}') }}}}\""
    assert spelled in profiles
    monkeypatch.delenv(duckdb_memory.MEMORY_LIMIT_ENV, raising=False)
    with duckdb.connect(config=duckdb_memory.capped()) as con:
        assert con.execute("select current_setting('memory_limit')").fetchone()[0] == "2.7 GiB"  # 3 GB
    monkeypatch.setenv(duckdb_memory.MEMORY_LIMIT_ENV, "512MB")
    with duckdb.connect(config=duckdb_memory.capped()) as con:
        assert con.execute("select current_setting('memory_limit')").fetchone()[0] == "488.2 MiB"
