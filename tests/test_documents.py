"""Adding a document: ingest -> annotate -> review -> accept -> build, in a temporary copy of the project.

The fixture tests/fixtures/synthetic_news_item.txt is a short news item written for these tests (it says so in
its text); it reports no real event.
"""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import re
from pathlib import Path

import duckdb
import pytest

from militancy.accept import accept
from militancy.annotate import annotate, find_dates, find_entities, load_dictionary, sentences, write_candidates
from militancy.build import build
from militancy.ingest import IngestError, ingest
from militancy.quantities import parse_quantity
from militancy.validate import SeedError

FIXTURES = Path(__file__).resolve().parent / "fixtures"
NEWS = FIXTURES / "synthetic_news_item.txt"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _seed_bytes(project: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((project / "seeds").glob("*.csv"))}


def _tree(project: Path) -> list[str]:
    return sorted(str(p.relative_to(project)) for p in project.rglob("*") if "review" in p.parts or "corpus" in p.parts)


def _review(project: Path, doc: str, keep_mentions: set[str]) -> None:
    """A curator's minimal review: complete the documents row, keep the aliases, the chosen event mentions with
    their actors and supporting quotes, and the estimate once its period is filled in; drop the rest."""
    folder = project / "review" / doc
    documents = _rows(folder / "documents.csv")
    documents[0].update(document_type="news_article", language="en")
    _write(folder / "documents.csv", documents)
    for name, keep in (
        ("entity_aliases", lambda r: True),
        ("event_mentions", lambda r: r["mention_id"] in keep_mentions),
        ("event_actors", lambda r: r["mention_id"] in keep_mentions),
        ("supporting_quotes", lambda r: r["fact_id"] in keep_mentions),
        ("membership_estimates", lambda r: True),
    ):
        rows = _rows(folder / f"{name}.csv")
        for row in rows:
            row["review_decision"] = "keep" if keep(row) else "drop"
            if name == "membership_estimates":
                row.update(period_text="(present tense; dated March 12, 2024)", period_start_year="2024")
                row.update(period_end_year="2024", period_precision="year")
        _write(folder / f"{name}.csv", rows)


@pytest.mark.build
def test_readme_path_adds_a_document_and_the_build_is_green(project: Path) -> None:
    before = {r["document_id"] for r in _rows(project / "seeds" / "documents.csv")}
    [added] = ingest(project, [NEWS])
    doc = added.document_id
    assert doc not in before and added.corpus_file.read_bytes() == NEWS.read_bytes()
    candidates = annotate(project, doc)
    write_candidates(project, candidates)
    [ambush] = [
        r["mention_id"] for r in candidates.rows["event_mentions"] if r["quote"].startswith("DUSHANBE - Gunmen")
    ]
    _review(project, doc, {ambush})
    counts = accept(project, doc)
    assert counts["event_mentions"] == 1 and counts["documents"] == 1
    assert not (project / "review" / doc).exists() and (project / "review" / "accepted" / doc).is_dir()

    result = build(project, project / "warehouse" / "militancy.duckdb", echo=None)  # dbt tests included
    with duckdb.connect(str(result.path), read_only=True) as con:
        row = con.execute(
            "select event_type, date_start, date_precision, killed_low, killed_high, wounded_low, location_id"
            " from marts.fct_event_mentions where mention_id = ?",
            [ambush],
        ).fetchone()
        assert row[0] == "ambush" and str(row[1]) == "2024-03-11" and row[2] == "day"
        assert row[3:] == (4, None, 11, "plc_rasht_valley")
        resolution = con.execute(
            "select date_resolution from staging.stg_curation__event_mentions where mention_id = ?", [ambush]
        ).fetchone()[0]
        assert resolution == "relative_to_anchor"
        actors = set(
            con.execute(
                "select entity_id, role, attribution from marts.fct_event_actors where mention_id = ?", [ambush]
            ).fetchall()
        )
        assert ("org_imu", "claimant", "claimed") in actors
        assert ("per_mullo_abdullo", "commander", "suspected") in actors
        # "Islamic Move-\nment of Uzbekistan" (hyphenated across a line break) is recognised as the IMU, but an
        # alias is one line: no alias row is proposed for the broken form.
        broken = con.execute(
            "select count(*) from marts.dim_entity_aliases where document_id = ? and alias like '%' || chr(10) || '%'",
            [doc],
        ).fetchone()[0]
        assert broken == 0
    [document] = [r for r in _rows(project / "seeds" / "documents.csv") if r["document_id"] == doc]
    assert document["fact_kinds"] == "event_mentions;membership_estimates", "filled from the accepted rows"


