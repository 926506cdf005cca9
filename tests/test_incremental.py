"""Incremental refresh, on real builds in a temporary folder.

A project with the real corpus plus two synthetic test copies of real documents (new ids, same text, marked
SYNTHETIC in their titles) is built in full. Then one change set: a third synthetic copy is added, a figure and a
quote of real documents' rows change, one synthetic copy is removed with all its rows. The incremental build of
those inputs must equal a full build of the same inputs in another folder, every public mart row for row; while it
runs, a reader holding the published file open sees the old release and does not block it. Further: the refresh
keeps unchanged documents' rows, and the rows of events no changed document mentions, as they were (they are not
recomputed), a failed refresh leaves the published file byte-identical, and changes that reach every document force
a full build."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import duckdb
import pytest

from conftest import copy_project
from militancy import build as builder
from militancy import engine_compare, refresh
from militancy.corpus_copies import add_copies, edit_row, read_seed, remove_document


def add_synthetic_copy(project: Path, new_id: str) -> None:
    add_copies(project, {new_id: {"doc_901": "doc_004", "doc_902": "doc_003", "doc_903": "doc_001"}[new_id]})


def apply_change_set(project: Path) -> None:
    """Add a document with its rows, change a figure and a quote of existing rows, remove a document."""
    add_synthetic_copy(project, "doc_903")
    # A curator drops the wounded figure of a doc_000 mention ("About 50 people were injured" stays in the quote).
    edit_row(project, "event_mentions", "doc_000_m01", wounded_text="", wounded_low="", wounded_high="")
    # A shorter quote for one supporting quote of doc_001 (a prefix of a quote is still in the document).
    path = project / "seeds" / "supporting_quotes.csv"
    _, rows = read_seed(path)
    row = next(r for r in rows if r["document_id"] == "doc_001")
    edit_row(project, "supporting_quotes", row["supporting_quote_id"], quote=row["quote"][: len(row["quote"]) // 2])
    remove_document(project, "doc_902")
    # A mention moves to another event key (a curator re-keys it): its old event, mentioned nowhere else, must go and
    # the new one appear. (Moving it into another existing event would change that event's groups or dates and
    # propose coreference pairs no curator has decided, which rightly fails the build.)
    edit_row(project, "event_mentions", "doc_000_m01", event_id="ev_2009_police_bombing_in_tajikistan")


def public_marts(project: Path) -> list[str]:
    """Every model with access: public, from the manifest the build left in the project's target/."""
    return [f"{schema}.{table}" for schema, table in engine_compare.public_marts(project / "target" / "manifest.json")]


def differences(left: Path, right: Path, relations: list[str]) -> list[str]:
    """Every problem engine_compare's row-for-row comparison finds, per relation (incremental vs full build)."""
    with duckdb.connect() as con:
        con.execute(f"attach '{left}' as l (read_only)")
        con.execute(f"attach '{right}' as r (read_only)")
        return [
            f"{relation}: {problem}"
            for relation in relations
            for problem in engine_compare.compare_relations(
                con, relation, f"l.{relation}", f"r.{relation}", ("the incremental build", "the full build")
            ).problems
        ]


