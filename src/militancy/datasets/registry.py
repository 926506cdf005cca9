"""Register, check and list the event-dataset files a user brings (UCDP GED, GTD, ACLED).

`militancy datasets add PATH --format gtd` checks the file against its published layout (exact column set,
types, codebook codes; a clear error names file, line and column), stores a UTF-8 copy with a header row in the
drop folder `datasets/<format>/` and records it in `datasets/registry.csv` (checksums of the original and of the
copy, row count, layout version, licence note). Nothing is registered when a check fails. Before every build
`check_registered` checks each registered copy again (checksum, layout, values), so a file edited or replaced
by hand cannot reach the warehouse. The files and the registry are never committed (see datasets/README.md).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
import os
import re
import shutil
import tempfile
from array import array
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import duckdb

from militancy.datasets.formats import ACLED_DATE_FORMATS, FORMATS, DatasetFormat, Field, WarningRule
from militancy.duckdb_memory import capped

__all__ = ["FORMATS", "DatasetError", "RegisteredDataset", "add", "check_registered", "read_registry", "remove"]
from militancy.validate import Problem, SeedError

csv.field_size_limit(100_000_000)

DATASETS_DIR = Path("datasets")
REGISTRY_NAME = "registry.csv"
CODES_SEED = Path("seeds/datasets/dataset_codes.csv")
MAX_PROBLEMS = 50


class DatasetError(SeedError):
    """A dataset file does not match its published layout; nothing was registered or built. `total`: how many
    problems there are in all, when only some are listed (each check lists its first few records)."""

    def __init__(self, problems: list[Problem], total: int | None = None):
        super().__init__(problems)
        shown = problems[:MAX_PROBLEMS]
        total = max(total or 0, len(problems))
        lines = "\n".join(f"  - {p}" for p in shown)
        count = f"{total} problem(s)" if total == len(shown) else f"{total} problem(s), {len(shown)} shown"
        self.total = total
        self.args = (f"{count} in the dataset file(s):\n{lines}",)

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class RegisteredDataset:
    dataset_id: str
    format: str
    release: str
    layout_version: str
    file_name: str  # the stored UTF-8 copy, relative to the datasets folder
    original_name: str
    original_sha256: str
    original_encoding: str
    had_header: bool
    sha256: str  # of the stored copy, checked before every build
    row_count: int
    licence_note: str
    added_at_utc: str
    variant: str = ""  # the published layout detected (older registries: empty)
    warnings: str = ""  # records flagged by the format's warning rules: "rule_id N; rule_id M", empty for none


REGISTRY_COLUMNS = tuple(f.name for f in fields(RegisteredDataset))


def datasets_dir(project_dir: Path) -> Path:
    value = os.environ.get("MILITANCY_DATASETS_DIR")
    path = Path(value) if value else DATASETS_DIR
    return path if path.is_absolute() else project_dir / path


def read_registry(project_dir: Path, folder: Path | None = None) -> list[RegisteredDataset]:
    path = (folder or datasets_dir(project_dir)) / REGISTRY_NAME
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    entries = []
    for line, row in enumerate(rows, start=2):
        file_name = row.get("file_name") or ""
        if not _safe_stored_name(file_name, row.get("format") or ""):
            message = f"{file_name!r} is not a stored copy inside the datasets folder (<format>/<dataset_id>.csv)"
            raise DatasetError([Problem(_rel(path), line, "file_name", message)])
        known = {k: v for k, v in row.items() if k in REGISTRY_COLUMNS}
        entries.append(
            RegisteredDataset(
                **{**known, "had_header": row["had_header"] == "true", "row_count": int(row["row_count"])}
            )
        )
    return entries


def _safe_stored_name(file_name: str, format_name: str) -> bool:
    """A registry row may only name a stored copy `<format>/<name>.csv` inside the datasets folder: no absolute
    path, no `..`, no other folder (a registry edited to name ../../etc/passwd is refused, never read)."""
    parts = file_name.split("/")
    return (
        len(parts) == 2
        and parts[0] == format_name
        and re.fullmatch(r"[A-Za-z0-9_.-]+[.]csv", parts[1]) is not None
        and not parts[1].startswith(".")
    )


def write_registry(project_dir: Path, entries: list[RegisteredDataset], folder: Path | None = None) -> None:
    folder = folder or datasets_dir(project_dir)
    folder.mkdir(parents=True, exist_ok=True)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=REGISTRY_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for entry in entries:
        row = asdict(entry)
        row["had_header"] = "true" if entry.had_header else "false"
        writer.writerow(row)
    tmp = folder / (REGISTRY_NAME + ".tmp")
    tmp.write_text(out.getvalue(), encoding="utf-8")
    os.replace(tmp, folder / REGISTRY_NAME)


def read_codes(project_dir: Path) -> dict[tuple[str, str], tuple[str, ...]]:
    """The codebook codes per (format, codebook), from the seed dbt maps them with: one list for both."""
    codes: dict[tuple[str, str], list[str]] = {}
    with (project_dir / CODES_SEED).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            codes.setdefault((row["format"], row["codebook"]), []).append(row["code"])
    return {key: tuple(values) for key, values in codes.items()}


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --- reading the user's file -------------------------------------------------------------------------------

# Files larger than this show a progress bar on standard error while they are read.
PROGRESS_BYTES = 256 << 20


@dataclass
class Normalised:
    encoding: str
    had_header: bool
    row_count: int
    lines: array  # line (or spreadsheet row) of each record in the user's file, for error messages
    variant: str  # the published layout detected, in words ("pre-2023 export (data_id ... iso3); NA for missing")


@dataclass(frozen=True)
class HeaderMap:
    """Where each stored column comes from in the user's records (None: the variant lacks it, stored empty)."""

    positions: tuple[int | None, ...]
    missing: tuple[str, ...]  # optional or extra columns the file lacks
    aliased: tuple[tuple[str, str], ...]  # (name in the file, stored name) for older names
    present_extras: tuple[str, ...]


