"""Check the seed CSVs and the corpus before dbt loads them, naming file, line, column and row id of every problem.

The build runs this on its private input snapshot (see build.py), so what is checked is exactly what dbt loads,
and writes the quote and region offsets computed here into that snapshot for dbt (textcheck.py has the rules).
dbt's tests re-check the loaded data inside the warehouse.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from militancy import textcheck
from militancy.quantities import QuantityError, parse_quantity
from militancy.seed_schema import FACT_TABLES, SEEDS, Seed
from militancy.textcheck import Problem

__all__ = ["Problem", "SeedError", "Validation", "check", "validate"]


class SeedError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} problem(s) in the seed files:\n{shown}{more}")


Row = tuple[int, dict[str, str]]

# Free-text columns that may hold line breaks and tabs (besides the quote columns).
MULTILINE = ("notes", "description", "date_note")
# Date columns holding a first possible day: they cannot be after the document was written.
FIRST_DAY_COLUMNS = {
    "event_mentions": ("date_start",),
    "leadership_tenures": ("start_date", "end_date"),
    "group_relationships": ("start_date", "end_date"),
    "designations": ("listed_date",),
    "entity_life_events": ("date_start",),
}
_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\.txt")
# A by-reference figure: notes say  <prefix>_text '<phrase>' stands for '<words of the quote>'
# (the prefixes are spelled out: a pattern like \w+_text backtracks quadratically on a long word)
_PREFIXES = sorted({q for seed in SEEDS.values() for q in seed.quantities}, key=len, reverse=True)
_STANDS_FOR = re.compile(rf"\b({'|'.join(_PREFIXES)})_text '([^']*)' stands for '([^']*)'")


@dataclass
class Validation:
    """Everything the validator read and computed; `problems` empty means the input may be built."""

    tables: dict[str, list[Row]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # document_id -> text
    quotes: list[dict[str, object]] = field(default_factory=list)  # one located quote per seed row and column
    regions: list[dict[str, object]] = field(default_factory=list)  # one located region per region row
    corpus_files: list[str] = field(default_factory=list)  # registered corpus file names
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def _p(row: dict[str, str], line: int, column: str, message: str, seed: Seed) -> Problem:
    return Problem(row["__file__"], line, column, message, row.get(seed.key, ""))


def read_seed(path: Path, seed: Seed, problems: list[Problem], rel: str | None = None) -> list[Row] | None:
    """Read one CSV strictly; None when the file cannot be read at all (then only that one problem is named)."""
    rel = rel or str(path)
    if path.is_dir():
        problems.append(Problem(rel, 0, "", "is a folder, expected a CSV file"))
        return None
    text, problem = textcheck.decode_utf8(path.read_bytes(), rel)
    if problem:
        problems.append(problem)
    if text is None:
        return None
    rows: list[Row] = []
    records = textcheck.csv_records(text)
    try:
        first = next(records, None)
        if first is None:
            problems.append(Problem(rel, 1, "", "empty file, expected a header row"))
            return None
        header = first[1]
        expected = list(seed.column_names)
        if header != expected:
            missing = [c for c in expected if c not in header]
            extra = [c for c in header if c not in expected]
            problems.append(
                Problem(
                    rel,
                    1,
                    "",
                    f"header does not match the schema (missing {missing}, unexpected {extra}); expected {expected}",
                )
            )
            return None
        for start, fields in records:
            if not fields:
                continue
            if len(fields) != len(header):
                problems.append(Problem(rel, start, "", f"expected {len(header)} fields, found {len(fields)}"))
                continue
            rows.append((start, {**dict(zip(header, fields, strict=True)), "__file__": rel}))
    except Exception as exc:  # csv.Error: malformed CSV
        problems.append(Problem(rel, getattr(exc, "line", 0), "", f"malformed CSV: {exc}"))
    return rows


def _document_bounds(tables: dict[str, list[Row]]) -> dict[str, dt.date | None]:
    bounds: dict[str, dt.date | None] = {}
    for _, row in tables.get("documents", []):
        bounds[row["document_id"]] = _date(row["written_not_after"])
    return bounds


def check_values(
    seed: Seed, rows: list[Row], problems: list[Problem], bounds: dict[str, dt.date | None] | None = None
) -> set[tuple[int, str]]:
    """Keys, types, codes, ranges of every row. Returns the cells (line, column) refused outright (over the length
    limit, or holding control characters): the later checks skip them, so a refused 1 MB quote is reported once
    and never searched for in its document."""
    refused: set[tuple[int, str]] = set()
    seen: dict[str, int] = {}
    bounds = bounds or {}
    multiline = set(seed.quote_columns) | set(MULTILINE)
    for line, row in rows:
        key = row[seed.key]
        if key in seen:
            problems.append(_p(row, line, seed.key, f"duplicate key {key!r} (first at line {seen[key]})", seed))
        seen.setdefault(key, line)
        for col in seed.columns:
            value = row[col.name]
            unsafe = textcheck.field_problem(value, col.name in multiline)
            if unsafe:
                problems.append(_p(row, line, col.name, unsafe, seed))
                refused.add((line, col.name))
                continue
            if value != value.strip():
                problems.append(_p(row, line, col.name, "leading or trailing white space", seed))
            if not value:
                if col.required:
                    problems.append(_p(row, line, col.name, "required value is empty", seed))
                continue
            if col.codes and value not in col.codes:
                problems.append(_p(row, line, col.name, f"{value!r} is not one of {list(col.codes)}", seed))
            _check_typed(seed, line, row, col.name, col.kind, bounds, problems)
        _check_ranges(seed, line, row, problems)
        _check_quantities(seed, line, row, problems)
        _check_intervals(seed, line, row, problems)
    return refused


def _check_typed(
    seed: Seed,
    line: int,
    row: dict[str, str],
    name: str,
    kind: str,
    bounds: dict[str, dt.date | None],
    problems: list[Problem],
) -> None:
    value = row[name]
    try:
        if kind == "integer":
            number = textcheck.parse_int(value)
            if name.endswith("_year") and not textcheck.EARLIEST_DATE.year <= number <= textcheck.latest_date().year:
                raise ValueError(
                    f"year {number} is outside {textcheck.EARLIEST_DATE.year}-{textcheck.latest_date().year}"
                )
        elif kind == "date":
            date = textcheck.parse_date(value)
            bound = bounds.get(row.get("document_id", "")) if name in FIRST_DAY_COLUMNS.get(seed.name, ()) else None
            problem = textcheck.date_window_problem(date, bound, "the document's written_not_after")
            if problem:
                raise ValueError(problem)
        elif kind == "boolean" and value not in ("true", "false"):
            raise ValueError(f"{value!r} is not true or false")
    except ValueError as exc:
        problems.append(_p(row, line, name, f"bad {kind}: {exc}", seed))


def _int(value: str) -> int | None:
    try:
        return textcheck.parse_int(value) if value else None
    except ValueError:
        return None


def _date(value: str) -> dt.date | None:
    try:
        return textcheck.parse_date(value) if value else None
    except ValueError:
        return None


def _check_ranges(seed: Seed, line: int, row: dict[str, str], problems: list[Problem]) -> None:
    for low_col, high_col in seed.ranges:
        low, high = row[low_col], row[high_col]
        parse = _int if _is_int(seed, low_col) else _date
        lo, hi = parse(low), parse(high)
        if lo is not None and hi is not None and lo > hi:
            problems.append(_p(row, line, high_col, f"{low_col} {low} is after/greater than {high_col} {high}", seed))


def _is_int(seed: Seed, name: str) -> bool:
    return next(c for c in seed.columns if c.name == name).kind == "integer"


def _check_quantities(seed: Seed, line: int, row: dict[str, str], problems: list[Problem]) -> None:
    for prefix in seed.quantities:
        text, low, high = row[f"{prefix}_text"], _int(row[f"{prefix}_low"]), _int(row[f"{prefix}_high"])
        if low is not None and high is not None and low > high:
            problems.append(_p(row, line, f"{prefix}_high", f"low {low} > high {high}", seed))
            continue
        if not text:
            if low is not None or high is not None:
                problems.append(_p(row, line, f"{prefix}_text", "a figure without the phrase it comes from", seed))
            continue
        try:
            expected = parse_quantity(text)
        except QuantityError as exc:
            problems.append(_p(row, line, f"{prefix}_text", f"phrase does not follow the quantity rule: {exc}", seed))
            continue
        if (low, high) != expected:
            problems.append(
                _p(
                    row,
                    line,
                    f"{prefix}_low",
                    f"{text!r} gives low/high {expected} by the rule, found ({low}, {high})",
                    seed,
                )
            )


def _check_intervals(seed: Seed, line: int, row: dict[str, str], problems: list[Problem]) -> None:
    for start_col, end_col, precision_col in seed.date_intervals:
        start, end = _date(row[start_col]), _date(row[end_col])
        if start and end and start > end:
            problems.append(_p(row, line, end_col, f"{start_col} {start} is after {end_col} {end}", seed))
            continue
        if not precision_col:
            continue
        precision = row[precision_col]
        if precision == "unknown":
            if start or end:
                problems.append(_p(row, line, precision_col, "precision 'unknown' but dates are given", seed))
            continue
        if not (start and end):
            if row[start_col] and row[end_col]:
                continue  # a bad date, already named
            problems.append(
                _p(row, line, start_col, f"precision {precision!r} needs both {start_col} and {end_col}", seed)
            )
            continue
        span = (end - start).days
        if precision == "day" and span != 0:
            problems.append(_p(row, line, end_col, "precision 'day' needs start = end", seed))
        elif precision == "days" and not 1 <= span <= 7:
            problems.append(_p(row, line, end_col, "precision 'days' is a span of 2 to 8 days", seed))
        elif precision == "month":
            last = calendar.monthrange(start.year, start.month)[1]
            if start.day != 1 or end != start.replace(day=last):
                problems.append(
                    _p(row, line, end_col, "precision 'month' needs the first to the last day of one month", seed)
                )
        elif precision == "year" and (start != dt.date(start.year, 1, 1) or end != dt.date(start.year, 12, 31)):
            problems.append(_p(row, line, end_col, "precision 'year' needs Jan 1 to Dec 31 of one year", seed))


def check_references(tables: dict[str, list[Row]], unreadable: set[str], problems: list[Problem]) -> None:
    """Foreign keys, and every supporting quote's fact in the table its fact_type names. References into a
    table that could not be read are not checked (its one problem is named already)."""
    keys: dict[str, set[str]] = {}
    for name, rows in tables.items():
        for col in SEEDS[name].columns:
            keys[f"{name}.{col.name}"] = {r[col.name] for _, r in rows}
    for name, rows in tables.items():
        seed = SEEDS[name]
        for col in seed.columns:
            if not col.ref or col.ref.split(".")[0] in unreadable or col.ref not in keys:
                continue
            for line, row in rows:
                value = row[col.name]
                if value and value not in keys[col.ref]:
                    problems.append(_p(row, line, col.name, f"unknown id {value!r} (not in {col.ref})", seed))
    seed = SEEDS["supporting_quotes"]
    for line, row in tables.get("supporting_quotes", []):
        table = FACT_TABLES.get(row["fact_type"])
        if not table or table in unreadable or table not in tables:
            continue
        fact_keys = keys[f"{table}.{SEEDS[table].key}"]
        if row["fact_id"] and row["fact_id"] not in fact_keys:
            problems.append(
                _p(row, line, "fact_id", f"no {row['fact_type']} {row['fact_id']!r} in seeds/{table}.csv", seed)
            )


def load_document_texts(project_dir: Path, documents: list[Row], problems: list[Problem]) -> dict[str, str]:
    import hashlib

    seed = SEEDS["documents"]
    corpus_dir = project_dir / "corpus"
    texts: dict[str, str] = {}
    used: dict[str, int] = {}
    for line, row in documents:
        name = row["file_name"]
        if not name:
            continue
        if not _FILE_NAME.fullmatch(name) or ".." in name:
            problems.append(_p(row, line, "file_name", f"{name!r} is not a plain .txt file name inside corpus/", seed))
            continue
        if name in used:
            problems.append(_p(row, line, "file_name", f"{name} is already registered at line {used[name]}", seed))
            continue
        used[name] = line
        path = corpus_dir / name
        if not path.is_file():
            problems.append(_p(row, line, "file_name", f"file corpus/{name} does not exist", seed))
            continue
        data = path.read_bytes()
        text, problem = textcheck.decode_utf8(data, f"corpus/{name}")
        if problem:
            problems.append(problem)
        if text is None or problem:
            continue
        texts[row["document_id"]] = text
        if hashlib.sha256(data).hexdigest() != row["sha256"]:
            problems.append(
                _p(row, line, "sha256", f"does not match corpus/{name} (the file changed or the hash is wrong)", seed)
            )
        if str(len(text)) != row["char_count"]:
            problems.append(
                _p(row, line, "char_count", f"{row['char_count']} but corpus/{name} has {len(text)} characters", seed)
            )
    return texts


def locate_regions(
    texts: dict[str, str], regions: list[Row], problems: list[Problem]
) -> tuple[list[dict[str, object]], dict[str, list[tuple[int, int]]]]:
    """Offsets of every region (-1 when it cannot be located) and the excluded (non-article) spans per document."""
    seed = SEEDS["document_regions"]
    located: list[dict[str, object]] = []
    excluded: dict[str, list[tuple[int, int]]] = {}
    for line, row in regions:
        text = texts.get(row["document_id"])
        if text is None or not row["starts_with"] or not row["ends_with"]:
            continue
        for col in ("starts_with", "ends_with"):
            if len(row[col]) < textcheck.MIN_REGION_WORDS_CHARS:
                problems.append(
                    _p(
                        row,
                        line,
                        col,
                        f"too short to mark a region (under {textcheck.MIN_REGION_WORDS_CHARS} characters)",
                        seed,
                    )
                )
        span = textcheck.locate_region(text, row["starts_with"], row["ends_with"])
        if isinstance(span, str):
            column = "starts_with" if span.startswith("starts_with") else "ends_with"
            hint = textcheck.near_match(text, row[column]) if "not in the document" in span else ""
            problems.append(_p(row, line, column, span + (f"; {hint}" if hint else ""), seed))
            span = (-1, -1)
        located.append(
            {
                "source_table": "document_regions",
                "source_key": row["region_id"],
                "document_id": row["document_id"],
                "char_start": span[0],
                "char_end": span[1],
            }
        )
        if span[0] >= 0 and row["region_type"] != "article":
            excluded.setdefault(row["document_id"], []).append(span)
    return located, excluded


def _quoted_rows(tables: dict[str, list[Row]]) -> Iterable[tuple[str, Seed, int, dict[str, str], str]]:
    """(seed name, seed, line, row, document_id) for every row with quotes; an event actor's document is its
    mention's document."""
    mention_documents = {r["mention_id"]: r["document_id"] for _, r in tables.get("event_mentions", [])}
    for name, rows in tables.items():
        seed = SEEDS[name]
        if not seed.quote_columns or name == "document_regions":
            continue
        for line, row in rows:
            document_id = row.get("document_id") or mention_documents.get(row.get("mention_id", ""), "")
            yield name, seed, line, row, document_id


