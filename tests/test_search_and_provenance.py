"""Full-text search over the passages mart, and the report's provenance pages."""

from __future__ import annotations

import html
import re
from pathlib import Path

import duckdb

from militancy.build import BuildResult
from militancy.report import write_report
from militancy.search import format_hits, search


def test_search_ranks_passages_and_returns_the_facts_quoted_there(built: BuildResult) -> None:
    hits = search(built.path, "ambush Tajik troops", limit=5)
    assert hits and hits[0].document_id == "doc_001"
    texts = dict(
        duckdb.connect(str(built.path), read_only=True)
        .execute("select document_id, document_text from marts.document_texts")
        .fetchall()
    )
    for hit in hits:
        assert texts[hit.document_id][hit.char_start : hit.char_end] == hit.passage_text
        assert hit.is_article_text
    facts = {(f["fact_type"], f["fact_id"]) for hit in hits for f in hit.facts}
    assert ("event_mention", "doc_001_m01") in facts
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert "doc_001_m01" in format_hits(hits, "table") and '"passage_text"' in format_hits(hits, "json")
    assert search(built.path, "zzzunknownword") == []


def test_search_leaves_the_published_warehouse_plain(built: BuildResult) -> None:
    before = built.path.read_bytes()
    search(built.path, "prison escape Dushanbe")
    assert built.path.read_bytes() == before, "a read-only command cannot write"
    with duckdb.connect(str(built.path), read_only=True) as con:
        schemas = {s for (s,) in con.execute("select schema_name from information_schema.schemata").fetchall()}
        assert not any(s.startswith("fts_") for s in schemas), "no extension needed to open the warehouse"
        loaded = con.execute("select count(*) from duckdb_extensions() where extension_name = 'fts' and loaded")
        assert loaded.fetchone()[0] == 0


def test_passages_cover_every_word_of_every_document(con: duckdb.DuckDBPyConnection) -> None:
    texts = dict(con.execute("select document_id, document_text from marts.document_texts").fetchall())
    rows = con.execute(
        "select document_id, char_start, char_end from marts.document_passages order by document_id, passage_number"
    ).fetchall()
    by_document: dict[str, list[tuple[int, int]]] = {}
    for document_id, start, end in rows:
        by_document.setdefault(document_id, []).append((start, end))
    assert set(by_document) == set(texts)
    for document_id, spans in by_document.items():
        text = texts[document_id]
        edges = [0, *(x for span in spans for x in span), len(text)]
        gaps = [text[edges[i] : edges[i + 1]] for i in range(0, len(edges), 2)]
        assert all(not gap.strip() for gap in gaps), document_id
    # Line breaks of the PDF text do not cut sentences; 'Sept. 19' does not end one.
    passages = [p for (p,) in con.execute("select passage_text from marts.document_passages").fetchall()]
    assert any(
        p.startswith("\u2022 While the threat of the Islamic Movement of Uzbekistan") and "localised" in p
        for p in passages
    )
    assert any("took credit for the Sept. 19 ambush that killed 25 Tajik troops" in p for p in passages)


def test_report_links_every_event_and_figure_to_its_highlighted_quote(built: BuildResult, tmp_path: Path) -> None:
    page = write_report(built.path, tmp_path / "site" / "report.html")
    report = page.read_text(encoding="utf-8")
    links = re.findall(r"href='(documents/[^'#]+)#([^']+)'", report)
    with duckdb.connect(str(built.path), read_only=True) as con:
        events = con.execute("select count(*) from marts.fct_event_mentions").fetchone()[0]
        texts = dict(con.execute("select document_id, document_text from marts.document_texts").fetchall())
        quotes = dict(
            con.execute(
                "select fact_type || '-' || fact_id, quote from marts.fct_evidence where is_main_quote"
            ).fetchall()
        )
    assert len({a for a in links if a[1].startswith("event_mention-")}) == events, "every event mention is linked"
    assert any(a[1].startswith("membership_estimate-") for a in links), "figures are linked"
    pages: dict[str, str] = {}
    for target, anchor in links:
        body = pages.setdefault(target, (page.parent / target).read_text(encoding="utf-8"))
        match = re.search(rf'<mark id="{re.escape(anchor)}"[^>]*>(.*?)</mark>', body, re.S)
        assert match, anchor
        fragment = html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))
        assert fragment and quotes[anchor].startswith(fragment), anchor
    for target, body in pages.items():
        assert "<script" not in body
        shown = re.search(r"<pre class='doc'>(.*?)</pre>", body, re.S).group(1)
        assert html.unescape(re.sub(r"<[^>]+>", "", shown)) == texts[Path(target).stem], "the text is exact"
