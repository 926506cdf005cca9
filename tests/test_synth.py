"""The synthetic scale corpus (militancy synth): deterministic, valid, and built end to end at a tiny size.

Only correctness is tested here; timings come from benchmarks/scale.py (docs/performance.md), never from a test.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from militancy import synth
from militancy.build import build
from militancy.seed_schema import DATE_PRECISIONS
from militancy.validate import validate

MENTIONS = 2_000


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("synth") / "project"
    synth.generate(project, MENTIONS, seed=3)
    return project


@pytest.fixture(scope="module")
def synthetic_db(synthetic: Path) -> Path:
    return build(synthetic, synthetic / "warehouse" / "militancy.duckdb", echo=None).path


def test_parse_size() -> None:
    assert synth.parse_size("100k") == 100_000
    assert synth.parse_size("1M") == 1_000_000
    assert synth.parse_size("2500") == 2_500
    with pytest.raises(ValueError):
        synth.parse_size("10")


def test_same_seed_same_bytes_other_seed_other_bytes(synthetic: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    synth.generate(again, MENTIONS, seed=3)
    first, second = _files(synthetic), _files(again)
    generated = {k for k in first if k.startswith(("seeds", "corpus", "datasets"))}
    assert generated and {k: first[k] for k in generated} == {k: second[k] for k in generated}
    other = tmp_path / "other"
    synth.generate(other, MENTIONS, seed=4)
    assert _files(other)["seeds/event_mentions.csv"] != first["seeds/event_mentions.csv"]


def test_exact_mention_count_and_valid_input(synthetic: Path) -> None:
    counts = synth.split(MENTIONS)
    assert sum(counts.values()) == MENTIONS
    validation = validate(synthetic)  # every quote occurs in its document, every figure in its quote
    assert len(validation.tables["event_mentions"]) == counts["documents"]
    assert all(q["char_start"] >= 0 for q in validation.quotes)


def test_refuses_a_non_empty_folder(synthetic: Path) -> None:
    with pytest.raises(FileExistsError):
        synth.generate(synthetic, MENTIONS)


def test_built_warehouse_invariants(synthetic_db: Path) -> None:
    counts = synth.split(MENTIONS)
    with duckdb.connect(str(synthetic_db), read_only=True) as con:
        records = con.execute("select count(*) from marts.fct_dataset_records").fetchone()[0]
        assert records == counts["ucdp-ged"] + counts["gtd"] + counts["acled"]
        documents = con.execute(
            "select count(*), count(distinct date_precision) from marts.fct_event_mentions "
            "where source_kind = 'document'"
        ).fetchone()
        assert documents == (counts["documents"], len(DATE_PRECISIONS))
        # several sources per event, disagreeing on the figures
        conflicts = con.execute(
            "select count(*) from marts.fct_events where document_count > 1 and has_figure_conflict"
        ).fetchone()[0]
        assert conflicts > 0
        # power-law activity: the most active group has several times the events of the fifth
        activity = [
            n
            for (n,) in con.execute(
                "select count(*) from marts.fct_event_groups group by group_id order by 1 desc"
            ).fetchall()
        ]
        assert len(activity) >= 5 and activity[0] > 3 * activity[4]
        # aliases and transliterations resolve dataset actor names and document actors to the same groups
        matched = con.execute(
            "select count(distinct group_id) from marts.fct_event_groups where group_id like 'syn_org_%'"
        ).fetchone()[0]
        assert matched >= 5
        # every document quote is the exact span of its document at its offsets
        wrong = con.execute(
            """
            select count(*) from marts.fct_evidence as evidence
            inner join marts.document_texts as texts on evidence.document_id = texts.document_id
            where evidence.source_kind = 'document'
                and substring(texts.document_text, evidence.char_start + 1, evidence.char_end - evidence.char_start)
                    != evidence.quote
            """
        ).fetchone()[0]
        assert wrong == 0


def test_no_document_without_a_fact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each event draws its report documents at random, so some documents get no mention (~20 of 62,500 at 10M);
    those must not be written: validation rejects a document that carries no fact."""
    monkeypatch.setattr(synth, "MENTIONS_PER_DOCUMENT", 1)  # as many documents as mentions: many drawn by none
    project = tmp_path / "sparse"
    synth.generate(project, 400, seed=5)
    documents = (project / "seeds" / "documents.csv").read_text(encoding="utf-8")
    mentioned = {row["document_id"] for _, row in validate(project).tables["event_mentions"]}
    reports = [line.split(",")[0] for line in documents.splitlines()[1:] if line.startswith("syn_doc_0")]
    assert reports and set(reports) == mentioned
    assert len(reports) < synth.split(400)["documents"]  # some numbers were skipped
    assert len(list((project / "corpus").glob("syn_0*.txt"))) == len(reports)


def test_a_project_generated_earlier_gets_this_checkouts_code(tmp_path: Path) -> None:
    project = tmp_path / "earlier"
    synth.generate(project, 200, seed=2)
    model = project / "models" / "marts" / "events" / "fct_events.sql"
    model.write_text("select 1 as stale", encoding="utf-8")
    (project / "models" / "stale_model.sql").write_text("select 1", encoding="utf-8")
    data = (project / "seeds" / "event_mentions.csv").read_bytes()
    synth.use_this_code(project)
    assert model.read_text(encoding="utf-8") == (
        synth.ROOT / "models" / "marts" / "events" / "fct_events.sql"
    ).read_text("utf-8")
    assert not (project / "models" / "stale_model.sql").exists()
    assert (project / "dbt_project.yml").read_text(encoding="utf-8").count("coreference_threshold: 1.01") == 1
    assert (project / "seeds" / "event_mentions.csv").read_bytes() == data