def _header_problem(fmt: DatasetFormat, header: list[str], where: str) -> Problem:
    expected = list(fmt.published_names)
    resolved = [fmt.resolve_name(h) for h in header]
    missing = [c for c in fmt.required_names if c not in resolved]
    extra = [h for h, r in zip(header, resolved, strict=True) if r is None]
    doubled = sorted({r for r in resolved if r is not None and resolved.count(r) > 1})
    swaps = [
        (i, want, got)
        for i, (want, got) in enumerate(zip(expected, header, strict=False))
        if want != got and want in missing and got in extra
    ]
    renamed = [f"{got!r} where {want!r} was expected (column {i + 1})" for i, want, got in swaps]
    parts = []
    if renamed:
        parts.append("renamed: " + "; ".join(renamed))
    if missing:
        parts.append(f"missing {missing}")
    if extra:
        parts.append(f"unexpected {extra}")
    if doubled:
        parts.append(f"given twice {doubled}")
    column = swaps[0][2] if swaps else ""
    return Problem(
        where,
        1,
        column or (missing[0] if missing else ""),
        f"header is not a {fmt.label} layout ({fmt.layout_version}): " + ", ".join(parts),
    )


def map_header(fmt: DatasetFormat, header: list[str], where: str) -> HeaderMap:
    """Match the file's column names to the stored layout, by name (any order; older aliases; optional columns
    may be absent, known extras kept). Unknown or doubled names, or a required column missing, are errors."""
    names = [h.strip() for h in header]
    resolved = [fmt.resolve_name(n) for n in names]
    if None in resolved or any(c not in resolved for c in fmt.required_names) or len(set(resolved)) < len(resolved):
        raise DatasetError([_header_problem(fmt, names, where)])
    index = {r: i for i, r in enumerate(resolved)}
    return HeaderMap(
        positions=tuple(index.get(c) for c in fmt.column_names),
        missing=tuple(c for c in fmt.column_names if c not in index),
        aliased=tuple((n, r) for n, r in zip(names, resolved, strict=True) if n != r),
        present_extras=tuple(c.name for c in fmt.columns if c.extra and c.name in index),
    )


