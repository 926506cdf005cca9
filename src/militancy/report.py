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
# The mark at the end of a tenure whose end is inferred (report timeline): death, next role, else group end.
INFERRED_END_MARKS = {"inferred_from_death": "&#8224;", "inferred_from_next_role": "&#8250;"}


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
        select a.group_name, a.year, a.attacks_by_start_year as attacks, a.attacks_confirmed_or_claimed,
            a.attacks_including_disputed
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
            where e.is_attack and g.role in ('perpetrator', 'claimant') and m.source_kind = 'document'
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
    """Resolved tenures (leader, military leader): solid to a stated end, hatched to an end inferred from a death
    or the group's end (marked with a cross), dashed to the edge with a "?" where no end is known."""
    rows = _rows(
        con,
        """
        select group_name, person_name, role_category, worded_roles, start_date, start_latest_date, end_date,
            end_latest_date, end_basis, end_inferred_from, end_reasons, document_ids, has_conflict
        from marts.fct_leadership_tenures_resolved
        where is_leadership_role and start_date is not null
        order by group_name, start_date, person_name
        """,
    )
    undated = con.execute(
        "select count(*) from marts.fct_leadership_tenures_resolved where is_leadership_role and start_date is null"
    ).fetchone()[0]
    if not rows:
        return "<p>No dated leadership tenures.</p>"
    first = min(r["start_date"] for r in rows).year
    last = max((r["end_latest_date"] or r["start_latest_date"] or r["start_date"]).year for r in rows) + 2
    width, row_h, left, top = 980, 22, 330, 24
    plot_w = width - left - 30
    height = top + row_h * len(rows) + 60
    span_days = (dt.date(last, 12, 31) - dt.date(first, 1, 1)).days
    edge = dt.date(last, 12, 31)

    def x_of(day: dt.date) -> float:
        return left + (day - dt.date(first, 1, 1)).days / span_days * plot_w

    parts = [f"<svg class='chart' id='leadership-chart' width='{width}' height='{height}' {FONT} role='img'>"]
    parts.append("<title>Leadership timeline (tenures resolved across documents)</title>")
    parts.append(
        "<defs><pattern id='inferred' width='6' height='6' patternUnits='userSpaceOnUse' "
        "patternTransform='rotate(45)'><rect width='6' height='6' fill='#c6dbef'/>"
        "<line x1='0' y1='0' x2='0' y2='6' stroke='#3182bd' stroke-width='2'/></pattern></defs>"
    )
    for year in range(first, last + 1, 2):
        x = x_of(dt.date(year, 1, 1))
        parts.append(f"<line x1='{x:.1f}' y1='{top - 4}' x2='{x:.1f}' y2='{height - 54}' stroke='#eee'/>")
        parts.append(f"<text x='{x:.1f}' y='{height - 40}' text-anchor='middle' font-size='10'>{year}</text>")
    for i, r in enumerate(rows):
        y = top + i * row_h
        label = f"{r['group_name']}: {r['person_name']} ({r['role_category']})"
        parts.append(f"<text x='{left - 6}' y='{y + 14}' text-anchor='end' font-size='9'>{_e(label)}</text>")
        start, start_late = r["start_date"], r["start_latest_date"] or r["start_date"]
        basis = r["end_basis"]
        if basis == "open":
            end_text = "no end known (not necessarily still in office)"
        elif basis == "stated":
            end_text = f"ended {r['end_date']} to {r['end_latest_date']} ({r['end_reasons']})"
        else:
            end_text = (
                f"end inferred ({basis.replace('_', ' ')}: {r['end_inferred_from']}), "
                f"{r['end_date']} to {r['end_latest_date']}"
            )
        conflict = "; sources disagree" if r["has_conflict"] else ""
        tip = _e(
            f"{r['group_name']}: {r['person_name']} ({r['worded_roles']}; {r['document_ids']}): from {start} "
            f"(at latest {start_late}); {end_text}{conflict}"
        )
        x0 = x_of(start)
        if basis == "open" or r["end_date"] is None:
            # No end known: a dashed line to the edge and a question mark, never a bar "still in office".
            x_edge = x_of(edge)
            parts.append(
                f"<line class='tenure-open' x1='{x0:.1f}' y1='{y + row_h / 2}' x2='{x_edge:.1f}' "
                f"y2='{y + row_h / 2}' stroke='#3182bd' stroke-width='2' stroke-dasharray='4 4'>"
                f"<title>{tip}</title></line>"
            )
            parts.append(
                f"<text class='open-end-mark' x='{x_edge + 4:.1f}' y='{y + 15}' font-size='12' fill='#3182bd'>?</text>"
            )
            continue
        end, end_late = r["end_date"], r["end_latest_date"] or r["end_date"]
        # The whole span the sources allow, light; the part certainly in office (latest start to earliest end)
        # solid for a stated end, hatched for an inferred one.
        parts.append(
            f"<rect class='tenure-span' x='{x0:.1f}' y='{y + 7}' width='{max(x_of(end_late) - x0, 2):.1f}' "
            f"height='{row_h - 14}' fill='#9ecae1'><title>{tip}</title></rect>"
        )
        if start_late < end:
            fill = "#3182bd" if basis == "stated" else "url(#inferred)"
            css = "tenure" if basis == "stated" else "tenure tenure-inferred"
            parts.append(
                f"<rect class='{css}' x='{x_of(start_late):.1f}' y='{y + 3}' "
                f"width='{max(x_of(end) - x_of(start_late), 2):.1f}' height='{row_h - 6}' fill='{fill}' "
                f"stroke='#3182bd'><title>{tip}</title></rect>"
            )
        if basis != "stated":
            parts.append(
                f"<text class='inferred-end-mark' x='{x_of(end_late) + 3:.1f}' y='{y + 15}' font-size='11'>"
                f"{INFERRED_END_MARKS.get(basis, '&#215;')}<title>{tip}</title></text>"
            )
    legend_y = height - 22
    for i, (swatch, text) in enumerate(
        (
            ("<rect width='14' height='10' fill='#3182bd'/>", "stated end"),
            (
                "<rect width='14' height='10' fill='url(#inferred)' stroke='#3182bd'/>",
                "end inferred: \u2020 death, \u203a next role, x group end",
            ),
            (
                "<line x1='0' y1='5' x2='14' y2='5' stroke='#3182bd' stroke-dasharray='4 4' stroke-width='2'/>",
                "? no end known",
            ),
            ("<rect width='14' height='6' y='2' fill='#9ecae1'/>", "span the sources allow"),
        )
    ):
        x = 20 + i * 240
        parts.append(f"<g transform='translate({x},{legend_y})'>{swatch}</g>")
        parts.append(f"<text x='{x + 18}' y='{legend_y + 9}' font-size='10'>{text}</text>")
    parts.append("</svg>")
    caption = (
        "<p class='note'>One bar per person, group and leadership role, resolved across documents. Dark: certainly in "
        "office (latest possible start to earliest possible end), solid when a document states the end, hatched with "
        "a dagger when no document ends the tenure and it is closed at the person's death. Light: the whole span "
        "the sources allow (e.g. an end on August 27 or in September 2009). Dashed with a question mark: no end is "
        f"known, which does not mean still in office. Not drawn: {undated} leadership tenure(s) no document dates "
        "(fct_leadership_tenures_resolved).</p>"
    )
    docs = {d.strip() for r in rows for d in (r["document_ids"] or "").split(";") if d.strip()}
    return "".join(parts) + caption + _sources_caption(con, docs)


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
        inner join marts.fct_event_mentions as m on e.event_id = m.event_id and m.source_kind = 'document'
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
                (select count(*) from marts.fct_evidence where source_kind = 'document') as quotes
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