def test_accept_restores_seeds_exactly_when_validation_fails(project: Path) -> None:
    [added] = ingest(project, [NEWS])
    write_candidates(project, annotate(project, added.document_id))
    _review(project, added.document_id, set())
    folder = project / "review" / added.document_id
    aliases = _rows(folder / "entity_aliases.csv")
    aliases[0]["quote"] = "Words that are not in the document."
    _write(folder / "entity_aliases.csv", aliases)
    before = _seed_bytes(project)
    with pytest.raises(SeedError, match="not found in"):
        accept(project, added.document_id)
    assert _seed_bytes(project) == before
    assert folder.is_dir(), "the review folder stays for the fix"


def test_accept_refuses_unreviewed_candidates(project: Path) -> None:
    [added] = ingest(project, [NEWS])
    write_candidates(project, annotate(project, added.document_id))
    before = _seed_bytes(project)
    with pytest.raises(SeedError, match="set keep or drop"):
        accept(project, added.document_id)
    assert _seed_bytes(project) == before
    folder = project / "review" / added.document_id
    rows = [{k: v for k, v in r.items() if k != "review_decision"} for r in _rows(folder / "entity_aliases.csv")]
    with (folder / "entity_aliases.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(SeedError, match="no review_decision column"):
        accept(project, added.document_id)
    assert _seed_bytes(project) == before


def test_accept_takes_a_document_id_never_a_path(project: Path) -> None:
    outside = project / "elsewhere"
    outside.mkdir()
    (project / "review" / "accepted" / "doc_042").mkdir(parents=True)
    for bad in ("../elsewhere", "../../elsewhere", str(outside), "accepted", "doc_001/../../elsewhere"):
        with pytest.raises(SeedError, match="is not a document id"):
            accept(project, bad)
    with pytest.raises(SeedError, match="doc_042 is already accepted"):
        accept(project, "doc_042")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"  \n", "empty"),
        ("binary.txt", b"abc\x00\x01def", "binary"),
        ("latin1.txt", "Tohir Yo\u2018ldosh caf\xe9".encode("latin-1", errors="replace"), "not UTF-8"),
        ("notes.docx", b"PK\x03\x04", "unsupported"),
        ("fake.pdf", b"this is not a pdf", "not a PDF"),
        ("bom16.txt", "The IMU was founded in 1998.".encode("utf-16"), "UTF-16 text (byte-order mark)"),
        ("bare16.txt", "The IMU was founded in 1998.".encode("utf-16-le"), "looks like UTF-16LE text"),
        ("bom32.txt", "The IMU was founded.".encode("utf-32"), "UTF-32 text"),
        (
            "cp1251.html",
            '<html><head><meta charset="windows-1251"></head><body><p>ИДУ 1998</p></body></html>'.encode("cp1251"),
            "declares charset windows-1251, not UTF-8; save it as UTF-8 (e.g. `iconv -f windows-1251",
        ),
    ],
)
def test_ingest_refuses_bad_files_and_writes_nothing(project: Path, tmp_path: Path, name, data, message) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_bytes(data)
    before = _tree(project)
    with pytest.raises(IngestError, match=re.escape(message)):
        ingest(project, [path])
    assert _tree(project) == before