def _is_header(fmt: DatasetFormat, first: list[str]) -> bool:
    """A first row is a header when it holds column names; UCDP files without a header start with values."""
    hits = sum(1 for value in first if fmt.resolve_name(value.strip()) is not None)
    return hits >= max(3, len(first) // 2)


def _is_hxl_row(record: list[str]) -> bool:
    """HDX adds a second header row of HXL hashtags (#date+start, #affected+killed, ...) under the names."""
    values = [v.strip() for v in record if v.strip()]
    return bool(values) and all(v.startswith("#") for v in values)


def describe_variant(fmt: DatasetFormat, mapping: HeaderMap, hxl: bool, labelled: set[str], na_seen: bool) -> str:
    """The published layout a file was detected as, in words, for the registry and `datasets add`."""
    missing = set(mapping.missing) - {c.name for c in fmt.columns if c.extra}
    if fmt.name == "acled":
        if "data_id" in mapping.present_extras:
            parts = ["pre-2023 export (data_id ... iso3)"]
        elif {"actor2", "assoc_actor_2", "inter2"} <= missing:
            parts = ["monadic export (no second actor)"]
        else:
            parts = ["current export"]
        if labelled & {"inter1", "inter2", "interaction"}:
            parts.append("actor types as labels")
    elif fmt.name == "ucdp-ged":
        parts = ["Candidate GED (active_year true/false)" if "active_year" in labelled else "GED"]
        if "iso3" in mapping.present_extras:
            parts.append("HDX country extract (+ iso3)")
    else:
        parts = [fmt.label]
    if missing:
        parts.append(f"without {', '.join(sorted(missing))}")
    if mapping.aliased:
        parts.append("older names " + ", ".join(f"{a} as {b}" for a, b in mapping.aliased))
    if hxl:
        parts.append("HXL tag row skipped")
    if na_seen:
        parts.append("NA for missing")
    return "; ".join(parts)


class _Undecodable(Exception):
    def __init__(self, line: int, error: UnicodeDecodeError):
        self.line, self.error = line, error


def _ends_with_newline(src: Path) -> bool:
    with src.open("rb") as handle:
        handle.seek(0, os.SEEK_END)
        if handle.tell() == 0:
            return True
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) in (b"\n", b"\r")


def normalise_csv(src: Path, fmt: DatasetFormat, dest: Path, where: str, spreadsheet: bool = False) -> Normalised:
    """Read the user's CSV strictly, streaming, and write a UTF-8 copy in the stored layout: columns matched by
    name, absent optional columns empty, `NA` (R's missing value) empty, text labels mapped to their codes, an HXL
    tag row skipped. Check the shape of every record (field count, unterminated quotes: a truncated file fails).
    `spreadsheet`: the CSV was converted from an XLSX sheet; errors name its rows, not lines."""
    problems: list[Problem] = []
    for encoding in fmt.encodings:
        try:
            return _normalise_stream(src, fmt, dest, where, encoding, problems, spreadsheet)
        except _Undecodable as exc:
            last = exc
            problems.clear()
    message = f"cannot be decoded as {' or '.join(fmt.encodings)}: {last.error}"
    raise DatasetError([Problem(where, last.line, "", message)])


