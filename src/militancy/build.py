"""Build the warehouse into a fresh file and publish it only when every dbt test passes.

DuckDB allows one writer, and a reader (a BI tool) holding the published file open would make an in-place
`dbt build` fail, while an in-place build would show readers half a warehouse. So the build writes
`<name>.building` beside the published file, runs `dbt build` (seeds, models, data and unit tests) against it,
and on success renames it over the published file in one atomic step. Readers that had the old file open keep
reading the old version; new connections see the new one. A failed build leaves the published file untouched
and names the failing rows.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb

from militancy.datasets import check_registered
from militancy.export import export_parquet
from militancy.validate import validate

DEFAULT_DB = Path("warehouse/militancy.duckdb")
PUBLIC_SCHEMA = "marts"


class BuildError(RuntimeError):
    """The build failed; the published warehouse was not changed."""


@dataclass(frozen=True)
class BuildResult:
    path: Path
    seconds: float
    mart_rows: dict[str, int]


def db_path_from_env(project_dir: Path) -> Path:
    value = os.environ.get("MILITANCY_DB_PATH")
    path = Path(value) if value else DEFAULT_DB
    return path if path.is_absolute() else project_dir / path


def dbt_executable() -> str:
    candidate = Path(sys.executable).parent / "dbt"
    return str(candidate) if candidate.exists() else "dbt"


def run_dbt(
    project_dir: Path, args: list[str], db_path: Path | str, echo: Callable[[str], None] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run one dbt command in a subprocess against `db_path`, streaming dbt's progress lines to `echo`."""
    env = {
        **os.environ,
        "MILITANCY_DB_PATH": str(db_path),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DBT_USE_COLORS": "false",
    }
    cmd = [dbt_executable(), *args, "--project-dir", str(project_dir), "--profiles-dir", str(project_dir)]
    proc = subprocess.Popen(
        cmd, cwd=project_dir, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1
    )
    lines: list[str] = []
    assert proc.stdout is not None
    progress = re.compile(r" (\d+) of (\d+) (OK|PASS|ERROR|FAIL|WARN|SKIP)")
    for line in proc.stdout:
        lines.append(line)
        if not echo:
            continue
        match = progress.search(line)
        notable = match and (match.group(3) in ("ERROR", "FAIL", "WARN") or int(match.group(1)) % 50 == 0)
        if notable or "Done." in line or "Finished running" in line:
            echo(line.rstrip())
    proc.wait()
    return subprocess.CompletedProcess(cmd, proc.returncode, "".join(lines), "")


def _failure_report(project_dir: Path, db_path: Path, output: str) -> str:
    """Name what failed: each failing node and, for failing tests, the first offending rows."""
    results_file = project_dir / "target" / "run_results.json"
    if not results_file.exists():
        return output[-4000:]
    results = json.loads(results_file.read_text(encoding="utf-8"))["results"]
    failed = [r for r in results if r["status"] in ("fail", "error", "runtime error")]
    if not failed:
        return output[-4000:]
    lines: list[str] = []
    con = None
    try:
        con = duckdb.connect(str(db_path), read_only=True) if db_path.exists() else None
    except duckdb.Error:
        con = None
    for result in failed[:20]:
        name = result["unique_id"]
        lines.append(f"- {result['status'].upper()}: {name}: {(result.get('message') or '').strip()}")
        sql = result.get("compiled_code")
        if con is not None and sql and name.startswith("test."):
            try:
                cursor = con.execute(f"select * from ({sql}) as failing limit 10")
                columns = [d[0] for d in cursor.description]
                for row in cursor.fetchall():
                    lines.append("    " + ", ".join(f"{c}={v!r}" for c, v in zip(columns, row, strict=True)))
            except duckdb.Error as exc:
                lines.append(f"    (could not list the failing rows: {exc})")
    if con is not None:
        con.close()
    if len(failed) > 20:
        lines.append(f"... and {len(failed) - 20} more failures")
    return "\n".join(lines)


def mart_row_counts(db_path: Path) -> dict[str, int]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        tables = con.execute(
            "select table_name from information_schema.tables where table_schema = ? order by table_name",
            [PUBLIC_SCHEMA],
        ).fetchall()
        return {t: con.execute(f'select count(*) from {PUBLIC_SCHEMA}."{t}"').fetchone()[0] for (t,) in tables}


def build(
    project_dir: Path,
    db_path: Path | None = None,
    echo: Callable[[str], None] | None = print,
    validate_first: bool = True,
) -> BuildResult:
    """Validate seeds, build and test into a new file, then atomically publish it to `db_path`."""
    started = time.monotonic()
    project_dir = project_dir.resolve()
    db_path = (db_path or db_path_from_env(project_dir)).resolve()
    say = echo or (lambda _line: None)
    if validate_first:
        say("Checking seed files ...")
        validate(project_dir)
        say("Checking registered dataset files ...")
        check_registered(project_dir)  # issue 10: UCDP GED / GTD / ACLED files, again before every build
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with _exclusive_build_lock(db_path):
        return _build_and_publish(project_dir, db_path, echo, say, started)


@contextlib.contextmanager
def _exclusive_build_lock(db_path: Path) -> Iterator[None]:
    """One build at a time per published file: a second concurrent build fails at once instead of
    deleting the first one's work in progress."""
    lock_path = db_path.with_name(db_path.name + ".lock")
    with lock_path.open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise BuildError(
                f"another build of {db_path} is running (lock {lock_path}); try again when it ends"
            ) from exc
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _build_and_publish(
    project_dir: Path,
    db_path: Path,
    echo: Callable[[str], None] | None,
    say: Callable[[str], None],
    started: float,
) -> BuildResult:
    building = db_path.with_name(db_path.name + ".building")
    for stale in (building, building.with_name(building.name + ".wal")):
        stale.unlink(missing_ok=True)
    say(f"Building into {building} ...")
    proc = run_dbt(project_dir, ["build"], building, echo)
    if proc.returncode != 0:
        report = _failure_report(project_dir, building, proc.stdout)
        raise BuildError(
            f"dbt build failed; the published warehouse {db_path} was left as it was.\n{report}\n"
            f"(The failed build is kept at {building} for inspection.)"
        )
    with duckdb.connect(str(building)) as con:
        con.execute("checkpoint")
    export_parquet(building, db_path.parent / "parquet")
    os.replace(building, db_path)
    counts = mart_row_counts(db_path)
    return BuildResult(db_path, time.monotonic() - started, counts)
