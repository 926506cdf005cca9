"""Build a real warehouse in a temporary folder and query it; prove failed builds publish nothing."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import duckdb
import pytest

from militancy.build import BuildError, BuildResult, build

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


def test_bad_quote_fails_the_dbt_test_naming_the_row(project: Path) -> None:
    """Even without the Python validator, the dbt quote test fails the build and names the row."""
    path = project / "seeds" / "entities.csv"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "org_test_group,organization,militant_group,Test Group,,A test.,doc_000,Words that are not there\n",
        encoding="utf-8",
    )
    with pytest.raises(BuildError) as info:
        build(project, project / "warehouse" / "militancy.duckdb", echo=None, validate_first=False)
    message = str(info.value)
    assert "quote_in_document_stg_curation__entities_quote" in message
    assert "org_test_group" in message
    assert not (project / "warehouse" / "militancy.duckdb").exists()


def test_failed_build_leaves_the_published_file_untouched(project: Path) -> None:
    db = project / "warehouse" / "militancy.duckdb"
    first = build(project, db, echo=None)
    before = hashlib.sha256(_published_bytes(first)).hexdigest()
    regions = project / "seeds" / "document_regions.csv"
    regions.write_text(
        regions.read_text(encoding="utf-8") + "doc_000_r9,doc_000,article,No such words,at all,broken\n",
        encoding="utf-8",
    )
    with pytest.raises(BuildError):
        build(project, db, echo=None, validate_first=False)
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