def check_quotes(
    tables: dict[str, list[Row]],
    texts: dict[str, str],
    excluded: dict[str, list[tuple[int, int]]],
    problems: list[Problem],
    refused: dict[str, set[tuple[int, str]]] | None = None,
) -> list[dict[str, object]]:
    """Locate every quote in its document (`refused`: cells check_values already refused, skipped)."""
    located: list[dict[str, object]] = []
    refused = refused or {}
    for name, seed, line, row, document_id in _quoted_rows(tables):
        text = texts.get(document_id)
        for col in seed.quote_columns:
            quote = row[col]
            if not quote or text is None or (line, col) in refused.get(name, ()):
                continue
            if len(quote) < textcheck.MIN_QUOTE_CHARS or len(quote.split()) < textcheck.MIN_QUOTE_WORDS:
                problems.append(
                    _p(
                        row,
                        line,
                        col,
                        f"quote {quote!r} is too short to identify a passage (at least "
                        f"{textcheck.MIN_QUOTE_CHARS} characters and {textcheck.MIN_QUOTE_WORDS} words)",
                        seed,
                    )
                )
            where = textcheck.locate_quote(text, quote, excluded.get(document_id, []))
            if where.char_start < 0:
                hint = textcheck.near_match(text, quote)
                problems.append(_p(row, line, col, f"not found in {document_id}: {quote[:80]!r}; {hint}", seed))
            elif not where.is_in_article_text:
                problems.append(
                    _p(
                        row,
                        line,
                        col,
                        "quote is found only in, or running into, page chrome, reader comments, tags, references "
                        "or an author note",
                        seed,
                    )
                )
            located.append(
                {
                    "source_table": name,
                    "source_key": row[seed.key],
                    "document_id": document_id,
                    "char_start": where.char_start,
                    "char_end": where.char_end,
                    "occurrence_count": where.occurrence_count,
                    "is_in_article_text": where.is_in_article_text,
                }
            )
        if name == "entity_aliases" and row["alias"] and row["quote"] and row["alias"] not in row["quote"]:
            problems.append(_p(row, line, "alias", f"alias {row['alias']!r} is not in its quote", seed))
    return located


