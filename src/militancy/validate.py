"""Check the seed CSVs before dbt loads them, naming file, line and column for every problem.

dbt's tests check the same invariants inside the warehouse; this runs first so that a curator gets a
precise message ("seeds/event_mentions.csv line 14, column killed_high: ...") instead of a failed cast.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

from militancy.quantities import QuantityError, parse_quantity
from militancy.seed_schema import SEEDS, Seed

csv.field_size_limit(10_000_000)


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file} line {self.line}" if self.line else self.file
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


class SeedError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} problem(s) in the seed files:\n{shown}{more}")


Row = tuple[int, dict[str, str]]


def read_seed(path: Path, seed: Seed, problems: list[Problem]) -> list[Row]:
    """Read one CSV strictly: the header must match the schema and every row must have every column."""
    rel = _rel(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(rel, 0, "", f"not UTF-8: {exc}"))
        return []
    rows: list[Row] = []
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        problems.append(Problem(rel, 1, "", "empty file, expected a header row"))
        return []
    except csv.Error as exc:
        problems.append(Problem(rel, 1, "", f"malformed CSV: {exc}"))
        return []
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
        return []
    while True:
        start = reader.line_num + 1
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(rel, start, "", f"malformed CSV: {exc}"))
            break
        if not fields:
            continue
        if len(fields) != len(header):
            problems.append(Problem(rel, start, "", f"expected {len(header)} fields, found {len(fields)}"))
            continue
        rows.append((start, {**dict(zip(header, fields, strict=True)), "__file__": rel}))
    return rows


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _parse_date(value: str) -> dt.date:
    if len(value) != 10:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)")
    return dt.date.fromisoformat(value)


def check_values(seed: Seed, rows: list[Row], problems: list[Problem]) -> None:
    seen: dict[str, int] = {}
    for line, row in rows:
        key = row[seed.key]
        if key in seen:
            problems.append(
                Problem(row["__file__"], line, seed.key, f"duplicate key {key!r} (first at line {seen[key]})")
            )
        seen.setdefault(key, line)
        for col in seed.columns:
            value = row[col.name]
            if value != value.strip():
                problems.append(Problem(row["__file__"], line, col.name, "leading or trailing white space"))
            if not value:
                if col.required:
                    problems.append(Problem(row["__file__"], line, col.name, "required value is empty"))
                continue
            if col.codes and value not in col.codes:
                problems.append(Problem(row["__file__"], line, col.name, f"{value!r} is not one of {list(col.codes)}"))
            try:
                if col.kind == "integer":
                    int(value)
                elif col.kind == "date":
                    _parse_date(value)
                elif col.kind == "boolean" and value not in ("true", "false"):
                    raise ValueError(f"{value!r} is not true or false")
            except ValueError as exc:
                problems.append(Problem(row["__file__"], line, col.name, f"bad {col.kind}: {exc}"))
        _check_ranges(seed, line, row, problems)
        _check_quantities(seed, line, row, problems)
        _check_intervals(seed, line, row, problems)


def _int(value: str) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _date(value: str) -> dt.date | None:
    try:
        return _parse_date(value) if value else None
    except ValueError:
        return None


def _check_ranges(seed: Seed, line: int, row: dict[str, str], problems: list[Problem]) -> None:
    for low_col, high_col in seed.ranges:
        low, high = row[low_col], row[high_col]
        parse = _int if _is_int(seed, low_col) else _date
        lo, hi = parse(low), parse(high)
        if lo is not None and hi is not None and lo > hi:
            problems.append(
                Problem(row["__file__"], line, high_col, f"{low_col} {low} is after/greater than {high_col} {high}")
            )


def _is_int(seed: Seed, name: str) -> bool:
    return next(c for c in seed.columns if c.name == name).kind == "integer"


def _check_quantities(seed: Seed, line: int, row: dict[str, str], problems: list[Problem]) -> None:
    for prefix in seed.quantities:
        text, low, high = row[f"{prefix}_text"], _int(row[f"{prefix}_low"]), _int(row[f"{prefix}_high"])
        if low is not None and high is not None and low > high:
            problems.append(Problem(row["__file__"], line, f"{prefix}_high", f"low {low} > high {high}"))
            continue
        if not text:
            if low is not None or high is not None:
                problems.append(
                    Problem(row["__file__"], line, f"{prefix}_text", "a figure without the phrase it comes from")
                )
            continue
        try:
            expected = parse_quantity(text)
        except QuantityError as exc:
            problems.append(
                Problem(row["__file__"], line, f"{prefix}_text", f"phrase does not follow the quantity rule: {exc}")
            )
            continue
        if (low, high) != expected:
            problems.append(
                Problem(
                    row["__file__"],
                    line,
                    f"{prefix}_low",
                    f"{text!r} gives low/high {expected} by the rule, found ({low}, {high})",
                )
            )


def _check_intervals(seed: Seed, line: int, row: dict[str, str], problems: list[Problem]) -> None:
    for start_col, end_col, precision_col in seed.date_intervals:
        start, end = _date(row[start_col]), _date(row[end_col])
        if start and end and start > end:
            problems.append(Problem(row["__file__"], line, end_col, f"{start_col} {start} is after {end_col} {end}"))
            continue
        if not precision_col:
            continue
        precision = row[precision_col]
        if precision == "unknown":
            if start or end:
                problems.append(
                    Problem(row["__file__"], line, precision_col, "precision 'unknown' but dates are given")
                )
            continue
        if not (start and end):
            problems.append(
                Problem(
                    row["__file__"], line, start_col, f"precision {precision!r} needs both {start_col} and {end_col}"
                )
            )
            continue
        span = (end - start).days
        if precision == "day" and span != 0:
            problems.append(Problem(row["__file__"], line, end_col, "precision 'day' needs start = end"))
        elif precision == "days" and not 1 <= span <= 7:
            problems.append(Problem(row["__file__"], line, end_col, "precision 'days' is a span of 2 to 8 days"))
        elif precision == "month":
            last = calendar.monthrange(start.year, start.month)[1]
            if start.day != 1 or end != start.replace(day=last):
                problems.append(
                    Problem(
                        row["__file__"], line, end_col, "precision 'month' needs the first to the last day of one month"
                    )
                )
        elif precision == "year" and (start != dt.date(start.year, 1, 1) or end != dt.date(start.year, 12, 31)):
            problems.append(
                Problem(row["__file__"], line, end_col, "precision 'year' needs Jan 1 to Dec 31 of one year")
            )


def check_references(tables: dict[str, list[Row]], problems: list[Problem]) -> None:
    keys: dict[str, set[str]] = {}
    for name, rows in tables.items():
        for col in SEEDS[name].columns:
            keys[f"{name}.{col.name}"] = {r[col.name] for _, r in rows}
    for name, rows in tables.items():
        for col in SEEDS[name].columns:
            if not col.ref or col.ref not in keys:
                continue
            for line, row in rows:
                value = row[col.name]
                if value and value not in keys[col.ref]:
                    problems.append(
                        Problem(row["__file__"], line, col.name, f"unknown id {value!r} (not in {col.ref})")
                    )


def load_document_texts(corpus_dir: Path, documents: list[Row], problems: list[Problem]) -> dict[str, str]:
    import hashlib

    texts: dict[str, str] = {}
    for line, row in documents:
        path = corpus_dir / row["file_name"]
        if not path.is_file():
            problems.append(Problem(row["__file__"], line, "file_name", f"file {path} does not exist"))
            continue
        data = path.read_bytes()
        text = data.decode("utf-8")
        texts[row["document_id"]] = text
        if hashlib.sha256(data).hexdigest() != row["sha256"]:
            problems.append(
                Problem(
                    row["__file__"],
                    line,
                    "sha256",
                    f"does not match {path} (the corpus file changed or the hash is wrong)",
                )
            )
        if str(len(text)) != row["char_count"]:
            problems.append(
                Problem(
                    row["__file__"], line, "char_count", f"{row['char_count']} but {path} has {len(text)} characters"
                )
            )
    return texts


def excluded_spans(texts: dict[str, str], regions: list[Row]) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for _, row in regions:
        text = texts.get(row["document_id"])
        if text is None or row["region_type"] == "article":
            continue
        start = text.find(row["starts_with"])
        end = text.find(row["ends_with"], max(start, 0))
        if start >= 0 and end >= 0:
            spans.setdefault(row["document_id"], []).append((start, end + len(row["ends_with"])))
    return spans


def check_quotes(
    tables: dict[str, list[Row]],
    texts: dict[str, str],
    spans: dict[str, list[tuple[int, int]]],
    problems: list[Problem],
) -> None:
    for name, rows in tables.items():
        seed = SEEDS[name]
        for line, row in rows:
            text = texts.get(row.get("document_id", ""))
            if text is None:
                continue
            for col in seed.quote_columns:
                quote = row[col]
                if not quote:
                    continue
                if quote not in text:
                    problems.append(
                        Problem(row["__file__"], line, col, f"not found in {row['document_id']}: {quote[:80]!r}")
                    )
                    continue
                if name != "document_regions" and _only_in_excluded(text, quote, spans.get(row["document_id"], [])):
                    problems.append(
                        Problem(
                            row["__file__"],
                            line,
                            col,
                            "quote is found only in page chrome, reader comments or references",
                        )
                    )
            if name == "entity_aliases" and row["alias"] and row["alias"] not in row["quote"]:
                problems.append(Problem(row["__file__"], line, "alias", f"alias {row['alias']!r} is not in its quote"))


def _only_in_excluded(text: str, quote: str, spans: list[tuple[int, int]]) -> bool:
    start = text.find(quote)
    while start >= 0:
        end = start + len(quote)
        if not any(s <= start and end <= e for s, e in spans):
            return False
        start = text.find(quote, start + 1)
    return True


def validate(project_dir: Path) -> None:
    """Raise SeedError listing every problem in the project's seeds."""
    problems: list[Problem] = []
    tables: dict[str, list[Row]] = {}
    for name, seed in SEEDS.items():
        path = project_dir / "seeds" / f"{name}.csv"
        if not path.exists():
            problems.append(Problem(_rel(path), 0, "", "seed file is missing"))
            continue
        rows = read_seed(path, seed, problems)
        check_values(seed, rows, problems)
        tables[name] = rows
    check_references(tables, problems)
    if "documents" in tables:
        texts = load_document_texts(project_dir / "corpus", tables["documents"], problems)
        spans = excluded_spans(texts, tables.get("document_regions", []))
        check_quotes(tables, texts, spans, problems)
    if problems:
        raise SeedError(problems)


def main(argv: list[str] | None = None) -> int:
    project_dir = Path(argv[0] if argv else ".")
    try:
        validate(project_dir)
    except SeedError as exc:
        print(exc, file=sys.stderr)
        return 1
    print("seeds ok")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
