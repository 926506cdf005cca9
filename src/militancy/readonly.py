"""Every read of the published warehouse: read-only, and for user SQL a sandbox that cannot change or leak anything.

User SQL (`militancy query`) runs in an in-memory DuckDB with the published file attached read-only as `militancy`;
then external access (files, URLs), extension auto-install/auto-load and every configuration change are switched off
and the configuration is locked. A query has a time limit (it is interrupted after QUERY_TIMEOUT_S seconds) and a
memory limit (QUERY_MEMORY_LIMIT, with no spilling to disk: the sandbox writes nothing), each stopped with a message
naming the limit and the flag that changes it. Only read statements (SELECT, including WITH, VALUES, FROM, DESCRIBE,
SHOW, SUMMARIZE, and EXPLAIN) are accepted: the statement types come from DuckDB's own parser.
"""

from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

import duckdb

READ_STATEMENTS = (duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN)
# Cells a spreadsheet would run as a formula (OWASP's CSV-injection list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The sandbox's limits (`militancy query --timeout / --memory-limit` change them).
QUERY_TIMEOUT_S = 120.0
QUERY_MEMORY_LIMIT = "2GB"


class WarehouseUnavailable(RuntimeError):
    """The published warehouse is missing, or a writer holds it."""


class RefusedStatement(ValueError):
    """The SQL is not a single read statement."""


class LimitReached(RuntimeError):
    """A sandbox query ran past its time or memory limit and was stopped."""


def _describe_lock(db: Path, exc: duckdb.Error) -> str:
    return (
        f"the warehouse {db} is locked by a process that has it open read-write; close that connection "
        "(BI tools must open it read-only) and try again" + (f" ({str(exc).splitlines()[0][:200]})" if str(exc) else "")
    )


def open_readonly(db: Path) -> duckdb.DuckDBPyConnection:
    """A plain read-only connection to the published file, with one-line errors for missing and locked files."""
    if not db.exists():
        raise WarehouseUnavailable(f"no warehouse at {db}; run `make build` first")
    try:
        return duckdb.connect(str(db), read_only=True)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise WarehouseUnavailable(_describe_lock(db, exc)) from exc
        raise WarehouseUnavailable(f"cannot open {db}: {str(exc).splitlines()[0]}") from exc


def ensure_readable(db: Path) -> None:
    """Fail with a one-line message now, rather than in a child process, if the warehouse cannot be read."""
    open_readonly(db).close()


def check_read_only_sql(sql: str) -> None:
    """Accept exactly one read statement; refuse anything else with a one-line reason."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise RefusedStatement(str(exc).splitlines()[0]) from exc
    if not statements:
        raise RefusedStatement("no SQL statement given")
    if len(statements) > 1:
        raise RefusedStatement(f"one statement at a time ({len(statements)} given)")
    kind = statements[0].type
    if kind not in READ_STATEMENTS:
        raise RefusedStatement(
            f"only read statements (SELECT, WITH, DESCRIBE, SHOW, EXPLAIN) are allowed; this is {kind.name}"
        )


def sandbox(db: Path, memory_limit: str = QUERY_MEMORY_LIMIT) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with `db` attached read-only as `militancy`, no file or network access, no extension
    loading, at most `memory_limit` of memory and no temporary files, and a locked configuration."""
    ensure_readable(db)
    con = duckdb.connect(":memory:", config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    try:
        escaped = str(db.resolve()).replace("'", "''")
        con.execute(f"attach '{escaped}' as militancy (read_only)")
        con.execute("use militancy")
        con.execute("set memory_limit = ?", [memory_limit])
        con.execute("set temp_directory = ''")
        con.execute("set enable_external_access = false")
        con.execute("set lock_configuration = true")
    except duckdb.InvalidInputException as exc:
        con.close()
        raise ValueError(f"memory limit {memory_limit!r}: {str(exc).splitlines()[0]}") from exc
    except BaseException:
        con.close()
        raise
    return con


def run_read_only(
    db: Path,
    sql: str,
    parameters: Mapping[str, object] | None = None,
    timeout_s: float = QUERY_TIMEOUT_S,
    memory_limit: str = QUERY_MEMORY_LIMIT,
) -> tuple[list[str], list[tuple]]:
    """Run one read statement in the sandbox, with `parameters` bound by DuckDB ($name), and return its columns and
    rows; LimitReached when it runs past `timeout_s` seconds or needs more than `memory_limit`."""
    check_read_only_sql(sql)
    with sandbox(db, memory_limit) as con:
        timer = threading.Timer(timeout_s, con.interrupt)
        timer.start()
        try:
            cursor = con.execute(sql, parameters) if parameters else con.execute(sql)
            columns = [d[0] for d in cursor.description] if cursor.description else []
            return columns, cursor.fetchall()
        except duckdb.InterruptException as exc:
            raise LimitReached(
                f"the query was stopped after {timeout_s:g} s, the sandbox's time limit (--timeout SECONDS)"
            ) from exc
        except duckdb.OutOfMemoryException as exc:
            raise LimitReached(
                f"the query needed more than {memory_limit} of memory, the sandbox's limit (--memory-limit SIZE)"
            ) from exc
        finally:
            timer.cancel()


def error_line(exc: BaseException) -> str:
    """DuckDB's message in one line: its first line and its hints (`Did you mean "marts.fct_events"?`), without
    the echo of the SQL and the caret under it."""
    lines = [line.strip() for line in str(exc).strip().splitlines()]
    hints = [line for line in lines[1:] if line and not line.startswith("LINE ") and set(line) != {"^"}]
    return " ".join(lines[:1] + hints)


def spreadsheet_safe(value: object) -> object:
    """Prefix a text cell that a spreadsheet would evaluate as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(columns: list[str], rows: list[tuple], raw: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns if raw else [spreadsheet_safe(c) for c in columns])
    for row in rows:
        writer.writerow(row if raw else [spreadsheet_safe(v) for v in row])
    return out.getvalue()


def _cell(value: object) -> str:
    if value is None:
        return ""
    return str(value).replace("\r\n", "\n").replace("\n", "\u21b5").replace("\t", " ")


def format_rows(columns: list[str], rows: list[tuple], fmt: str, raw_csv: bool = False, max_width: int = 60) -> str:
    """json and csv are always whole (csv with formula cells neutralised unless raw_csv); a table cuts values
    longer than max_width (0: never) with a visible mark and says so below it. Line breaks show as \u21b5."""
    if fmt == "json":
        return json.dumps([dict(zip(columns, r, strict=True)) for r in rows], default=str, ensure_ascii=False) + "\n"
    if fmt == "csv":
        return to_csv(columns, rows, raw=raw_csv)
    cells = [[_cell(v) for v in row] for row in rows]
    natural = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    widths = [min(max_width, w) if max_width > 0 else w for w in natural]
    cut = 0

    def fit(value: str, width: int) -> str:
        nonlocal cut
        if len(value) <= width:
            return value.ljust(width)
        cut += 1
        return value[: width - 1] + "\u2026"

    def line(values: Sequence[str]) -> str:
        return " | ".join(fit(v, w) for v, w in zip(values, widths, strict=True)).rstrip()

    parts = [line(columns), "-+-".join("-" * w for w in widths)] + [line(r) for r in cells]
    parts.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    if cut:
        parts.append(
            f"({cut} value{'s' if cut != 1 else ''} cut at {max_width} characters, marked \u2026: "
            "--max-width 0 shows them whole; --format csv or json never cuts)"
        )
    return "\n".join(parts) + "\n"
