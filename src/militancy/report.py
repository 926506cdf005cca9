"""Write a static, self-contained HTML report (inline SVG, no scripts, no network) from the warehouse.

Charts: attacks by group and year, membership estimates as ranges per source, a leadership timeline, and the
events table with source counts. Every chart names the documents it draws on.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import duckdb

from militancy import provenance

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f")
FONT = "font-family='Helvetica, Arial, sans-serif'"


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    cursor = con.execute(sql)
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _sources_caption(con: duckdb.DuckDBPyConnection, document_ids: set[str]) -> str:
    if not document_ids:
        return "<p class='sources'>Sources: none.</p>"
    docs = _rows(con, "select document_id, title, publisher from marts.dim_documents order by document_id")
    parts = [
        f"{_e(d['document_id'])}: {_e(d['title'])}" + (f" ({_e(d['publisher'])})" if d["publisher"] else "")
        for d in docs
        if d["document_id"] in document_ids
    ]
    return "<p class='sources'>Sources: " + "; ".join(parts) + ".</p>"


def attacks_chart(con: duckdb.DuckDBPyConnection) -> str:
    rows = _rows(
        con,
        """
        select a.group_name, a.year, a.attacks, a.attacks_confirmed_or_claimed, a.attacks_including_disputed
        from marts.attacks_by_group_year as a
        inner join marts.dim_groups as g on a.group_id = g.group_id
        where g.is_militant
        order by a.group_name, a.year
        """,
    )
    docs = {
        r["document_id"]
        for r in _rows(
            con,
            """
            select distinct m.document_id from marts.fct_event_mentions as m
            inner join marts.fct_event_groups as g on m.event_id = g.event_id
            inner join marts.fct_events as e on m.event_id = e.event_id
            where e.is_attack and g.role in ('perpetrator', 'claimant')
            """,
        )
    }
    if not rows:
        return "<p>No attacks.</p>"
    years = sorted({r["year"] for r in rows})
    first, last = years[0], years[-1]
    groups = sorted(
        {r["group_name"] for r in rows}, key=lambda g: -sum(r["attacks"] for r in rows if r["group_name"] == g)
    )
    width, row_h, left, top = 980, 70, 230, 30
    col_w = (width - left - 20) / (last - first + 1)
    height = top + row_h * len(groups) + 40
    max_attacks = max(max(r["attacks_including_disputed"] for r in rows), 1)
    parts = [f"<svg class='chart' id='attacks-chart' width='{width}' height='{height}' {FONT} role='img'>"]
    parts.append(f"<title>Attacks per group and year, {first}-{last}</title>")
    for i, group in enumerate(groups):
        y0 = top + i * row_h
        parts.append(f"<text x='{left - 8}' y='{y0 + row_h / 2}' text-anchor='end' font-size='12'>{_e(group)}</text>")
        parts.append(f"<line x1='{left}' y1='{y0 + row_h - 8}' x2='{width - 20}' y2='{y0 + row_h - 8}' stroke='#ccc'/>")
        for r in (r for r in rows if r["group_name"] == group):
            x = left + (r["year"] - first) * col_w
            scale = (row_h - 16) / max_attacks
            for value, colour, label in (
                (r["attacks_including_disputed"], "#d9d9d9", "including disputed"),
                (r["attacks"], "#6baed6", "default"),
                (r["attacks_confirmed_or_claimed"], "#08519c", "confirmed or claimed"),
            ):
                if value:
                    h = value * scale
                    parts.append(
                        f"<rect class='bar' x='{x + 1:.1f}' y='{y0 + row_h - 8 - h:.1f}' width='{col_w - 2:.1f}' "
                        f"height='{h:.1f}' fill='{colour}'><title>{_e(group)} {r['year']}: {value} attacks "
                        f"({label})</title></rect>"
                    )
    for year in range(first, last + 1):
        if year % 2 == 0 or last - first < 12:
            x = left + (year - first + 0.5) * col_w
            parts.append(f"<text x='{x:.1f}' y='{height - 15}' text-anchor='middle' font-size='10'>{year}</text>")
    legend = (
        ("#08519c", "confirmed or claimed"),
        ("#6baed6", "default (also alleged, suspected)"),
        ("#d9d9d9", "including disputed"),
    )
    for i, (colour, label) in enumerate(legend):
        parts.append(f"<rect x='{left + i * 230}' y='6' width='12' height='12' fill='{colour}'/>")
        parts.append(f"<text x='{left + i * 230 + 16}' y='16' font-size='11'>{label}</text>")
    parts.append("</svg>")
    return "".join(parts) + _sources_caption(con, docs)


def membership_chart(con: duckdb.DuckDBPyConnection) -> str:
    rows = _rows(
        con,
        """
        select group_name, period_start_year, period_end_year, estimate_low, estimate_high, estimate_text,
            coalesce(cited_source, 'no source cited') as cited_source, document_id, period_text
        from marts.fct_membership_estimates
        where is_strength_estimate and group_id is not null and estimate_low is not null
        order by period_start_year, estimate_low
        """,
    )
    if not rows:
        return "<p>No membership estimates.</p>"
    first = min(r["period_start_year"] for r in rows)
    last = max(r["period_end_year"] for r in rows)
    top_value = max((r["estimate_high"] or r["estimate_low"]) for r in rows) * 1.1
    width, height, left, bottom, top = 980, 380, 70, 40, 20
    plot_w, plot_h = width - left - 260, height - top - bottom
    col_w = plot_w / (last - first + 1)
    sources = sorted({f"{r['cited_source']} ({r['document_id']})" for r in rows})
    colour = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(sources)}

    def y_of(value: float) -> float:
        return top + plot_h - value / top_value * plot_h

    parts = [f"<svg class='chart' id='membership-chart' width='{width}' height='{height}' {FONT} role='img'>"]
    parts.append("<title>Membership estimates over time, as ranges per source</title>")
    for tick in range(0, int(top_value) + 1, max(1000, int(top_value / 5) // 1000 * 1000)):
        y = y_of(tick)
        parts.append(f"<line x1='{left}' y1='{y:.1f}' x2='{left + plot_w}' y2='{y:.1f}' stroke='#eee'/>")
        parts.append(f"<text x='{left - 6}' y='{y + 4:.1f}' text-anchor='end' font-size='10'>{tick:,}</text>")
    for r in rows:
        source = f"{r['cited_source']} ({r['document_id']})"
        x0 = left + (r["period_start_year"] - first) * col_w + col_w * 0.2
        x1 = left + (r["period_end_year"] - first + 1) * col_w - col_w * 0.2
        low, high = r["estimate_low"], r["estimate_high"] or r["estimate_low"]
        y_low, y_high = y_of(low), y_of(high)
        tip = f"{r['group_name']}, {r['period_text']}: {r['estimate_text']} ({source})"
        parts.append(
            f"<rect class='range' x='{x0:.1f}' y='{y_high:.1f}' width='{max(x1 - x0, 3):.1f}' "
            f"height='{max(y_low - y_high, 3):.1f}' fill='{colour[source]}' fill-opacity='0.55' "
            f"stroke='{colour[source]}'><title>{_e(tip)}</title></rect>"
        )
    for year in range(first, last + 1):
        x = left + (year - first + 0.5) * col_w
        parts.append(f"<text x='{x:.1f}' y='{height - 15}' text-anchor='middle' font-size='10'>{year}</text>")
    for i, source in enumerate(sources):
        y = top + i * 18
        parts.append(f"<rect x='{left + plot_w + 20}' y='{y}' width='12' height='12' fill='{colour[source]}'/>")
        parts.append(f"<text x='{left + plot_w + 36}' y='{y + 10}' font-size='11'>{_e(source)}</text>")
    parts.append("</svg>")
    return "".join(parts) + _sources_caption(con, {r["document_id"] for r in rows})


def leadership_chart(con: duckdb.DuckDBPyConnection) -> str:
    rows = _rows(
        con,
        """
        select group_name, person_name, role, start_date, end_date, end_precision, end_reason, document_id,
            start_text, end_text
        from marts.fct_leadership_tenures
        where start_date is not null
        order by group_name, start_date, person_name
        """,
    )
    if not rows:
        return "<p>No dated leadership tenures.</p>"
    today = dt.date.today()
    first = min(r["start_date"] for r in rows).year
    last = max((r["end_date"] or r["start_date"]).year for r in rows) + 1
    width, row_h, left, top = 980, 20, 430, 24
    plot_w = width - left - 20
    height = top + row_h * len(rows) + 30
    span_days = (dt.date(last, 12, 31) - dt.date(first, 1, 1)).days

    def x_of(day: dt.date) -> float:
        return left + (day - dt.date(first, 1, 1)).days / span_days * plot_w

    parts = [f"<svg class='chart' id='leadership-chart' width='{width}' height='{height}' {FONT} role='img'>"]
    parts.append("<title>Leadership timeline</title>")
    for year in range(first, last + 1, 2):
        x = x_of(dt.date(year, 1, 1))
        parts.append(f"<line x1='{x:.1f}' y1='{top - 4}' x2='{x:.1f}' y2='{height - 24}' stroke='#eee'/>")
        parts.append(f"<text x='{x:.1f}' y='{height - 10}' text-anchor='middle' font-size='10'>{year}</text>")
    for i, r in enumerate(rows):
        y = top + i * row_h
        label = f"{r['group_name']}: {r['person_name']} ({r['role']}, {r['document_id']})"
        parts.append(f"<text x='{left - 6}' y='{y + 13}' text-anchor='end' font-size='9'>{_e(label)}</text>")
        end = r["end_date"] or min(today, dt.date(last, 12, 31))
        open_end = r["end_date"] is None
        x0, x1 = x_of(r["start_date"]), x_of(max(end, r["start_date"]))
        tip = f"{label}: {r['start_text'] or r['start_date']} to {r['end_text'] or 'no end given'} ({r['end_reason']})"
        parts.append(
            f"<rect class='tenure' x='{x0:.1f}' y='{y + 3}' width='{max(x1 - x0, 3):.1f}' height='{row_h - 6}' "
            f"fill='{'#9ecae1' if open_end else '#3182bd'}'><title>{_e(tip)}</title></rect>"
        )
    parts.append("</svg>")
    caption = "<p class='note'>Light bars: no end date in the source (drawn to the chart's edge).</p>"
    return "".join(parts) + caption + _sources_caption(con, {r["document_id"] for r in rows})


def events_table(con: duckdb.DuckDBPyConnection, links: dict[tuple[str, str], str] | None = None) -> str:
    rows = _rows(
        con,
        """
        select e.event_id, e.event_name, e.event_type, e.date_start, e.date_end, e.date_precision, e.country,
            e.killed_low, e.killed_high, e.is_killed_high_open, e.wounded_low, e.wounded_high, e.is_wounded_high_open,
            e.document_count,
            e.has_date_conflict, e.has_figure_conflict,
            string_agg(distinct m.document_id, ', ' order by m.document_id) as documents
        from marts.fct_events as e
        inner join marts.fct_event_mentions as m on e.event_id = m.event_id
        group by all
        order by e.date_start nulls last, e.event_id
        """,
    )

    def rng(low: int | None, high: int | None, open_high: bool = False) -> str:
        if low is None and high is None:
            return ""
        if open_high or high is None:
            return f"{low}+"
        return str(low) if low == high else f"{low}-{high}"

    body = []
    for r in rows:
        date = (
            "unknown"
            if r["date_start"] is None
            else (str(r["date_start"]) if r["date_start"] == r["date_end"] else f"{r['date_start']} to {r['date_end']}")
        )
        flags = ", ".join(
            f for f, on in (("date", r["has_date_conflict"]), ("figures", r["has_figure_conflict"])) if on
        )
        body.append(
            "<tr>"
            f"<td>{_e(r['event_name'])}</td><td>{_e(r['event_type'])}</td><td>{_e(date)}</td>"
            f"<td>{_e(r['date_precision'])}</td><td>{_e(r['country'])}</td>"
            f"<td class='num'>{_e(rng(r['killed_low'], r['killed_high'], r['is_killed_high_open']))}</td>"
            f"<td class='num'>{_e(rng(r['wounded_low'], r['wounded_high'], r['is_wounded_high_open']))}</td>"
            f"<td class='num'>{r['document_count']}</td><td>{_document_links(r, links)}</td><td>{_e(flags)}</td>"
            "</tr>"
        )
    header = (
        "<tr><th>Event</th><th>Type</th><th>Date</th><th>Precision</th><th>Country</th><th>Killed</th>"
        "<th>Wounded</th><th>Sources</th><th>Documents</th><th>Sources conflict on</th></tr>"
    )
    docs = {d.strip() for r in rows for d in (r["documents"] or "").split(",") if d.strip()}
    return f"<table id='events-table'><thead>{header}</thead><tbody>{''.join(body)}</tbody></table>" + _sources_caption(
        con, docs
    )


def _document_links(row: dict, links: dict[tuple[str, str], str] | None) -> str:
    """The event's documents, each linked to its highlighted quote when provenance links are given."""
    docs = [d.strip() for d in (row["documents"] or "").split(",") if d.strip()]
    if not links:
        return _e(", ".join(docs))
    return ", ".join(
        f"<a href='{_e(links[(row['event_id'], d)])}'>{_e(d)}</a>" if (row["event_id"], d) in links else _e(d)
        for d in docs
    )