def _normalise_stream(
    src: Path, fmt: DatasetFormat, dest: Path, where: str, encoding: str, problems: list[Problem], spreadsheet: bool
) -> Normalised:
    size = src.stat().st_size
    lines = array("q")
    labelled: set[str] = set()
    na_seen = hxl = False
    codec = "utf-8-sig" if encoding == "utf-8" else encoding
    total = 0  # records with a problem, beyond those listed
    from tqdm import tqdm

    with (
        src.open("rb") as raw,
        io.TextIOWrapper(raw, encoding=codec, newline="") as text,
        dest.open("w", encoding="utf-8", newline="") as out,
        tqdm(total=size, unit="B", unit_scale=True, desc=f"reading {src.name}", disable=size < PROGRESS_BYTES) as bar,
    ):
        reader = csv.reader(text, strict=True)
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(fmt.column_names)

        def read() -> list[str] | None:
            try:
                return next(reader)
            except StopIteration:
                return None
            except UnicodeDecodeError as exc:
                raise _Undecodable(reader.line_num + 1, exc) from None

        try:
            first = read()
        except csv.Error as exc:
            raise DatasetError([Problem(where, 1, "", f"malformed CSV: {exc}")]) from None
        if first is None:
            raise DatasetError([Problem(where, 1, "", "empty file")])
        had_header = _is_header(fmt, first)
        pending: list[str] | None = None
        if had_header:
            mapping = map_header(fmt, first, where)
        elif not fmt.header_optional:
            raise DatasetError([Problem(where, 1, "", f"no header row; a {fmt.label} file starts with its header")])
        elif len(first) != len(fmt.published_names):
            message = f"no header row and {len(first)} fields; the layout has {len(fmt.published_names)} columns"
            raise DatasetError([Problem(where, 1, "", message)])
        else:
            mapping = map_header(fmt, list(fmt.published_names), where)
            pending = first
        width = len(first) if had_header else len(fmt.published_names)
        plan = [
            (pos, {k.casefold(): v for k, v in field.labels} if field.labels else None, field.name)
            for field, pos in zip(fmt.columns, mapping.positions, strict=True)
        ]
        n = 0
        while True:
            start = 1 if pending is not None else reader.line_num + 1
            try:
                record = pending if pending is not None else read()
            except csv.Error as exc:
                problems.append(Problem(where, start, "", f"malformed CSV (truncated file?): {exc}"))
                break
            pending = None
            if record is None:
                break
            if not record:
                continue
            n += 1
            if n == 1 and had_header and _is_hxl_row(record):
                hxl = True
                continue
            if len(record) != width:
                total += 1
                if len(problems) < MAX_PROBLEMS:
                    hint = " (truncated file?)" if len(record) < width else ""
                    line = n + 1 if spreadsheet else start
                    problems.append(Problem(where, line, "", f"expected {width} fields, found {len(record)}{hint}"))
                continue
            row = []
            for pos, labels, name in plan:
                value = record[pos] if pos is not None else ""
                if value == "NA":
                    value, na_seen = "", True
                elif labels is not None and value:
                    code = labels.get(value.strip().casefold())
                    if code is not None:
                        value = code
                        labelled.add(name)
                row.append(value)
            writer.writerow(row)
            lines.append(n + 1 if spreadsheet else start)
            if len(lines) % 65536 == 0:
                bar.update(raw.tell() - bar.n)
        bar.update(size - bar.n)
    if not spreadsheet and not problems and not _ends_with_newline(src):
        # A download cut off inside its last record usually still parses: the shape check above catches it when
        # fields are missing; a last line without its newline is reported so that a partial last value is seen.
        problems.append(
            Problem(where, lines[-1] if lines else 1, "", "the file does not end with a line break (truncated file?)")
        )
    if problems:
        raise DatasetError(problems, total=max(total, len(problems)))
    return Normalised(encoding, had_header, len(lines), lines, describe_variant(fmt, mapping, hxl, labelled, na_seen))


def _excel_extension() -> str:
    import duckdb_extension_excel  # the offline wheel matching duckdb==1.5.5

    base = Path(duckdb_extension_excel.__file__).parent
    return str(next(base.rglob("excel.duckdb_extension")))


def _xlsx_cell(fmt: DatasetFormat, column: str) -> str:
    """A spreadsheet cell as the CSV export would write it: a date cell Excel stores as a serial day number
    (GTD's `resolution`: 41799) as YYYY-MM-DD; a whole number written as a real (`2.0`) without its `.0`."""
    quoted = '"' + column.replace('"', '""') + '"'
    name = fmt.resolve_name(column)
    field = fmt.field(name) if name else None
    if field is not None and field.is_date:
        serial = f"cast(floor(cast({quoted} as double)) as integer)"
        return (
            f"case when regexp_full_match({quoted}, '[0-9]{{4,6}}([.][0-9]+)?') "
            f"then strftime(date '1899-12-30' + {serial}, '%Y-%m-%d') else {quoted} end as {quoted}"
        )
    if field is not None and field.type in ("integer", "bigint", "double"):
        return f"regexp_replace({quoted}, '^(-?[0-9]+)[.]0+$', '\\1') as {quoted}"
    return quoted


def normalise_xlsx(src: Path, fmt: DatasetFormat, dest: Path, where: str) -> Normalised:
    """Read the first sheet as text with DuckDB's excel extension, write it as CSV (dates and whole numbers as a
    CSV export writes them), then normalise that CSV like any other: one reading path for both."""
    with tempfile.TemporaryDirectory(prefix="militancy-xlsx-") as scratch:
        sheet = Path(scratch) / "sheet.csv"
        try:
            with duckdb.connect() as con:
                con.execute(f"load '{_excel_extension()}'")
                columns = con.sql(
                    "select * from read_xlsx(?, all_varchar = true, header = true) limit 0", params=[str(src)]
                ).columns
                cells = ", ".join(_xlsx_cell(fmt, c) for c in columns)
                rel = con.sql(f"select {cells} from read_xlsx(?, all_varchar = true, header = true)", params=[str(src)])
                rel.write_csv(str(sheet), header=True)
        except duckdb.Error as exc:
            message = str(exc).splitlines()[0]
            raise DatasetError([Problem(where, 0, "", f"cannot be read as an XLSX workbook: {message}")]) from None
        norm = normalise_csv(sheet, fmt, dest, where, spreadsheet=True)
    return Normalised("xlsx", True, norm.row_count, norm.lines, norm.variant)


