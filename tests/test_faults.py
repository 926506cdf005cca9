"""Faults during a build, on real builds in a temporary folder: a seed edited mid-build, crashes between the
publishing steps (fault injection), a full disk, SIGINT/SIGTERM during dbt, and readers of old releases.

The slower full-disk case on a real small file system is in tests/faults/full_disk.py."""

from __future__ import annotations

import csv
import fcntl
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from conftest import copy_project
from militancy import build as builder
from militancy import textcheck
from militancy.validate import SeedError, validate

BIN = Path(sys.executable).parent
MID_BUILD_ROW = "org_edited_mid_build,organization,militant_group,Edited,,A test.,doc_000,Words that are not there\n"
CHROME_ALIAS = (
    "doc_002_al900,org_imu,Islamic Movement of Uzbekistan,canonical,doc_002,false,Islamic Movement of Uzbekistan,"
)


def _state(db: Path) -> tuple[str, str, str, list[str]]:
    """What a reader sees: the resolved files, the database bytes, the Parquet files."""
    parquet = db.parent / "parquet"
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    return os.path.realpath(db), os.path.realpath(parquet), digest, sorted(p.name for p in parquet.iterdir())


def _leftovers(db: Path) -> list[str]:
    folder = db.parent
    names = [p.name for p in (folder / "builds").iterdir() if p.name.endswith(".partial")]
    names += [p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".building", ".wal"))]
    return names


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, builder.BuildResult]:
    """One published build of a project with CRLF seeds, an unregistered corpus file, an alias quoted first in page
    chrome, and a seed edited (to an invalid row) right after the build took its snapshot."""
    project = copy_project(tmp_path_factory.mktemp("faults") / "project")
    entities = project / "seeds" / "entities.csv"
    entities.write_bytes(entities.read_bytes().replace(b"\n", b"\r\n"))
    aliases = project / "seeds" / "entity_aliases.csv"
    aliases.write_text(aliases.read_text(encoding="utf-8") + CHROME_ALIAS + "\n", encoding="utf-8")
    (project / "corpus" / "005_not_registered.txt").write_text("Not a registered document.\n", encoding="utf-8")

    def edit_seed() -> None:
        with entities.open("a", encoding="utf-8", newline="") as handle:
            handle.write(MID_BUILD_ROW)

    builder.FAULT_HOOKS["snapshot"] = edit_seed
    try:
        result = builder.build(project, project / "warehouse" / "militancy.duckdb", echo=None, with_tests=False)
    finally:
        builder.FAULT_HOOKS.clear()
    with pytest.raises(SeedError, match="org_edited_mid_build"):
        validate(project)  # the edit is invalid: the build above did not load it unchecked (see the first test)
    entities.write_bytes(entities.read_bytes().replace(MID_BUILD_ROW.encode(), b""))
    return project, result


def test_a_seed_edited_during_the_build_is_not_loaded(published: tuple[Path, builder.BuildResult]) -> None:
    _, result = published
    with duckdb.connect(str(result.path), read_only=True) as con:
        ids = {r[0] for r in con.execute("select entity_id from staging.stg_curation__entities").fetchall()}
    assert "org_imu" in ids and "org_edited_mid_build" not in ids
    snapshot = (result.release / "inputs" / "seeds" / "entities.csv").read_bytes()
    assert b"org_edited_mid_build" not in snapshot, "the release keeps the inputs it was built from"


def test_validator_and_warehouse_agree_on_crlf_and_on_which_occurrence_counts(
    published: tuple[Path, builder.BuildResult],
) -> None:
    project, result = published
    text = next((project / "corpus").glob("002_*.txt")).read_text(encoding="utf-8")
    first = text.find("Islamic Movement of Uzbekistan")
    with duckdb.connect(str(result.path), read_only=True) as con:
        start, chrome_end = con.execute(
            "select e.char_start, r.char_end from marts.fct_evidence as e"
            " inner join marts.fct_document_regions as r on r.region_id = 'doc_002_r1'"
            " where e.fact_id = 'doc_002_al900'"
        ).fetchone()
        carriage_returns = con.execute(
            "select count(*) from staging.stg_curation__entities where quote like '%' || chr(13) || '%'"
        ).fetchone()[0]
    assert first < chrome_end <= start, "the first occurrence is in the page header; the article one counts"
    assert start == textcheck.locate_quote(text, "Islamic Movement of Uzbekistan", [(first, chrome_end)]).char_start
    assert carriage_returns == 0