STYLE = """
body { font-family: Helvetica, Arial, sans-serif; margin: 2em auto; max-width: 1000px; color: #222; }
h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ddd; }
p.sources { font-size: 0.8em; color: #555; } p.note { font-size: 0.8em; color: #555; }
table { border-collapse: collapse; font-size: 0.8em; width: 100%; }
th, td { border-bottom: 1px solid #e5e5e5; padding: 3px 5px; text-align: left; vertical-align: top; }
td.num { text-align: right; } th { background: #f3f3f3; }
"""


def render(db_path: Path) -> str:
    with duckdb.connect(str(db_path), read_only=True) as con:
        summary = _rows(
            con,
            """
            select (select count(*) from marts.fct_events) as events,
                (select count(*) from marts.fct_event_mentions) as mentions,
                (select count(*) from marts.dim_documents) as documents,
                (select count(*) from marts.fct_evidence) as quotes
            """,
        )[0]
        sections = [
            ("Attacks by group and year", attacks_chart(con)),
            ("Membership estimates over time (ranges per source)", membership_chart(con)),
            ("Leadership timeline", leadership_chart(con)),
            ("Events and their sources", events_table(con, provenance.event_links(con))),
            ("Figures and the words behind them", provenance.figures_table(con)),
        ]
    body = "".join(f"<section><h2>{_e(title)}</h2>{content}</section>" for title, content in sections)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Militancy Warehouse report</title>"
        f"<style>{STYLE}</style></head><body>"
        "<h1>Militancy Warehouse report</h1>"
        f"<p>{summary['events']} events from {summary['mentions']} mentions in {summary['documents']} documents; "
        f"{summary['quotes']} supporting quotes. Every figure is a range from what the sources say; hover a bar for "
        "its words and source. Built from the published warehouse.</p>"
        f"{body}</body></html>"
    )


def write_report(db_path: Path, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(db_path), encoding="utf-8")
    with duckdb.connect(str(db_path), read_only=True) as con:
        provenance.write_document_pages(con, out.parent)
    return out