# --- checking values (DuckDB, set-based) -------------------------------------------------------------------


def _value_checks(fmt: DatasetFormat, field: Field, codes: dict[tuple[str, str], tuple[str, ...]]) -> list[str]:
    """SQL conditions that are true for a bad value of the (varchar) column `v`, with the message for each."""
    checks = []
    if field.type != "varchar":
        checks.append(f"try_cast(v as {field.type}) is null|is not a valid {field.type}")
    if field.codebook:
        allowed = codes.get((fmt.name, field.codebook))
        if allowed is None:
            raise KeyError(f"{CODES_SEED} has no codes for {fmt.name} {field.codebook}")
        listed = ", ".join("'" + c.replace("'", "''") + "'" for c in allowed)
        checks.append(f"v not in ({listed})|is not a code of the {field.codebook} codebook ({', '.join(allowed)})")
    if field.low is not None:
        unknown = ", ".join(f"'{u}'" for u in field.unknown) or "''"
        checks.append(
            f"v not in ({unknown}) and try_cast(v as integer) not between {field.low} and {field.high}"
            f"|is outside {field.low}..{field.high}"
        )
    if field.non_negative:
        checks.append("try_cast(v as double) < 0|is negative: a count is never below 0 (unknown is left blank)")
    if fmt.name == "acled" and field.name == "event_date":
        parsed = ", ".join(f"try_strptime(v, '{f}')" for f in ACLED_DATE_FORMATS)
        checks.append(
            f"coalesce({parsed}) is null|is not a date (2010-09-19, 19 September 2010 or 19-Sep-10 as Excel saves it)"
        )
    return checks


_RECORD_CHECKS = {
    "ucdp-ged": [],
    "gtd": [
        ("iday", "try_cast(imonth as integer) = 0 and try_cast(iday as integer) > 0", "a day without a month"),
    ],
    "acled": [],
}

ROWS_SHOWN = 5  # records listed per failing check; the error says how many there are in all


@dataclass(frozen=True)
class RuleWarning:
    """Records of one file flagged by one of its format's WarningRules (loaded, not refused)."""

    rule: WarningRule
    count: int
    lines: tuple[int, ...]  # the first few, for the message


@dataclass
class ValueReport:
    problems: list[Problem]
    total: int  # problems in all, of which `problems` lists the first few per check
    warnings: list[RuleWarning]


def _typed_select(fmt: DatasetFormat) -> str:
    """The varchar table `t` with each column at its layout type (unknown sentinels NULL), as dbt reads it."""
    items = []
    for f in fmt.columns:
        value = f'"{f.name}"'
        if f.unknown:
            value = f"case when {value} in ({', '.join(repr(u) for u in f.unknown)}) then null else {value} end"
        items.append(f"try_cast(nullif({value}, '') as {f.type}) as \"{f.name}\"")
    return "select rowid as record_number, " + ", ".join(items) + " from t"