def test_an_unregistered_corpus_file_is_a_warning_and_not_loaded(published: tuple[Path, builder.BuildResult]) -> None:
    _, result = published
    assert any("corpus/005_not_registered.txt" in str(w) for w in result.warnings)
    with duckdb.connect(str(result.path), read_only=True) as con:
        files = [r[0] for r in con.execute("select file_name from staging.stg_corpus__document_texts").fetchall()]
    assert len(files) == 5 and "005_not_registered.txt" not in files


def test_database_and_parquet_are_published_as_one_unit(published: tuple[Path, builder.BuildResult]) -> None:
    _, result = published
    db = result.path
    assert db.is_symlink() and (db.parent / "parquet").is_symlink()
    assert Path(os.path.realpath(db)).parent == Path(os.path.realpath(db.parent / "parquet")).parent == result.release
    with duckdb.connect(str(db), read_only=True) as con:
        events = con.execute("select count(*) from marts.fct_events").fetchone()[0]
        from_parquet = con.execute(f"select count(*) from '{db.parent / 'parquet' / 'fct_events.parquet'}'").fetchone()
    assert from_parquet[0] == events


def test_a_fault_after_the_parquet_export_leaves_both_as_they_were(
    published: tuple[Path, builder.BuildResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    step = "parquet"
    project, result = published
    before = _state(result.path)
    releases = sorted(p.name for p in (result.path.parent / "builds").iterdir())
    monkeypatch.setenv(builder.FAULT_ENV, f"{step}:raise")
    with pytest.raises(builder.BuildError, match=f"fault injected after {step}"):
        builder.build(project, result.path, echo=None, validate_first=False)
    assert _state(result.path) == before
    assert sorted(p.name for p in (result.path.parent / "builds").iterdir()) == releases
    assert _leftovers(result.path) == []


def _militancy(args: list[str], cwd: Path, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(BIN / "militancy"), *args],
        cwd=cwd,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_crash_before_the_switch_publishes_nothing_and_the_next_build_cleans_up(
    published: tuple[Path, builder.BuildResult],
) -> None:
    project, result = published
    before = _state(result.path)
    db = str(result.path)
    crashed = _militancy(["build", "--db", db], project, MILITANCY_FAULT="release:kill")
    crashed.communicate(timeout=600)
    assert crashed.returncode == -signal.SIGKILL
    assert _state(result.path) == before
    current = Path(os.path.realpath(result.path.parent / "current")).name
    orphans = [p.name for p in (result.path.parent / "builds").iterdir() if p.name > current]
    assert orphans, "the killed build left a complete release that was never published"
    # The next build removes it at its start (here it then stops at an injected fault after validation).
    cleaner = _militancy(["build", "--db", db], project, MILITANCY_FAULT="validate:enospc")
    _, err = cleaner.communicate(timeout=600)
    assert cleaner.returncode == 1
    assert len(err.strip().splitlines()) == 1 and "disk full" in err and "Traceback" not in err
    assert not [p for p in (result.path.parent / "builds").iterdir() if p.name > current]
    assert _leftovers(result.path) == []
    assert _state(result.path) == before


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        children = task / "children"
        if children.exists():
            found += [int(c) for c in children.read_text().split()]
    return found


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_dbt_before_the_lock_is_released(
    published: tuple[Path, builder.BuildResult], signum: int
) -> None:
    if not Path("/proc/self/task").exists():
        pytest.skip("needs Linux /proc to find the dbt child")
    project, result = published
    before = _state(result.path)
    # A full build: a refresh of unchanged inputs runs so few dbt nodes that they may end before the signal.
    proc = _militancy(["build", "--full-refresh", "--db", str(result.path)], project)
    deadline = time.monotonic() + 120
    dbt_pid = None
    while time.monotonic() < deadline and dbt_pid is None:
        for child in _children(proc.pid):
            with open(f"/proc/{child}/cmdline", "rb") as cmdline:
                if b"dbt" in cmdline.read():
                    dbt_pid = child
        time.sleep(0.1)
    assert dbt_pid, "dbt did not start"
    time.sleep(2)  # let dbt get going
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert err.strip().splitlines()[-1].endswith("nothing was published and the partial build was removed")
    assert "Traceback" not in err
    assert not Path(f"/proc/{dbt_pid}").exists(), "the dbt child had exited before the CLI ended"
    with (result.path.parent / "militancy.duckdb.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # free
    assert _state(result.path) == before
    assert _leftovers(result.path) == []


def test_old_releases_are_removed_but_not_while_open(tmp_path: Path) -> None:
    layout = builder.Layout(tmp_path / "warehouse" / "militancy.duckdb")
    names = ["20200101T000000000000Z-1", "20200102T000000000000Z-1", "20200103T000000000000Z-1"]
    names += ["20200104T000000000000Z-1", "20200105T000000000000Z-1"]
    for name in names:
        (layout.builds / name).mkdir(parents=True)
        with duckdb.connect(str(layout.builds / name / "militancy.duckdb")) as con:
            con.execute("create table t as select 1 as x")
    builder._symlink(f"builds/{names[-1]}", layout.current)
    reader = duckdb.connect(str(layout.builds / names[1] / "militancy.duckdb"), read_only=True)
    try:
        builder._collect_garbage(layout)
        kept = sorted(p.name for p in layout.builds.iterdir())
        assert kept == [names[1], names[3], names[4]], "open, previous and current are kept"
        assert reader.execute("select x from t").fetchone() == (1,)
    finally:
        reader.close()


def test_csv_seeds_round_trip_through_dbt_unchanged(published: tuple[Path, builder.BuildResult]) -> None:
    """Every quote dbt loaded is byte for byte what the validator read (newlines, U+2028, curly quotes)."""
    project, result = published
    with (project / "seeds" / "event_mentions.csv").open(encoding="utf-8", newline="") as handle:
        expected = {r["mention_id"]: r["quote"] for r in csv.DictReader(handle)}
    with duckdb.connect(str(result.path), read_only=True) as con:
        loaded = dict(con.execute("select mention_id, quote from staging.stg_curation__event_mentions").fetchall())
    assert loaded == {k: v.replace("\r\n", "\n") for k, v in expected.items()}


def test_first_publish_replaces_the_earlier_in_place_layout(tmp_path: Path) -> None:
    """A warehouse folder from before releases (a plain file and a plain parquet folder) is switched over, and a
    reader holding the old plain file keeps reading it."""
    layout = builder.Layout(tmp_path / "warehouse" / "militancy.duckdb")
    layout.parquet.mkdir(parents=True)
    (layout.parquet / "old.parquet").write_bytes(b"old")
    with duckdb.connect(str(layout.db)) as con:
        con.execute("create table t as select 'old' as v")
    reader = duckdb.connect(str(layout.db), read_only=True)
    release = layout.builds / "20200101T000000000000Z-1"
    (release / "parquet").mkdir(parents=True)
    with duckdb.connect(str(release / "militancy.duckdb")) as con:
        con.execute("create table t as select 'new' as v")
    try:
        builder._publish(layout, release)
        assert layout.db.is_symlink() and layout.parquet.is_symlink()
        assert Path(os.path.realpath(layout.db)) == release / "militancy.duckdb"
        assert Path(os.path.realpath(layout.parquet)) == release / "parquet"
        assert reader.execute("select v from t").fetchone() == ("old",)
        with duckdb.connect(str(layout.db), read_only=True) as con:
            assert con.execute("select v from t").fetchone() == ("new",)
        assert not list(layout.folder.glob("parquet.old-*"))
    finally:
        reader.close()