def check_figures_in_quotes(
    tables: dict[str, list[Row]], problems: list[Problem], refused: dict[str, set[tuple[int, str]]] | None = None
) -> None:
    """Every figure phrase occurs in its row's quote or in a supporting quote of the same fact from the same
    document; a figure given only by reference is accepted when the notes say what it stands for, in the form
    `<prefix>_text '<phrase>' stands for '<words of the quote>'`."""
    support: dict[tuple[str, str], list[str]] = {}
    for _, row in tables.get("supporting_quotes", []):
        support.setdefault((row["fact_id"], row["document_id"]), []).append(row["quote"])
    refused = refused or {}
    for name in ("event_mentions", "membership_estimates"):
        seed = SEEDS[name]
        for line, row in tables.get(name, []):
            if any(cell[0] == line for cell in refused.get(name, ())):
                continue  # a cell of this row was refused outright: its figures are not compared
            quotes = [row["quote"], *support.get((row[seed.key], row["document_id"]), [])]
            stands_for = {(m.group(1), m.group(2)): m.group(3) for m in _STANDS_FOR.finditer(row["notes"])}
            for prefix in seed.quantities:
                phrase = row[f"{prefix}_text"]
                if not phrase or any(textcheck.phrase_in_quote(phrase, q) for q in quotes):
                    continue
                words = stands_for.get((prefix, phrase))
                if words and textcheck.phrase_in_quote(words, row["quote"]):
                    continue
                problems.append(
                    _p(
                        row,
                        line,
                        f"{prefix}_text",
                        f"figure phrase {phrase!r} is not in the row's quote or a supporting quote of this fact "
                        f"(a figure given by reference needs notes saying \"{prefix}_text '{phrase}' stands for "
                        "'<words of the quote>'\")",
                        seed,
                    )
                )