def check_values(
    stored: Path, fmt: DatasetFormat, codes: dict[tuple[str, str], tuple[str, ...]], where: str, lines: array
) -> ValueReport:
    """Check every value of the stored UTF-8 copy in DuckDB: types, codes, ranges, signs, unique ids, record
    rules; and count the records each of the format's warning rules flags. `lines` maps record numbers to the
    lines of the file being reported (`where`)."""
    problems: list[Problem] = []
    total = 0

    def line_of(rowid: int) -> int:
        return lines[rowid] if rowid < len(lines) else 0

    def add(rowid: int, column: str, message: str) -> None:
        problems.append(Problem(where, line_of(rowid), column, message))

    # Under the build's memory cap, spilling to a private temporary folder: the table holds the whole file
    # (6.5 million ACLED rows at 10M mentions: a 6.7 GB peak uncapped, 3.1 GB capped).
    with (
        tempfile.TemporaryDirectory(prefix="militancy-check-") as scratch,
        duckdb.connect(config=capped(temp_directory=scratch)) as con,
    ):
        con.execute(
            "create table t as select * from read_csv(?, header = true, all_varchar = true, delim = ',', "
            "quote = '\"', escape = '\"', strict_mode = true, sample_size = -1)",
            [str(stored)],
        )
        checks: list[tuple[str, str, str]] = []  # (column, condition on the column's value v, message)
        for field in fmt.columns:
            for check in _value_checks(fmt, field, codes):
                condition, message = check.split("|", 1)
                sentinel = " and v not in (" + ", ".join(f"'{u}'" for u in field.unknown) + ")" if field.unknown else ""
                checks.append((field.name, f"v is not null and v <> ''{sentinel} and ({condition})", message))
        # One pass counts the failures of every check; only failing checks are then queried for their rows.
        # (each condition becomes a macro of v, so the column is substituted by DuckDB, not by string editing)
        for n, (_, failing_when, _) in enumerate(checks):
            con.execute(f"create temp macro failing_{n}(v) as ({failing_when})")
        counts = (
            con.execute(
                "select "
                + ", ".join(f'count_if(coalesce(failing_{n}("{c}"), false))' for n, (c, _, _) in enumerate(checks))
                + " from t"
            ).fetchone()
            if checks
            else ()
        )
        for (column, failing_when, message), failing in zip(checks, counts, strict=True):
            if not failing:
                continue
            total += failing
            sql = f'select rowid, v from (select rowid, "{column}" as v from t) where {failing_when} '
            sql += f"order by rowid limit {ROWS_SHOWN}"
            for rowid, value in con.execute(sql).fetchall():
                suffix = f" ({failing} records in all)" if failing > ROWS_SHOWN else ""
                add(rowid, column, f"{value!r} {message}{suffix}")
        key = fmt.id_column
        dup = con.execute(
            f'select rowid, "{key}", count(*) over () from (select rowid, "{key}", '
            f'count(*) over (partition by "{key}") as n, row_number() over (partition by "{key}" order by rowid) as k '
            f"from t) where n > 1 and k > 1 order by rowid limit {ROWS_SHOWN}"
        ).fetchall()
        for rowid, value, _ in dup:
            add(rowid, key, f"duplicate record id {value!r}")
        total += dup[0][2] if dup else 0
        missing = con.execute(
            f'select rowid, count(*) over () from t where "{key}" is null or "{key}" = \'\' limit {ROWS_SHOWN}'
        ).fetchall()
        for rowid, _ in missing:
            add(rowid, key, "record id is empty")
        total += missing[0][1] if missing else 0
        for column, condition, message in _RECORD_CHECKS[fmt.name]:
            found = con.execute(
                f"select rowid, count(*) over () from t where {condition} order by rowid limit {ROWS_SHOWN}"
            ).fetchall()
            for rowid, _ in found:
                add(rowid, column, message)
            total += found[0][1] if found else 0
        warnings: list[RuleWarning] = []
        if fmt.warnings and not problems:
            con.execute(f"create temp view typed as {_typed_select(fmt)}")
            for rule in fmt.warnings:
                flagged = con.execute(
                    f"select record_number, count(*) over () from typed where coalesce({rule.condition}, false) "
                    f"order by record_number limit {ROWS_SHOWN}"
                ).fetchall()
                if flagged:
                    first = tuple(line_of(r) for r, _ in flagged)
                    warnings.append(RuleWarning(rule, flagged[0][1], first))
    problems.sort(key=lambda p: (p.line, p.column))
    return ValueReport(problems, max(total, len(problems)), warnings)


def warnings_as_problems(where: str, warnings: list[RuleWarning]) -> list[Problem]:
    """`--strict`: the warnings of a file as errors, with the first lines of each rule."""
    problems = []
    for w in warnings:
        suffix = f" ({w.count} records in all)" if w.count > len(w.lines) else ""
        problems += [Problem(where, line, w.rule.column, f"{w.rule.description}{suffix}") for line in w.lines]
    return problems


def csv_record_lines(path: Path) -> array:
    """Line of each record of a stored copy (records may span lines), to name lines in re-check errors."""
    lines = array("q")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, strict=True)
        next(reader, None)
        while True:
            start = reader.line_num + 1
            if next(reader, None) is None:
                break
            lines.append(start)
    return lines


# --- add, list, re-check -------------------------------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "dataset"


def _rel(path: Path) -> str:
    with contextlib.suppress(ValueError):
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    return str(path)


