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

from militancy.dataset_formats import ACLED_DATE_FORMATS, FORMATS, DatasetFormat, Field
from militancy.duckdb_memory import capped

__all__ = ["FORMATS", "DatasetError", "RegisteredDataset", "add", "check_registered", "read_registry", "remove"]
from militancy.validate import Problem, SeedError

csv.field_size_limit(100_000_000)

DATASETS_DIR = Path("datasets")
REGISTRY_NAME = "registry.csv"
CODES_SEED = Path("seeds/datasets/dataset_codes.csv")
MAX_PROBLEMS = 50


class DatasetError(SeedError):
    """A dataset file does not match its published layout; nothing was registered or built."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems)
        shown = "\n".join(f"  - {p}" for p in problems[:MAX_PROBLEMS])
        more = f"\n  ... and more (first {MAX_PROBLEMS} shown)" if len(problems) >= MAX_PROBLEMS else ""
        self.args = (f"{len(problems)} problem(s) in the dataset file(s):\n{shown}{more}",)

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
    return [
        RegisteredDataset(
            **{
                **row,
                "had_header": row["had_header"] == "true",
                "row_count": int(row["row_count"]),
            }
        )
        for row in rows
    ]


def write_registry(project_dir: Path, entries: list[RegisteredDataset]) -> None:
    folder = datasets_dir(project_dir)
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


@dataclass
class Normalised:
    encoding: str
    had_header: bool
    row_count: int
    lines: array  # line (or spreadsheet row) of each record in the user's file, for error messages


def _header_problem(fmt: DatasetFormat, header: list[str], where: str) -> Problem:
    expected = list(fmt.column_names)
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    renamed = [
        f"{got!r} where {want!r} was expected (column {i + 1})"
        for i, (want, got) in enumerate(zip(expected, header, strict=False))
        if want != got and want in missing and got in extra
    ]
    parts = []
    if renamed:
        parts.append("renamed: " + "; ".join(renamed))
    if missing:
        parts.append(f"missing {missing}")
    if extra:
        parts.append(f"unexpected {extra}")
    if not parts:
        parts.append("columns out of order")
    column = renamed and header[expected.index(missing[0])] if renamed else ""
    return Problem(
        where,
        1,
        column or (missing[0] if missing else ""),
        f"header is not the {fmt.label} layout ({fmt.layout_version}): " + ", ".join(parts),
    )


def _decode(data: bytes, fmt: DatasetFormat, where: str) -> tuple[str, str]:
    for encoding in fmt.encodings:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            last = exc
    line = data[: last.start].count(b"\n") + 1
    raise DatasetError([Problem(where, line, "", f"cannot be decoded as {' or '.join(fmt.encodings)}: {last}")])


def _is_header(fmt: DatasetFormat, first: list[str]) -> bool:
    """A first row is a header when it holds column names; UCDP files without a header start with values."""
    names = {n.lower() for n in fmt.column_names}
    hits = sum(1 for value in first if value.strip().lower() in names)
    return hits >= max(3, len(first) // 2)


def normalise_csv(src: Path, fmt: DatasetFormat, dest: Path, where: str) -> Normalised:
    """Read the user's CSV strictly and write a UTF-8 copy with the published header; check the shape of every
    record (field count, unterminated quotes: a truncated file fails here)."""
    text, encoding = _decode(src.read_bytes(), fmt, where)
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[Problem] = []
    lines = array("q")
    expected = len(fmt.columns)
    with dest.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(fmt.column_names)
        try:
            first = next(reader)
        except StopIteration:
            raise DatasetError([Problem(where, 1, "", "empty file")]) from None
        except csv.Error as exc:
            raise DatasetError([Problem(where, 1, "", f"malformed CSV: {exc}")]) from None
        had_header = _is_header(fmt, first)
        if had_header:
            if first != list(fmt.column_names):
                raise DatasetError([_header_problem(fmt, first, where)])
        elif not fmt.header_optional:
            raise DatasetError([Problem(where, 1, "", f"no header row; a {fmt.label} file starts with its header")])
        elif len(first) != expected:
            raise DatasetError(
                [Problem(where, 1, "", f"no header row and {len(first)} fields; the layout has {expected} columns")]
            )
        else:
            writer.writerow(first)
            lines.append(1)
        while len(problems) < MAX_PROBLEMS:
            start = reader.line_num + 1
            try:
                record = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                problems.append(Problem(where, start, "", f"malformed CSV (truncated file?): {exc}"))
                break
            if not record:
                continue
            if len(record) != expected:
                hint = " (truncated file?)" if len(record) < expected else ""
                problems.append(Problem(where, start, "", f"expected {expected} fields, found {len(record)}{hint}"))
                continue
            writer.writerow(record)
            lines.append(start)
    if text and not text.endswith(("\n", "\r")) and not problems:
        # A download cut off inside its last record usually still parses: the shape check above catches it when
        # fields are missing; a last line without its newline is reported so that a partial last value is seen.
        problems.append(
            Problem(where, lines[-1] if lines else 1, "", "the file does not end with a line break (truncated file?)")
        )
    if problems:
        raise DatasetError(problems)
    return Normalised(encoding, had_header, len(lines), lines)


def _excel_extension() -> str:
    import duckdb_extension_excel  # the offline wheel matching duckdb==1.5.5

    base = Path(duckdb_extension_excel.__file__).parent
    return str(next(base.rglob("excel.duckdb_extension")))


def normalise_xlsx(src: Path, fmt: DatasetFormat, dest: Path, where: str) -> Normalised:
    """GTD also ships as XLSX: read the first sheet as text with DuckDB's excel extension and store it as CSV."""
    with duckdb.connect() as con:
        con.execute(f"load '{_excel_extension()}'")
        rel = con.sql("select * from read_xlsx(?, all_varchar = true, header = true)", params=[str(src)])
        header = list(rel.columns)
        if header != list(fmt.column_names):
            raise DatasetError([_header_problem(fmt, header, where)])
        rel.write_csv(str(dest), header=True)
        count = con.execute("select count(*) from read_xlsx(?, all_varchar = true, header = true)", [str(src)])
        rows = count.fetchone()[0]
    return Normalised("xlsx", True, rows, array("q", range(2, rows + 2)))


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
    if fmt.name == "acled" and field.name == "event_date":
        parsed = ", ".join(f"try_strptime(v, '{f}')" for f in ACLED_DATE_FORMATS)
        checks.append(f"coalesce({parsed}) is null|is not a date (YYYY-MM-DD or '19 September 2010')")
    return checks


