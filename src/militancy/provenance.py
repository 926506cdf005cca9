"""Provenance pages for the static report: every document as a page with each quoted span highlighted.

`site/documents/<doc_id>.html` shows the document's full text exactly (line breaks kept) with a `<mark>` per
evidence row of fct_evidence: the main quote of a fact has the anchor `<fact_type>-<fact_id>` (e.g.
`#event_mention-doc_001_m01`), other quotes `#ev-<evidence_id>`; the targeted quote is highlighted strongly.
Page chrome, comments and references are shown in grey. Overlapping quotes nest; where two cross, the later
one continues in a second mark. Static HTML: no scripts, no network.

The report links its events table and a table of every figure to these anchors (see report.write_report).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import duckdb

DOCUMENTS_DIR = "documents"
COUNTS = ("killed", "wounded", "hostages", "prisoners_freed", "arrested", "sentenced")

PAGE_STYLE = """
body { font-family: Helvetica, Arial, sans-serif; margin: 2em auto; max-width: 1000px; color: #222; }
pre.doc { white-space: pre-wrap; font-family: Georgia, serif; font-size: 15px; line-height: 1.5; }
mark { background: #fff3b0; } mark mark { background: #ffe066; } mark mark mark { background: #ffd43b; }
mark:target, mark:target mark { background: #ff9f43; } mark:target { outline: 2px solid #d35400; }
span.excluded { color: #888; } p.meta { font-size: 0.85em; color: #555; }
table { border-collapse: collapse; font-size: 0.8em; width: 100%; }
th, td { border-bottom: 1px solid #e5e5e5; padding: 3px 5px; text-align: left; vertical-align: top; }
"""


@dataclass(frozen=True)
class Interval:
    start: int
    end: int
    tag: str
    attrs: dict[str, str]


def _open(interval: Interval, with_id: bool) -> str:
    attrs = {k: v for k, v in interval.attrs.items() if with_id or k != "id"}
    rendered = "".join(f' {k}="{html.escape(v)}"' for k, v in attrs.items())
    return f"<{interval.tag}{rendered}>"


def render_marked(text: str, intervals: list[Interval]) -> str:
    """HTML of `text` with every interval wrapped in its tag; crossing intervals are split so the HTML nests."""
    intervals = [i for i in intervals if 0 <= i.start < i.end <= len(text)]
    bounds = sorted({0, len(text), *(i.start for i in intervals), *(i.end for i in intervals)})
    starting: dict[int, list[Interval]] = {}
    for i in sorted(intervals, key=lambda i: (i.start, -i.end)):
        starting.setdefault(i.start, []).append(i)
    out: list[str] = []
    stack: list[Interval] = []
    for position, following in zip(bounds, [*bounds[1:], None], strict=True):
        if any(i.end == position for i in stack):
            reopen = []
            while any(i.end == position for i in stack):
                top = stack.pop()
                out.append(f"</{top.tag}>")
                if top.end != position:
                    reopen.append(top)
            for i in reversed(reopen):
                out.append(_open(i, with_id=False))
                stack.append(i)
        for i in starting.get(position, []):
            out.append(_open(i, with_id=True))
            stack.append(i)
        if following is not None:
            out.append(html.escape(text[position:following]))
    return "".join(out)


def anchor(fact_type: str, fact_id: str) -> str:
    return f"{fact_type}-{fact_id}"


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    cursor = con.execute(sql, params or [])
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def document_page(con: duckdb.DuckDBPyConnection, document: dict) -> str:
    doc = document["document_id"]
    evidence = _rows(
        con,
        """
        select evidence_id, fact_type, fact_id, char_start, char_end, is_main_quote, quote
        from marts.fct_evidence where document_id = ? and char_start >= 0
        order by char_start, char_end desc, fact_type, fact_id
        """,
        [doc],
    )
    regions = _rows(
        con,
        "select region_type, char_start, char_end from marts.fct_document_regions where document_id = ? "
        "and is_excluded and char_start >= 0",
        [doc],
    )
    intervals = [
        Interval(r["char_start"], r["char_end"], "span", {"class": "excluded", "title": r["region_type"]})
        for r in regions
    ]
    for e in evidence:
        e["anchor"] = anchor(e["fact_type"], e["fact_id"]) if e["is_main_quote"] else f"ev-{e['evidence_id']}"
        ident = e["anchor"]
        label = f"{e['fact_type']} {e['fact_id']}" + ("" if e["is_main_quote"] else " (supporting quote)")
        intervals.append(Interval(e["char_start"], e["char_end"], "mark", {"id": ident, "title": label}))
    body = render_marked(document["document_text"], intervals)
    index_rows = "".join(
        f"<tr><td><a href='#{html.escape(e['anchor'])}'>"
        f"{html.escape(e['fact_type'])} {html.escape(e['fact_id'])}</a></td><td>{e['char_start']}-{e['char_end']}</td>"
        f"<td>{html.escape(' '.join(e['quote'].split())[:160])}</td></tr>"
        for e in evidence
    )
    title = html.escape(document["title"] or doc)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(doc)}: {title}</title><style>{PAGE_STYLE}</style></head><body>"
        f"<p class='meta'><a href='../report.html'>Report</a> / {html.escape(doc)}</p><h1>{title}</h1>"
        f"<p class='meta'>{html.escape(doc)}, corpus file {html.escape(document['file_name'])}, "
        f"{document['char_count']} characters. Highlighted: the {len(evidence)} quotes that back facts "
        "(hover for the fact; offsets are 0-based code points). Grey: page chrome, comments or references.</p>"
        f"<pre class='doc'>{body}</pre>"
        f"<h2>Facts quoted from this document</h2><table><thead><tr><th>Fact</th><th>Characters</th>"
        f"<th>Quote</th></tr></thead><tbody>{index_rows}</tbody></table></body></html>"
    )


def write_document_pages(con: duckdb.DuckDBPyConnection, site: Path) -> list[Path]:
    folder = site / DOCUMENTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    documents = _rows(
        con,
        """
        select d.document_id, d.title, d.file_name, t.document_text, t.char_count
        from marts.dim_documents as d inner join marts.document_texts as t on d.document_id = t.document_id
        order by d.document_id
        """,
    )
    written = []
    for document in documents:
        path = folder / f"{document['document_id']}.html"
        path.write_text(document_page(con, document), encoding="utf-8")
        written.append(path)
    return written


def link(document_id: str, fact_type: str, fact_id: str) -> str:
    return f"{DOCUMENTS_DIR}/{document_id}.html#{anchor(fact_type, fact_id)}"


def event_links(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], str]:
    """(event_id, document_id) -> the link to that document's mention quote."""
    rows = con.execute(
        "select event_id, document_id, mention_id from marts.fct_event_mentions where source_kind = 'document'"
    ).fetchall()
    return {(event_id, doc): link(doc, "event_mention", mention_id) for event_id, doc, mention_id in rows}


def figures_table(con: duckdb.DuckDBPyConnection) -> str:
    """Every figure in the warehouse (event counts per mention, membership estimates) with its words and a link
    to the highlighted quote it comes from."""
    count_selects = " union all ".join(
        f"select '{name}' as figure, {name}_text as words, {name}_low as low, {name}_high as high, "
        f"mention_id as fact_id, 'event_mention' as fact_type, document_id, event_name as subject "
        f"from marts.fct_event_mentions where {name}_text is not null and source_kind = 'document'"
        for name in COUNTS
    )
    rows = _rows(
        con,
        f"""
        select * from ({count_selects})
        union all
        select 'size (' || counted_unit || ')', estimate_text, estimate_low, estimate_high, estimate_id,
            'membership_estimate', document_id, coalesce(group_name, subject_text) || ', ' || period_text
        from marts.fct_membership_estimates
        order by document_id, fact_id, figure
        """,
    )
    body = "".join(
        "<tr>"
        f"<td>{html.escape(str(r['subject']))}</td><td>{html.escape(r['figure'])}</td>"
        f"<td>{html.escape(str(r['words']))}</td><td class='num'>{'' if r['low'] is None else r['low']}</td>"
        f"<td class='num'>{'' if r['high'] is None else r['high']}</td>"
        f"<td><a href='{html.escape(link(r['document_id'], r['fact_type'], r['fact_id']))}'>"
        f"{html.escape(r['document_id'])}: {html.escape(r['fact_id'])}</a></td>"
        "</tr>"
        for r in rows
    )
    header = "<tr><th>Of</th><th>Figure</th><th>Words</th><th>Low</th><th>High</th><th>Quote (highlighted)</th></tr>"
    return (
        f"<table id='figures-table'><thead>{header}</thead><tbody>{body}</tbody></table>"
        "<p class='note'>Empty high: the text gives no upper bound. Each link opens the document with the quoted "
        "words highlighted.</p>"
    )