@contextlib.contextmanager
def _temp_copy(folder: Path) -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=".adding-", suffix=".csv", dir=folder)
    os.close(handle)
    path = Path(name)
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


class AlreadyRegistered(DatasetError):
    """The same file (same checksum) is registered already under another id: registering it again would count
    each of its records twice. Nothing is registered; `datasets add` says so and exits 0."""


def add(
    project_dir: Path,
    src: Path,
    format_name: str,
    release: str | None = None,
    replace: bool = False,
    strict: bool = False,
) -> RegisteredDataset:
    """Check `src` against its format and register a UTF-8 copy; raise DatasetError (nothing registered).
    Records a publisher ships inconsistent (a WarningRule) load and are flagged; `strict` refuses them."""
    fmt = FORMATS[format_name]
    where = _rel(src)
    if not src.is_file():
        raise DatasetError([Problem(where, 0, "", "no such file")])
    if src.suffix.lower() not in fmt.extensions:
        raise DatasetError([Problem(where, 0, "", f"a {fmt.label} file ends with {' or '.join(fmt.extensions)}")])
    release = release or src.stem
    dataset_id = f"{_slug(fmt.name)}__{_slug(release)}"
    entries = read_registry(project_dir)
    if any(e.dataset_id == dataset_id for e in entries) and not replace:
        raise DatasetError([Problem(where, 0, "", f"{dataset_id} is already registered (use --replace)")])
    original_sha256 = sha256_file(src)
    folder = datasets_dir(project_dir) / fmt.name
    codes = read_codes(project_dir)
    with _temp_copy(folder) as tmp:
        if src.suffix.lower() == ".xlsx":
            norm = normalise_xlsx(src, fmt, tmp, where)
        else:
            norm = normalise_csv(src, fmt, tmp, where)
        stored_sha256 = sha256_file(tmp)
        twin = next(
            (
                e
                for e in entries
                if e.dataset_id != dataset_id
                and (original_sha256 in (e.original_sha256, e.sha256) or stored_sha256 == e.sha256)
            ),
            None,
        )
        if twin is not None:
            message = (
                f"the same records are registered already as {twin.dataset_id} (from {twin.original_name}); "
                "a second registration would count each of them twice"
            )
            raise AlreadyRegistered([Problem(where, 0, "", message)])
        report = check_values(tmp, fmt, codes, where, norm.lines)
        if report.problems:
            raise DatasetError(report.problems, total=report.total)
        if strict and report.warnings:
            flagged = sum(w.count for w in report.warnings)
            raise DatasetError(warnings_as_problems(where, report.warnings), total=flagged)
        stored = folder / f"{dataset_id}.csv"
        os.replace(tmp, stored)
    entry = RegisteredDataset(
        dataset_id=dataset_id,
        format=fmt.name,
        release=release,
        layout_version=fmt.layout_version,
        file_name=f"{fmt.name}/{stored.name}",
        original_name=src.name,
        original_sha256=original_sha256,
        original_encoding=norm.encoding,
        had_header=norm.had_header,
        sha256=stored_sha256,
        row_count=norm.row_count,
        licence_note=fmt.licence_note,
        added_at_utc=dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        variant=norm.variant,
        warnings="; ".join(f"{w.rule.rule_id} {w.count}" for w in report.warnings),
    )
    write_registry(project_dir, [e for e in entries if e.dataset_id != dataset_id] + [entry])
    return entry


def remove(project_dir: Path, dataset_id: str) -> RegisteredDataset:
    entries = read_registry(project_dir)
    found = [e for e in entries if e.dataset_id == dataset_id]
    if not found:
        raise DatasetError([Problem(REGISTRY_NAME, 0, "dataset_id", f"{dataset_id!r} is not registered")])
    write_registry(project_dir, [e for e in entries if e.dataset_id != dataset_id])
    (datasets_dir(project_dir) / found[0].file_name).unlink(missing_ok=True)
    return found[0]


