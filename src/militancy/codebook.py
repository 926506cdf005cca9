"""The release codebook, generated from dbt's manifest and catalog: every public table with its grain, key, row
count and files; every column with its type, description, accepted codes (from the accepted_values tests) and
references (relationships tests); the column mapping of the research-format exports; the curation rules
(docs/curation.md) and the versioning rule (docs/releases.md)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from militancy.dbt_artifacts import Mart
from militancy.research_exports import EXPORTS


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _shift_headings(markdown: str, by: int = 1) -> str:
    return re.sub(r"(?m)^(#{1,5}) ", lambda m: "#" * (len(m.group(1)) + by) + " ", markdown)


def _dataset_section(datasets: list[dict]) -> list[str]:
    """The registered event datasets, their licences and whether this release holds their rows."""
    if not datasets:
        return []
    lines = [
        "## Event datasets",
        "",
        "A dataset whose licence forbids redistribution is left out of a release: none of its records is in any file",
        "here (its records were not in the build this release was made from).",
        "",
        "| dataset | format | release | licence | in this release |",
        "|---|---|---|---|---|",
    ]
    for d in datasets:
        held = "yes" if d["included"] else "no (licence)"
        if d["included"] and not d["redistributable"]:
            held = "yes: PRIVATE release, not for redistribution (NOTICE.txt)"
        lines.append(f"| {d['dataset_id']} | {d['format']} | {d['release']} | {_cell(d['licence'])} | {held} |")
    return [*lines, ""]


def render_codebook(
    *,
    version: str,
    date_released: str,
    marts: list[Mart],
    row_counts: dict[str, int],
    export_rows: dict[str, int],
    curation_md: str,
    releases_md: str,
    datasets: list[dict] | None = None,
) -> str:
    lines = [
        f"# Militancy Warehouse {version}: codebook",
        "",
        f"Released {date_released}. Cite with `CITATION.cff`; every file's SHA-256 is in `manifest.json`.",
        "",
        "Every figure is a claim traceable to the exact words of its document (see `fct_evidence`). NULL means",
        "unknown, never zero. Tables are in `militancy.duckdb` (schema `marts`; open it read-only and keep its",
        "file name: the staging and intermediate views name their catalog after it), and each is also in",
        "`parquet/<table>.parquet` and `csv/<table>.csv` (UTF-8, header row, rows ordered by the key; an empty",
        'field is NULL, `""` an empty string).',
        "",
        *_dataset_section(datasets or []),
        "## Tables",
        "",
        "| table | key | rows |",
        "|---|---|---|",
    ]
    lines += [f"| [{m.name}](#{m.name}) | {', '.join(m.key)} | {row_counts.get(m.name, '')} |" for m in marts]
    for mart in marts:
        lines += [
            "",
            f"### {mart.name}",
            "",
            mart.description,
            "",
            f"Key: `{', '.join(mart.key)}`. Rows: {row_counts.get(mart.name, '')}.",
            "",
            "| column | type | description | codes / references |",
            "|---|---|---|---|",
        ]
        for col in mart.columns:
            notes = []
            if col.accepted_values:
                notes.append("codes: " + ", ".join(f"`{v}`" for v in col.accepted_values))
            if col.references:
                notes.append(f"references `{col.references}`")
            lines.append(f"| `{col.name}` | {col.data_type} | {_cell(col.description)} | {_cell('; '.join(notes))} |")
    lines += [
        "",
        "## Research-format exports",
        "",
        "In `exports/`: the warehouse's events in the published column layouts of UCDP GED and GTD, every",
        "published column present and in order; columns the warehouse does not code are empty. The files are",
        "UTF-8 with a header row (GTD's own CSV is Latin-1), one row per event, ordered by event id.",
    ]
    for export in EXPORTS:
        lines += [
            "",
            f"### {export.file_name}",
            "",
            f"{export.title}. {export.scope} Rows: {export_rows.get(export.file_name, '')}.",
            "",
            "| column | content |",
            "|---|---|",
        ]
        lines += [f"| `{c}` | {_cell(export.meaning(c))} |" for c in export.columns if c in export.mapped]
        empty = [c for c in export.columns if c not in export.mapped]
        lines += ["", "Empty (not coded by the warehouse): " + ", ".join(f"`{c}`" for c in empty) + "."]
    lines += ["", "## Curation rules", "", _shift_headings(curation_md).strip()]
    lines += ["", "## Versions", "", _shift_headings(releases_md).strip(), ""]
    return "\n".join(lines)


def markdown_to_html(markdown: str, title: str) -> str:
    """A plain HTML rendering of the codebook's Markdown subset (headings, tables, lists, paragraphs, code spans)."""

    def inline(text: str) -> str:
        text = html.escape(text, quote=False)
        text = re.sub(r"`([^`]+)`", r"<code>\1</code>", text)
        text = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", text)
        return re.sub(r"\[([^\]]+)\]\(#([^)]+)\)", r'<a href="#\2">\1</a>', text)

    out: list[str] = []
    block: list[str] = []
    in_list = False
    rows: list[list[str]] = []

    def flush() -> None:
        nonlocal in_list
        if block:
            out.append("<p>" + inline(" ".join(block)) + "</p>")
            block.clear()
        if in_list:
            out.append("</ul>")
            in_list = False
        if rows:
            out.append("<table>")
            for i, cells in enumerate(rows):
                tag = "th" if i == 0 else "td"
                out.append("<tr>" + "".join(f"<{tag}>{inline(c)}</{tag}>" for c in cells) + "</tr>")
            out.append("</table>")
            rows.clear()

    for line in markdown.splitlines():
        stripped = line.strip()
        heading = re.match(r"^(#{1,6}) (.*)$", stripped)
        if heading:
            flush()
            level, text = len(heading.group(1)), heading.group(2)
            anchor = re.sub(r"[^a-z0-9_]+", "-", text.lower()).strip("-")
            out.append(f'<h{level} id="{html.escape(anchor)}">{inline(text)}</h{level}>')
        elif stripped.startswith("|"):
            if block or in_list:
                flush()
            cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", stripped.strip("|"))]
            if not all(re.fullmatch(r"-+", c) for c in cells):
                rows.append(cells)
        elif stripped.startswith(("- ", "* ")) or re.match(r"^\d+\. ", stripped):
            if block or rows:
                flush()
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append("<li>" + inline(re.sub(r"^(- |\* |\d+\. )", "", stripped)) + "</li>")
        elif not stripped:
            flush()
        elif in_list and line.startswith("  "):
            out[-1] = out[-1][: -len("</li>")] + " " + inline(stripped) + "</li>"
        else:
            if in_list or rows:
                flush()
            block.append(stripped)
    flush()
    style = (
        "body{font-family:sans-serif;max-width:70em;margin:2em auto;line-height:1.4}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .4em;vertical-align:top}"
        "code{background:#f4f4f4}"
    )
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{style}</style></head><body>\n" + "\n".join(out) + "\n</body></html>\n"
    )


def write_codebook(out_dir: Path, version: str, **kwargs: object) -> list[Path]:
    markdown = render_codebook(version=version, **kwargs)  # type: ignore[arg-type]
    md, page = out_dir / "codebook.md", out_dir / "codebook.html"
    md.write_text(markdown, encoding="utf-8")
    page.write_text(markdown_to_html(markdown, f"Militancy Warehouse {version}: codebook"), encoding="utf-8")
    return [md, page]