def test_ingest_bounds_a_document_before_reading_it(project: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A file over the size limit is refused from its size alone (a sparse 300 MB file: never read), and an
    extracted text over the character limit is refused too; neither leaves anything behind."""
    from militancy import ingest as ingest_module

    huge = tmp_path / "archive.txt"
    with huge.open("wb") as handle:
        handle.truncate(300 * 2**20)
    before = _tree(project)
    with pytest.raises(IngestError, match="300 MiB is over the limit of 25 MiB"):
        ingest(project, [huge])
    monkeypatch.setattr(ingest_module, "MAX_TEXT_CHARS", 1000)
    long = tmp_path / "long.txt"
    long.write_text("The group was founded in 1998. " * 100, encoding="utf-8")
    with pytest.raises(IngestError, match="over the limit of 1,000"):
        ingest(project, [long])
    assert _tree(project) == before


def test_ingest_refuses_duplicates_by_hash(project: Path, tmp_path: Path) -> None:
    corpus_file = next((project / "corpus").glob("001_*.txt"))
    copy = tmp_path / "same_text.txt"
    copy.write_bytes(corpus_file.read_bytes())
    with pytest.raises(IngestError, match="duplicate of corpus/001_"):
        ingest(project, [copy])
    ingest(project, [NEWS])
    before = _tree(project)
    with pytest.raises(IngestError, match="duplicate"):
        ingest(project, [NEWS])
    assert _tree(project) == before


def _pdf(pages: list[list[str]]) -> bytes:
    """A minimal PDF with one text line per entry (Helvetica), written by hand for the tests."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    font = 3 + 2 * len(pages)
    for i, lines in enumerate(pages):
        content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 {font} 0 R >> >>"
            f" /Contents {4 + 2 * i} 0 R >>".encode()
        )
        objects.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    out.write("".join(f"{o:010d} 00000 n \n" for o in offsets).encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def test_ingest_pdf_keeps_pages_and_hyphenation(project: Path, tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    path.write_bytes(_pdf([["Security brief", "The Islamic Movement of Uzbek-", "istan was blamed."], ["Page two."]]))
    [added] = ingest(project, [path])
    text = added.corpus_file.read_text(encoding="utf-8")
    assert "Uzbek-\nistan" in text, "hyphenation across the line break is kept as extracted"
    pages = _rows(added.review_dir / "pages.csv")
    assert [p["page"] for p in pages] == ["1", "2"]
    second = int(pages[1]["char_start"])
    assert text[second - 1] == "\f" and text[second:].startswith("Page two.")
    assert added.corpus_file.name == f"{added.document_id[4:]}_{hashlib.sha256(path.read_bytes()).hexdigest()[:16]}.txt"
    mentions = find_entities(text, load_dictionary(project))
    assert any(m.entity_id == "org_imu" and m.surface == "Islamic Movement of Uzbek-\nistan" for m in mentions)


def test_ingest_refuses_encrypted_pdf(project: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf([["Secret text."]]))))
    writer.encrypt("secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    path = tmp_path / "locked.pdf"
    path.write_bytes(out.getvalue())
    before = _tree(project)
    with pytest.raises(IngestError, match="encrypted"):
        ingest(project, [path])
    assert _tree(project) == before


HTML = """<html><head><title>Attack claimed | Example News</title>
<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Attack claimed</h1>
<p>The Islamic Movement of Uzbekistan claimed responsibility on Tuesday for an attack near the border that
killed five soldiers, officials in Dushanbe said, adding that the attackers had crossed from the south.</p>
<p>Officials blamed the group for a second bombing last month, which killed at least three people and wounded
several more in a market.</p></article>
<footer>Copyright 2024 Example News. All rights reserved. Contact us.</footer></body></html>"""


def test_ingest_html_marks_chrome_and_reads_the_date(project: Path, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    [added] = ingest(project, [path])
    text = added.corpus_file.read_text(encoding="utf-8")
    document = _rows(added.review_dir / "documents.csv")[0]
    assert document["published_date"] == "2024-03-05" and "read from the page's date markup" in document["date_note"]
    regions = _rows(added.review_dir / "document_regions.csv")
    types = [r["region_type"] for r in regions]
    assert types == ["page_chrome", "article", "page_chrome"]
    article = regions[1]
    start = text.find(article["starts_with"])
    end = text.find(article["ends_with"], start) + len(article["ends_with"])
    assert text[start:end].startswith("Attack claimed\nThe Islamic Movement of Uzbekistan claimed responsibility")
    assert text[start:end].endswith("in a market.")
    assert "Home World Sport" in text and "Copyright 2024" in text[end:]


def test_annotate_resolves_relative_dates_against_the_document_date() -> None:
    import datetime as dt

    base = dt.date(2024, 3, 12)  # a Tuesday
    text = "It happened last month. Police acted on Monday, two years ago and in late 2001, and on Sept. 19."
    found = {d.text: (d.date_start, d.date_end, d.precision, d.resolution) for d in find_dates(text, base)}
    assert found["last month"] == ("2024-02-01", "2024-02-29", "month", "relative_to_anchor")
    assert found["on Monday"] == ("2024-03-11", "2024-03-11", "day", "relative_to_anchor")
    assert found["two years ago"] == ("2022-01-01", "2022-12-31", "year", "relative_to_anchor")
    assert found["late 2001"] == ("2001-09-01", "2001-12-31", "season", "as_stated")
    assert found["Sept. 19"] == ("2023-09-19", "2023-09-19", "day", "year_from_context")
    undated = {d.text: (d.precision, d.resolution) for d in find_dates(text, None)}
    assert undated["last month"] == ("unknown", "unresolved"), "never guessed without the document's date"
    listed = {d.text: d for d in find_dates("August 1999: On August 9, a group kidnapped the mayor.", None)}
    assert (listed["August 9"].date_start, listed["August 9"].resolution) == ("1999-08-09", "year_from_context")
    assert "'1999'" in listed["August 9"].note


def test_annotate_candidates_carry_exact_quotes_offsets_and_the_quantity_rule(project: Path) -> None:
    [added] = ingest(project, [NEWS])
    text = added.corpus_file.read_text(encoding="utf-8")
    candidates = annotate(project, added.document_id)
    assert candidates.rows["entity_aliases"] and candidates.rows["event_mentions"]
    for rows in candidates.rows.values():
        for row in rows:
            start, end = int(row["review_char_start"]), int(row["review_char_end"])
            assert row["quote"] in text and 0 <= start < end <= len(text)
    for row in candidates.rows["entity_aliases"]:
        assert text[int(row["review_char_start"]) : int(row["review_char_end"])] == row["alias"]
    fuzzy = [r for r in candidates.rows["entity_aliases"] if r["review_basis"].startswith("fuzzy")]
    assert [(r["alias"], r["entity_id"]) for r in fuzzy] == [("Mullo Abdulloh", "per_mullo_abdullo")]
    for row in candidates.rows["event_mentions"]:
        for name in ("killed", "wounded", "arrested"):
            if row[f"{name}_text"]:
                low, high = parse_quantity(row[f"{name}_text"])
                assert (row[f"{name}_low"], row[f"{name}_high"]) == (str(low), "" if high is None else str(high))
    levels = {(r["entity_id"], r["attribution"]) for r in candidates.rows["event_actors"]}
    assert ("org_imu", "claimed") in levels and ("org_imu", "alleged") in levels


def test_sentences_are_exact_spans_of_every_corpus_document(project: Path) -> None:
    for path in (project / "corpus").glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        spans = sentences(text)
        assert spans and all(text[s.start : s.end] == s.text for s in spans)
        assert all(a.end <= b.start for a, b in itertools.pairwise(spans))


def test_html_document_is_accepted_with_its_proposed_regions(project: Path, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    [added] = ingest(project, [path])
    candidates = annotate(project, added.document_id)
    write_candidates(project, candidates)
    [claim] = [r["mention_id"] for r in candidates.rows["event_mentions"] if "claimed responsibility" in r["quote"]]
    _review(project, added.document_id, {claim})
    counts = accept(project, added.document_id)  # validates every quote and region against the text
    assert counts["document_regions"] == 3 and counts["event_mentions"] == 1
    [mention] = [r for r in _rows(project / "seeds" / "event_mentions.csv") if r["mention_id"] == claim]
    assert (mention["date_start"], mention["date_resolution"]) == ("2024-03-05", "relative_to_anchor")
    assert (mention["killed_text"], mention["killed_low"]) == ("five", "5")


def test_cli_commands_report_and_refuse_clearly(project: Path, tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from militancy.cli import main

    monkeypatch.chdir(project)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["ingest", str(empty)]) == 1
    assert "refused" in capsys.readouterr().err
    assert main(["ingest", str(NEWS)]) == 0
    doc = capsys.readouterr().out.split(":")[0]
    assert main(["annotate", doc]) == 0
    assert "entity_aliases" in capsys.readouterr().out
    assert main(["annotate", doc]) == 1, "candidates under review are not overwritten"
    assert "--force" in capsys.readouterr().err
    assert main(["accept", doc]) == 1
    assert "set keep or drop" in capsys.readouterr().err