def snapshot_registered(
    project_dir: Path,
    dest: Path,
    checked_before: dict[str, dict] | None = None,
    formats: frozenset[str] | None = None,
) -> list[RegisteredDataset]:
    """Put the registry and every registered copy into `dest` (a build's input snapshot), then check that
    snapshot as check_registered does: dbt reads exactly the files that were checked. Hard links where the file
    system allows (`datasets add` only ever replaces a stored copy, never edits it in place), else copies.
    `checked_before`: the stamps of the published build (`checked_stamps`); a copy it checked is not checked
    again (see `_still_checked`). `formats`: only the registered files of these formats go into the snapshot (a
    release leaves out the datasets whose licence forbids redistribution)."""
    source = datasets_dir(project_dir)
    entries = [e for e in read_registry(project_dir) if formats is None or e.format in formats]
    if not entries:
        return entries
    dest.mkdir(parents=True, exist_ok=True)
    # Written anew, not copied: a registry of an older version gets the current columns dbt reads.
    write_registry(project_dir, entries, folder=dest)
    for entry in entries:
        original, target = source / entry.file_name, dest / entry.file_name
        if not original.is_file():
            continue  # check_registered names it
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(original, target)
        except OSError:
            shutil.copy2(original, target)
    return check_registered(project_dir, folder=dest, shown=source, checked_before=checked_before)


def _stamp(stored: Path, entry: RegisteredDataset) -> dict:
    """The identity of one stored copy as checked: the file on disk (inode, size, modification time: a stored copy
    is only ever replaced, never edited in place), its registered checksum and format. The code and codebook it
    was checked with are the build's own state (refresh.dataset_checks_hold)."""
    stat = stored.stat()
    return {
        "sha256": entry.sha256,
        "format": entry.format,
        "inode": stat.st_ino,
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
    }


def _still_checked(stored: Path, entry: RegisteredDataset, stamp: dict | None) -> bool:
    """True when the published build checked this very file (same inode, size and modification time: git's
    rule for an unchanged file) with the same checksum and format. Then neither its sha256 (5 GB at 10M
    mentions) nor its values are read again."""
    if stamp is None or not stored.is_file():
        return False
    return _stamp(stored, entry) == stamp


def checked_stamps(project_dir: Path, folder: Path) -> dict[str, dict]:
    """The stamps of every registered copy in `folder` (a build's snapshot), written beside a published build
    whose checks passed; the next build reads them as `checked_before`."""
    return {
        entry.file_name: _stamp(folder / entry.file_name, entry)
        for entry in read_registry(project_dir, folder)
        if (folder / entry.file_name).is_file()
    }


def check_registered(
    project_dir: Path,
    folder: Path | None = None,
    shown: Path | None = None,
    checked_before: dict[str, dict] | None = None,
) -> list[RegisteredDataset]:
    """Before a build: every registered copy is still the file that was checked, and still passes every check.
    `folder` is where the registry and copies are read (default: the datasets folder); messages name files as
    if they were in `shown` (default: the same folder); a copy `checked_before` stamped is skipped when
    `_still_checked`."""
    folder = folder or datasets_dir(project_dir)
    entries = read_registry(project_dir, folder)
    if not entries:
        return entries
    codes = read_codes(project_dir)
    problems: list[Problem] = []
    total = 0
    for entry in entries:
        stored = folder / entry.file_name
        where = _rel((shown or folder) / entry.file_name)
        if checked_before and _still_checked(stored, entry, checked_before.get(entry.file_name)):
            continue
        if entry.format not in FORMATS:
            problems.append(Problem(REGISTRY_NAME, 0, "format", f"{entry.dataset_id}: unknown format {entry.format}"))
            continue
        if not stored.is_file():
            problems.append(Problem(where, 0, "", f"registered as {entry.dataset_id} but missing; add it again"))
            continue
        if sha256_file(stored) != entry.sha256:
            problems.append(
                Problem(where, 0, "", f"changed since it was registered as {entry.dataset_id}; add it again")
            )
            continue
        fmt = FORMATS[entry.format]
        with stored.open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle), [])
        if header == list(fmt.published_names) and header != list(fmt.column_names):
            message = (
                f"stored by an older version in the {len(header)}-column layout; add it again from "
                f"{entry.original_name} with --replace"
            )
            problems.append(Problem(where, 1, "", message))
            continue
        if header != list(fmt.column_names):
            problems.append(_header_problem(fmt, header, where))
            continue
        report = check_values(stored, fmt, codes, where, array("q"))
        if report.problems:
            report = check_values(stored, fmt, codes, where, csv_record_lines(stored))
        problems += report.problems
        total += report.total - len(report.problems)
    if problems:
        raise DatasetError(problems, total=total + len(problems))
    return entries