def _seed_files(project_dir: Path, problems: list[Problem]) -> None:
    for path in sorted((project_dir / "seeds").glob("*.csv")):
        if path.stem not in SEEDS:
            problems.append(
                Problem(
                    f"seeds/{path.name}",
                    0,
                    "",
                    "not a seed of the schema (src/militancy/seed_schema.py), so it would not be checked: "
                    "move it out of seeds/ or add it to the schema",
                )
            )


def _unregistered_corpus(project_dir: Path, registered: set[str]) -> list[Problem]:
    return [
        Problem(
            f"corpus/{path.name}",
            0,
            "",
            "not registered in seeds/documents.csv: it is not loaded into the warehouse",
        )
        for path in sorted((project_dir / "corpus").glob("*.txt"))
        if path.name not in registered
    ]


def check(project_dir: Path) -> Validation:
    """Read and check every seed and corpus file under `project_dir`; never raises for bad input."""
    result = Validation()
    problems = result.problems
    _seed_files(project_dir, problems)
    unreadable: set[str] = set()
    raw: dict[str, list[Row]] = {}
    for name, seed in SEEDS.items():
        path = project_dir / "seeds" / f"{name}.csv"
        rel = f"seeds/{name}.csv"
        if not path.exists():
            problems.append(Problem(rel, 0, "", "seed file is missing"))
            unreadable.add(name)
            continue
        rows = read_seed(path, seed, problems, rel)
        if rows is None:
            unreadable.add(name)
        raw[name] = rows or []
    bounds = _document_bounds(raw)
    refused = {name: check_values(SEEDS[name], rows, problems, bounds) for name, rows in raw.items()}
    result.tables = raw
    check_references(raw, unreadable, problems)
    documents = raw.get("documents", [])
    result.corpus_files = [r["file_name"] for _, r in documents if r["file_name"]]
    if "documents" not in unreadable:
        result.warnings = _unregistered_corpus(project_dir, set(result.corpus_files))
    result.texts = load_document_texts(project_dir, documents, problems)
    result.regions, excluded = locate_regions(result.texts, raw.get("document_regions", []), problems)
    result.quotes = check_quotes(raw, result.texts, excluded, problems, refused)
    check_figures_in_quotes(raw, problems, refused)
    return result


def validate(project_dir: Path) -> Validation:
    """Check the project's seeds and corpus; raise SeedError listing every problem. Returns what was read
    (with warnings, e.g. unregistered corpus files) when there is none."""
    result = check(project_dir)
    if result.problems:
        raise SeedError(result.problems)
    return result