def _digest(db: Path) -> str:
    return hashlib.sha256(db.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A full build of the real corpus plus two synthetic copies, then an incremental refresh after the change
    set, during which a reader holds the published file open."""
    project = copy_project(tmp_path_factory.mktemp("incremental") / "project")
    add_synthetic_copy(project, "doc_901")
    add_synthetic_copy(project, "doc_902")
    db = project / "warehouse" / "militancy.duckdb"
    first = builder.build(project, db, echo=None, with_tests=False)  # the refresh after it runs its tests
    with duckdb.connect(str(db), read_only=True) as con:
        sql = "select distinct document_id, event_id from marts.fct_event_mentions where document_id is not null"
        events_before = con.execute(sql).fetchall()
    apply_change_set(project)
    seen: dict[str, object] = {}
    reader = duckdb.connect(str(db), read_only=True)
    documents = "select string_agg(document_id, ' ' order by document_id) from marts.dim_documents"
    seen["reader before"] = reader.execute(documents).fetchone()[0]

    def read_during_build() -> None:
        seen["reader during"] = reader.execute(documents).fetchone()[0]
        seen["published during"] = _digest(db)

    published_before = _digest(db)
    builder.FAULT_HOOKS["dbt"] = read_during_build
    try:
        second = builder.build(project, db, echo=None)
    finally:
        builder.FAULT_HOOKS.clear()
    seen["reader after"] = reader.execute(documents).fetchone()[0]
    reader.close()
    return {
        "project": project,
        "db": db,
        "first": first,
        "second": second,
        "seen": seen,
        "published before": published_before,
        "events before": events_before,
    }


def test_the_change_set_is_refreshed_incrementally(refreshed: dict[str, object]) -> None:
    first, second = refreshed["first"], refreshed["second"]
    assert first.plan is not None and not first.plan.incremental
    assert second.plan is not None and second.plan.incremental, second.plan
    assert second.plan.changes == {"doc_000": "changed", "doc_001": "changed", "doc_902": "removed", "doc_903": "new"}
    assert second.plan.unchanged == 4  # doc_002, doc_003, doc_004, doc_901
    # The events recomputed: those the changed documents' mentions belong to now or belonged to before the change
    # (the moved mention's old event, which no longer exists; the removed document's events).
    events = (Path(second.release) / "inputs" / "changes" / "events.csv").read_text(encoding="utf-8").split()
    assert events[0] == "event_id" and events[1:] == sorted(set(events[1:]))
    assert {"ev_2009_imt_police_bombing", "ev_2009_police_bombing_in_tajikistan", "ev_2010_rasht_ambush"} <= set(events)
    changed = sorted(second.plan.changes)
    _, rows = read_seed(Path(refreshed["project"]) / "seeds" / "event_mentions.csv")  # type: ignore[arg-type]
    expected = {r["event_id"] for r in rows if r["document_id"] in changed}
    expected |= {event_id for document_id, event_id in refreshed["events before"] if document_id in changed}  # type: ignore[attr-defined]
    assert events[1:] == sorted(expected)


def test_incremental_build_equals_a_full_build_of_the_same_inputs(refreshed: dict[str, object], tmp_path: Path) -> None:
    project: Path = refreshed["project"]  # type: ignore[assignment]
    incremental = Path(refreshed["second"].release) / "militancy.duckdb"  # type: ignore[union-attr]
    other = tmp_path / "full"
    shutil.copytree(project, other, ignore=shutil.ignore_patterns("warehouse", "target", "logs"))
    full = builder.build(
        other, other / "warehouse" / "militancy.duckdb", echo=None, full_refresh=True, with_tests=False
    )
    assert full.plan is not None and not full.plan.incremental and "--full-refresh" in full.plan.reason
    relations = public_marts(project)
    assert "marts.fct_evidence" in relations and len(relations) >= 10
    with duckdb.connect(str(incremental), read_only=True) as con:
        counts = {r: con.execute(f"select count(*) from {r}").fetchone()[0] for r in relations}
    assert counts["marts.fct_evidence"] > 0 and counts["marts.dim_documents"] == 7
    problems = differences(incremental, Path(full.release) / "militancy.duckdb", relations)  # type: ignore[arg-type]
    assert problems == [], "\n".join(problems[:20])


def test_a_refresh_runs_only_what_its_changed_files_reach_and_equals_a_full_build(
    refreshed: dict[str, object], tmp_path: Path
) -> None:
    """A figure dropped from one mention changes one seed file: the refresh reruns the models downstream of it
    (the event resolution and its aggregates too) and their tests, keeps the rest (dataset marts, aliases, texts)
    as published, links the Parquet files of the marts it did not rebuild, and still equals a full build."""
    project: Path = refreshed["project"]  # type: ignore[assignment]
    db: Path = refreshed["db"]  # type: ignore[assignment]
    before = Path(refreshed["second"].release)  # type: ignore[union-attr]
    _, rows = read_seed(project / "seeds" / "event_mentions.csv")
    row = next(r for r in rows if r["killed_text"] and r["document_id"] in ("doc_003", "doc_004", "doc_901"))
    edit_row(project, "event_mentions", row["mention_id"], killed_text="", killed_low="", killed_high="")
    lines: list[str] = []
    result = builder.build(project, db, echo=lines.append)
    assert result.plan is not None and result.plan.changes == {row["document_id"]: "changed"}
    assert result.plan.changed_files == {"seeds/event_mentions.csv"}
    assert any(line.startswith("Refresh runs seeds 1 of") for line in lines), lines
    results = json.loads((project / "target" / "run_results.json").read_text(encoding="utf-8"))["results"]
    ran = {r["unique_id"] for r in results}
    rerun = {"fct_events", "attacks_by_group_year", "fct_event_mentions", "fct_evidence", "stg_build__document_changes"}
    assert {f"model.militancy.{name}" for name in rerun} <= ran
    kept = {"fct_dataset_records", "dim_entity_aliases", "document_texts", "stg_curation__entities", "dim_documents"}
    assert not {f"model.militancy.{name}" for name in kept} & ran
    assert not any(uid.startswith("unit_test.") for uid in ran)
    assert any(uid.startswith("test.") and "fct_events" in uid for uid in ran)
    new_parquet, old_parquet = Path(result.release) / "parquet", before / "parquet"  # type: ignore[arg-type]
    assert (new_parquet / "dim_entity_aliases.parquet").samefile(old_parquet / "dim_entity_aliases.parquet")
    assert not (new_parquet / "fct_events.parquet").samefile(old_parquet / "fct_events.parquet")
    with duckdb.connect(str(db), read_only=True) as con:  # every Parquet file holds its mart's rows
        for (table,) in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts'"
        ).fetchall():
            file = new_parquet / f"{table}.parquet"
            for a, b in ((f"read_parquet('{file}')", f"marts.{table}"), (f"marts.{table}", f"read_parquet('{file}')")):
                assert con.execute(f"select count(*) from (from {a} except all from {b})").fetchone()[0] == 0, table
    other = tmp_path / "full"
    shutil.copytree(project, other, ignore=shutil.ignore_patterns("warehouse", "target", "logs"))
    full = builder.build(
        other, other / "warehouse" / "militancy.duckdb", echo=None, full_refresh=True, with_tests=False
    )
    incremental = Path(result.release) / "militancy.duckdb"  # type: ignore[arg-type]
    problems = differences(incremental, Path(full.release) / "militancy.duckdb", public_marts(project))  # type: ignore[arg-type]
    assert problems == [], "\n".join(problems[:20])


def test_a_reader_neither_blocks_the_refresh_nor_sees_half_of_it(refreshed: dict[str, object]) -> None:
    seen = refreshed["seen"]
    old = "doc_000 doc_001 doc_002 doc_003 doc_004 doc_901 doc_902"
    assert seen["reader before"] == seen["reader during"] == seen["reader after"] == old  # the old release
    assert seen["published during"] == refreshed["published before"], "the published file was written"
    with duckdb.connect(str(refreshed["db"]), read_only=True) as con:
        new = con.execute("select string_agg(document_id, ' ' order by document_id) from marts.dim_documents")
        assert new.fetchone()[0] == "doc_000 doc_001 doc_002 doc_003 doc_004 doc_901 doc_903"


def test_a_refresh_keeps_unchanged_documents_rows_and_a_failed_one_changes_nothing(
    refreshed: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Mark rows of every document and every event in the published file (only a test may write it), change one
    document, refresh: the marks survive on the unchanged documents' rows and on the events the changed document
    does not mention (they were not recomputed), and are gone on the changed one's. Before that, the same refresh
    with a fault after dbt leaves the published file byte-identical."""
    project: Path = refreshed["project"]  # type: ignore[assignment]
    db: Path = refreshed["db"]  # type: ignore[assignment]
    marked = {
        "marts.fct_event_mentions": "notes",
        "marts.fct_event_actors": "notes",
        "marts.fct_evidence": "record_summary",
    }
    by_event = {  # the event-keyed marts: only the events of the changed document's mentions are recomputed
        "marts.fct_events": "event_name",
        "marts.fct_event_groups": "attributions",
        "marts.fct_group_event_evidence": "group_roles",
    }
    with duckdb.connect(str(db)) as con:
        for relation, column in marked.items():
            con.execute(f"update {relation} set {column} = 'carried over' where document_id is not null")
        for relation, column in by_event.items():
            con.execute(f"update {relation} set {column} = 'carried over'")
    edit_row(project, "event_mentions", "doc_002_m01", notes="A curator's note, changed.")
    _, rows = read_seed(project / "seeds" / "event_mentions.csv")
    touched = sorted({r["event_id"] for r in rows if r["document_id"] == "doc_002"})
    before = _digest(db)
    monkeypatch.setenv(builder.FAULT_ENV, "dbt:raise")
    with pytest.raises(builder.BuildError, match="fault injected after dbt"):
        builder.build(project, db, echo=None, with_tests=False)
    assert _digest(db) == before
    monkeypatch.delenv(builder.FAULT_ENV)
    result = builder.build(project, db, echo=None)
    assert result.plan is not None and result.plan.changes == {"doc_002": "changed"}
    with duckdb.connect(str(db), read_only=True) as con:
        for relation, column in marked.items():
            kept = dict(
                con.execute(
                    f"select document_id = 'doc_002', count(*) filter (where {column} = 'carried over')"
                    f" from {relation} where document_id is not null group by all"
                ).fetchall()
            )
            assert kept[True] == 0, f"{relation}: the changed document's rows were not recomputed"
            assert kept[False] > 0, f"{relation}: unchanged documents' rows were recomputed"
        for relation, column in by_event.items():
            kept = dict(
                con.execute(
                    f"select event_id in (select unnest($touched)), count(*) filter (where {column} = 'carried over')"
                    f" from {relation} group by all",
                    {"touched": touched},
                ).fetchall()
            )
            assert kept[True] == 0, f"{relation}: the touched events' rows were not recomputed"
            assert kept[False] > 0, f"{relation}: other events' rows were recomputed"
        notes = con.execute("select notes from marts.fct_event_mentions where mention_id = 'doc_002_m01'").fetchone()
    assert notes == ("A curator's note, changed.",)


def _state(**documents: str) -> refresh.InputState:
    return refresh.InputState("code", {"seed:entities": "e"}, documents)


def test_what_forces_a_full_build() -> None:
    old = _state(doc_000="a", doc_001="b")
    assert refresh.plan(old, _state(doc_000="a", doc_001="c"), full_refresh=False).incremental
    assert not refresh.plan(old, _state(doc_000="a", doc_001="b"), full_refresh=True).incremental
    assert not refresh.plan(None, old, full_refresh=False).incremental
    code = refresh.InputState("other code", old.shared, old.documents)
    assert "models, macros" in refresh.plan(old, code, full_refresh=False).reason
    entity = refresh.InputState("code", {"seed:entities": "renamed"}, old.documents)
    assert "seed:entities" in refresh.plan(old, entity, full_refresh=False).reason
    dataset = refresh.InputState("code", {**old.shared, "dataset:ged_25_1": "x"}, old.documents)
    assert "dataset:ged_25_1" in refresh.plan(old, dataset, full_refresh=False).reason


def test_a_state_without_file_digests_reruns_every_loaded_file() -> None:
    """A release written before file digests were kept: every loaded file counts as changed (all nodes run)."""
    old = _state(doc_000="a")
    new = refresh.InputState("code", old.shared, {"doc_000": "b"}, {"seeds/documents.csv": "x", "corpus/": "y"})
    assert refresh.plan(old, new, full_refresh=False).changed_files == {"seeds/documents.csv", "corpus/"}