_RECORD_CHECKS = {
    "ucdp-ged": [
        ("low", "try_cast(low as integer) > try_cast(best as integer)", "low is greater than best"),
        ("high", "try_cast(best as integer) > try_cast(high as integer)", "best is greater than high"),
        ("date_end", "try_cast(date_start as timestamp) > try_cast(date_end as timestamp)", "ends before it starts"),
    ],
    "gtd": [
        ("iday", "try_cast(imonth as integer) = 0 and try_cast(iday as integer) > 0", "a day without a month"),
    ],
    "acled": [],
}


def check_values(
    stored: Path, fmt: DatasetFormat, codes: dict[tuple[str, str], tuple[str, ...]], where: str, lines: array
) -> list[Problem]:
    """Check every value of the stored UTF-8 copy in DuckDB: types, codes, ranges, unique ids, record rules.
    `lines` maps record numbers to the lines of the file being reported (`where`)."""
    problems: list[Problem] = []

    def add(rowid: int, column: str, message: str) -> None:
        line = lines[rowid] if rowid < len(lines) else 0
        problems.append(Problem(where, line, column, message))

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
            sql = f'select rowid, v from (select rowid, "{column}" as v from t) where {failing_when} '
            sql += "order by rowid limit 5"
            for rowid, value in con.execute(sql).fetchall():
                add(rowid, column, f"{value!r} {message}")
        key = fmt.id_column
        dup = con.execute(
            f'select rowid, "{key}" from (select rowid, "{key}", count(*) over (partition by "{key}") as n, '
            f'row_number() over (partition by "{key}" order by rowid) as k from t) where n > 1 and k > 1 '
            "order by rowid limit 5"
        ).fetchall()
        for rowid, value in dup:
            add(rowid, key, f"duplicate record id {value!r}")
        missing = con.execute(f'select rowid from t where "{key}" is null or "{key}" = \'\' limit 5').fetchall()
        for (rowid,) in missing:
            add(rowid, key, "record id is empty")
        for column, condition, message in _RECORD_CHECKS[fmt.name]:
            for (rowid,) in con.execute(f"select rowid from t where {condition} order by rowid limit 5").fetchall():
                add(rowid, column, message)
    problems.sort(key=lambda p: (p.line, p.column))
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


def add(
    project_dir: Path, src: Path, format_name: str, release: str | None = None, replace: bool = False
) -> RegisteredDataset:
    """Check `src` against its format and register a UTF-8 copy; raise DatasetError (nothing registered)."""
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
    folder = datasets_dir(project_dir) / fmt.name
    codes = read_codes(project_dir)
    with _temp_copy(folder) as tmp:
        if src.suffix.lower() == ".xlsx":
            norm = normalise_xlsx(src, fmt, tmp, where)
        else:
            norm = normalise_csv(src, fmt, tmp, where)
        problems = check_values(tmp, fmt, codes, where, norm.lines)
        if problems:
            raise DatasetError(problems)
        stored = folder / f"{dataset_id}.csv"
        os.replace(tmp, stored)
    entry = RegisteredDataset(
        dataset_id=dataset_id,
        format=fmt.name,
        release=release,
        layout_version=fmt.layout_version,
        file_name=f"{fmt.name}/{stored.name}",
        original_name=src.name,
        original_sha256=sha256_file(src),
        original_encoding=norm.encoding,
        had_header=norm.had_header,
        sha256=sha256_file(stored),
        row_count=norm.row_count,
        licence_note=fmt.licence_note,
        added_at_utc=dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
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
    project_dir: Path, dest: Path, checked_before: dict[str, dict] | None = None
) -> list[RegisteredDataset]:
    """Put the registry and every registered copy into `dest` (a build's input snapshot), then check that
    snapshot as check_registered does: dbt reads exactly the files that were checked. Hard links where the file
    system allows (`datasets add` only ever replaces a stored copy, never edits it in place), else copies.
    `checked_before`: the stamps of the published build (`checked_stamps`); a copy it checked is not checked
    again (see `_still_checked`)."""
    source = datasets_dir(project_dir)
    entries = read_registry(project_dir)
    if not entries:
        return entries
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source / REGISTRY_NAME, dest / REGISTRY_NAME)
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
        if header != list(fmt.column_names):
            problems.append(_header_problem(fmt, header, where))
            continue
        found = check_values(stored, fmt, codes, where, array("q"))
        if found:
            lines = csv_record_lines(stored)
            found = [Problem(p.file, 0, p.column, p.message) for p in found]
            found = check_values(stored, fmt, codes, where, lines)
        problems += found
    if problems:
        raise DatasetError(problems)
    return entries
