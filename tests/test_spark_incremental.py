"""Incremental refresh on Spark (dbt-spark's insert_overwrite into tables partitioned by document_id), proven equal to
DuckDB row for row. Run by `make test-spark`; skipped when the Spark venv (.venv-spark) is absent.

The real corpus plus two synthetic test copies of real documents, with the UCDP GED, GTD and ACLED fixture files
registered (every variant: conftest.DATASET_FIXTURE_FILES), is built in full on both engines and compared (every
public mart), and `militancy datasets link` must propose the same links on both (Splink's DuckDB and Spark
backends). Then the change set of tests/test_incremental.py (a document added with its rows, a figure and a quote of
existing documents changed, a document removed with all its rows) is planned with the refresh planning of `militancy
build` (refresh.input_state / refresh.plan / refresh.select, written for dbt by refresh.write_changes). Spark
refreshes its tables in place with `dbt build` of the seeds and models the changes reach (the five per-document
marts incremental; the rest kept from the first build), while DuckDB builds the changed inputs in full (with every
test): every public mart must again be equal. The Parquet files of the unchanged documents' partitions must be the
very files of the first build (not recomputed), and the removed document's partition must be gone."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, register_dataset_fixtures
from militancy import engine_compare, refresh
from militancy.build import prepare_inputs
from test_incremental import add_synthetic_copy, apply_change_set

SPARK_DBT = Path(os.environ.get("MILITANCY_SPARK_DBT") or ROOT / engine_compare.SPARK_VENV / "bin" / "dbt")
BY_DOCUMENT = ("fct_event_mentions", "fct_event_actors", "fct_evidence", "document_texts", "document_passages")

pytestmark = [
    pytest.mark.spark,
    pytest.mark.skipif(not SPARK_DBT.exists(), reason=f"{SPARK_DBT} not found (`make spark-install`)"),
]


def _files(tables: Path, table: str) -> dict[str, set[tuple[str, int]]]:
    """Partition folder -> its Parquet files (name, modification time in ns)."""
    folder = tables / "marts.db" / table
    found: dict[str, set[tuple[str, int]]] = {}
    for path in folder.glob("*/*.parquet"):
        found.setdefault(path.parent.name, set()).add((path.name, path.stat().st_mtime_ns))
    return found


@pytest.fixture(scope="module")
def spark_refresh(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    work = tmp_path_factory.mktemp("spark-incremental")
    project = copy_project(work / "project")
    (project / engine_compare.SPARK_VENV).symlink_to(SPARK_DBT.parent.parent)
    add_synthetic_copy(project, "doc_901")
    add_synthetic_copy(project, "doc_902")
    register_dataset_fixtures(project)
    spark_dir = work / "spark"
    spark_dir.mkdir()
    tables = spark_dir / "tables"
    result: dict[str, object] = {"tables": tables}

    first = work / "first"
    validation = prepare_inputs(project, first, print)
    before = refresh.input_state(first, validation)
    refresh.write_changes(refresh.Plan(False, "first build"), first)
    engine_compare.prepare_spark_sources(first, print)
    engine_compare.duckdb_build(first, work / "duckdb-first" / "militancy.duckdb", print)
    engine_compare.spark_build(project, first, spark_dir, print)
    result["first diffs"] = engine_compare.compare_builds(
        work / "duckdb-first" / "militancy.duckdb", tables, first, print
    )
    result["files before"] = {table: _files(tables, table) for table in BY_DOCUMENT}
    result["linking diffs"] = engine_compare.compare_linking(
        project, first, spark_dir, work / "duckdb-first" / "militancy.duckdb", print
    )

    apply_change_set(project)
    second = work / "second"
    validation = prepare_inputs(project, second, print)
    after = refresh.input_state(second, validation)
    plan = refresh.plan(before, after, full_refresh=False)
    result["plan"] = plan
    refresh.write_changes(plan, second, work / "duckdb-first" / "militancy.duckdb")
    engine_compare.prepare_spark_sources(second, print)
    engine_compare.duckdb_build(second, work / "duckdb-second" / "militancy.duckdb", print)
    # The refresh as `militancy build` plans it (refresh.select on the first build's manifest): the seeds and
    # models its changed files reach, no data tests (the DuckDB build of the same inputs ran every test, and the
    # marts must equal it); the rest stay as the first build left them.
    manifest = json.loads((first / "target-duckdb" / "manifest.json").read_text(encoding="utf-8"))
    selection = refresh.select(manifest, plan, set(after.loaded), "marts")
    result["selection"] = selection
    engine_compare.spark_build(
        project,
        second,
        spark_dir,
        print,
        selection=("--resource-type", "seed", "--resource-type", "model", "--select", *selection.names),
    )
    result["second diffs"] = engine_compare.compare_builds(
        work / "duckdb-second" / "militancy.duckdb", tables, second, print
    )
    result["files after"] = {table: _files(tables, table) for table in BY_DOCUMENT}
    return result


def _problems(diffs: list[engine_compare.MartDiff]) -> str:
    return "\n".join(f"{d.name}: {p}" for d in diffs for p in d.problems[:6])


def test_full_spark_build_equals_duckdb(spark_refresh: dict[str, object]) -> None:
    diffs = spark_refresh["first diffs"]
    assert len(diffs) >= 20  # type: ignore[arg-type]
    assert not any(diffs), _problems(diffs)  # type: ignore[arg-type]


def test_dataset_linking_proposes_the_same_links_on_both_engines(spark_refresh: dict[str, object]) -> None:
    diffs = spark_refresh["linking diffs"]
    assert len(diffs) == 1  # type: ignore[arg-type]  # the project has dataset records: the comparison ran
    assert not any(diffs), _problems(diffs)  # type: ignore[arg-type]


def test_the_refresh_is_planned_incremental(spark_refresh: dict[str, object]) -> None:
    plan = spark_refresh["plan"]
    assert plan.incremental, plan  # type: ignore[attr-defined]
    names = set(spark_refresh["selection"].names)  # type: ignore[attr-defined]
    assert {"fct_event_mentions", "fct_events", "stg_build__document_changes"} <= names
    assert "stg_curation__entities" not in names, "an unchanged seed's model is kept, not rebuilt"
    assert plan.changes == {"doc_000": "changed", "doc_001": "changed", "doc_902": "removed", "doc_903": "new"}  # type: ignore[attr-defined]


def test_spark_incremental_refresh_equals_a_full_duckdb_build(spark_refresh: dict[str, object]) -> None:
    diffs = spark_refresh["second diffs"]
    assert not any(diffs), _problems(diffs)  # type: ignore[arg-type]


def test_only_the_changed_documents_partitions_are_rewritten(spark_refresh: dict[str, object]) -> None:
    before, after = spark_refresh["files before"], spark_refresh["files after"]
    for table in BY_DOCUMENT:
        old, new = before[table], after[table]  # type: ignore[index]
        assert "document_id=doc_902" in old and "document_id=doc_902" not in new, table  # removed: dropped
        assert "document_id=doc_903" not in old and "document_id=doc_903" in new, table  # new: added
        for unchanged in ("doc_002", "doc_003", "doc_004", "doc_901"):
            folder = f"document_id={unchanged}"
            if folder in old or folder in new:
                assert old.get(folder) == new.get(folder), f"{table}: {folder} was rewritten"
        for changed in ("doc_000", "doc_001"):
            folder = f"document_id={changed}"
            if folder in old and folder in new:
                assert old[folder].isdisjoint(new[folder]), f"{table}: {folder} was not rewritten"
