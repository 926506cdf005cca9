"""Build the warehouse from one validated input snapshot and publish it, with its Parquet, as one unit.

Steps, all under an exclusive build lock (`<db>.lock`):
1. Snapshot: copy what dbt needs (dbt_project.yml, profiles.yml, models, macros, analyses, tests/data), the seeds
   and the registered corpus files, once, into a private folder `builds/<build-id>.partial/inputs/`.
2. Validate that snapshot (validate.py); write the quote and region offsets it computed into
   `inputs/located/` (dbt loads exactly those and re-checks them against the text DuckDB reads).
3. `dbt build` (seeds, models, data and unit tests) on the snapshot, into `builds/<id>.partial/<db name>`.
4. Export every mart to `builds/<id>.partial/parquet/`, rename the folder to `builds/<id>`.
5. Publish: one atomic switch of the symlink `current` -> `builds/<id>`. The published paths never change:
   `<db>` is a symlink to `current/<db name>` and `parquet` to `current/parquet`, so every reader that opens them
   sees one consistent pair. Older builds are removed, except the previous one and any still open.
A failure or an interruption at any step removes the partial folder and leaves the published pair as it was; a
killed build's leftovers are removed by the next build. `MILITANCY_FAULT=<step>[:raise|:kill|:enospc]` injects a
fault after a step (snapshot, validate, copy, dbt, parquet, release, switch) to test exactly that.

Incremental refresh (refresh.py): when only documents changed since the published build, step 3 starts from a
copy of the published database (`cp --reflink=auto`; the published file is only read) and dbt's incremental
models recompute only the new, changed and removed documents' rows. A code change, a shared seed or a dataset
change, or `--full-refresh`, builds from nothing. Each release keeps its input fingerprints in refresh_state.json.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import errno
import fcntl
import gc
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from militancy import refresh, textcheck
from militancy.datasets.registry import checked_stamps, snapshot_registered
from militancy.dbt_artifacts import PUBLIC_SCHEMA
from militancy.duckdb_memory import capped
from militancy.export import export_parquet
from militancy.project import DBT_PARTS
from militancy.seed_schema import SEEDS
from militancy.textcheck import Problem
from militancy.validate import SeedError, Validation, check

DEFAULT_DB = Path("warehouse/militancy.duckdb")
FAULT_ENV = "MILITANCY_FAULT"
# dbt's manifest of a release, kept beside it: the next refresh selects its nodes from it (same code, same graph).
MANIFEST = "manifest.json"
# dbt's parse cache (partial parsing), kept beside a release too: the next build starts dbt from it, so dbt parses
# again only the files that changed (a parse of the whole project takes ~7 s of each build). dbt checks the cache
# itself (file hashes, profile, vars) and parses in full when it does not fit. The database path is given to dbt
# relative to the snapshot, so that the profile, and with it the cache, is the same from one build to the next.
PARSE_CACHE = "partial_parse.msgpack"
# Beside each published build: the dataset copies it checked (datasets.checked_stamps), not checked again next time.
DATASETS_CHECKED = "datasets_checked.json"
# In-process hooks for tests: step name -> callable run right after that step (e.g. edit a seed mid-build).
FAULT_HOOKS: dict[str, Callable[[], None]] = {}


class BuildError(RuntimeError):
    """The build failed; the published warehouse was not changed."""


class Interrupted(BuildError):
    """SIGINT or SIGTERM stopped the build (after its dbt child, if any, had exited)."""

    def __init__(self, signum: int):
        self.signum = signum
        super().__init__(
            f"interrupted by {signal.Signals(signum).name}; nothing was published and the partial build was removed"
        )


@dataclass(frozen=True)
class BuildResult:
    path: Path
    seconds: float
    mart_rows: dict[str, int]
    release: Path | None = None
    warnings: tuple[Problem, ...] = field(default_factory=tuple)
    plan: refresh.Plan | None = None  # full (and why) or incremental (and which documents changed)
    steps: dict[str, float] = field(default_factory=dict)  # seconds per step, in order (see StepClock)


class StepClock:
    """Seconds spent in each step of a build, for the build's last line and the benchmarks."""

    def __init__(self) -> None:
        self.steps: dict[str, float] = {}
        self._last = time.monotonic()

    def lap(self, step: str) -> None:
        now = time.monotonic()
        self.steps[step] = self.steps.get(step, 0.0) + now - self._last
        self._last = now

    def summary(self) -> str:
        return "Step times (s): " + ", ".join(f"{step} {seconds:.2f}" for step, seconds in self.steps.items())


def db_path_from_env(project_dir: Path) -> Path:
    value = os.environ.get("MILITANCY_DB_PATH")
    path = Path(value) if value else DEFAULT_DB
    return path if path.is_absolute() else project_dir / path


def dbt_executable() -> str:
    candidate = Path(sys.executable).parent / "dbt"
    return str(candidate) if candidate.exists() else "dbt"


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Ask Linux to SIGTERM the dbt child if this process dies without forwarding (e.g. SIGKILL)."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


@contextlib.contextmanager
def _signal_handler(handler: Callable[[int, object], None]) -> Iterator[None]:
    """Handle SIGINT and SIGTERM with `handler` inside the block (main thread only), then restore the old ones."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def _forwarding_signals(proc: subprocess.Popen[str], received: list[int]) -> contextlib.AbstractContextManager[None]:
    """While the child runs, SIGINT/SIGTERM go to it; the caller raises Interrupted once it has exited."""

    def forward(signum: int, _frame: object) -> None:
        received.append(signum)
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(signum)

    return _signal_handler(forward)


def run_dbt(
    project_dir: Path,
    args: list[str],
    db_path: Path | str,
    echo: Callable[[str], None] | None = None,
    extra_env: dict[str, str] | None = None,
    dbt: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run one dbt command in a subprocess against `db_path`, streaming dbt's progress lines to `echo`
    (`dbt`: another dbt executable, e.g. the Spark venv's). SIGINT/SIGTERM are forwarded to dbt; Interrupted is
    raised only after dbt has exited."""
    if isinstance(db_path, Path):
        db_path = os.path.relpath(db_path.absolute(), project_dir.absolute())  # dbt runs in project_dir
    env = {
        **os.environ,
        "MILITANCY_DB_PATH": str(db_path),
        "MILITANCY_PROJECT_DIR": str(project_dir.absolute()),
        # The input folders relative to dbt's working directory (project_dir), as the db path: the same values in
        # every snapshot, so that dbt's parse cache of one build fits the next (PARSE_CACHE).
        "MILITANCY_CORPUS_DIR": "corpus",
        "MILITANCY_LOCATED_DIR": "located",
        "MILITANCY_DATASETS_DIR": "datasets",
        "MILITANCY_CHANGES_DIR": refresh.CHANGES_DIR,
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DBT_USE_COLORS": "false",
        **(extra_env or {}),
    }
    cmd = [dbt or dbt_executable(), *args, "--project-dir", str(project_dir), "--profiles-dir", str(project_dir)]
    received: list[int] = []
    proc = subprocess.Popen(
        cmd,
        cwd=project_dir,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
        start_new_session=True,  # a terminal's Ctrl-C reaches us, and we forward it
        preexec_fn=_die_with_parent if sys.platform == "linux" else None,
    )
    lines: list[str] = []
    assert proc.stdout is not None
    progress = re.compile(r" (\d+) of (\d+) (OK|PASS|ERROR|FAIL|WARN|SKIP)")
    with _forwarding_signals(proc, received):
        for line in proc.stdout:
            lines.append(line)
            if not echo:
                continue
            match = progress.search(line)
            notable = match and (match.group(3) in ("ERROR", "FAIL", "WARN") or int(match.group(1)) % 50 == 0)
            if notable or "Done." in line or "Finished running" in line:
                echo(line.rstrip())
        try:
            proc.wait(timeout=30 if received else None)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    if received:
        raise Interrupted(received[0])
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
    # The same memory cap as the dbt build: a failing test over a huge table must not grow this process without
    # bound (at 10M mentions an uncapped re-run reached 17 GB).
    try:
        con = duckdb.connect(str(db_path), read_only=True, config=capped()) if db_path.exists() else None
    except duckdb.Error:
        con = None
    for result in failed[:20]:
        name = result["unique_id"]
        lines.append(f"- {result['status'].upper()}: {name}: {(result.get('message') or '').strip()}")
        sql = result.get("compiled_code")
        # Rows only for tests that failed (ran and found rows), not for errored ones (their SQL could not finish:
        # running it again would fail again, or exhaust memory as dbt did).
        if con is not None and sql and name.startswith("test.") and result["status"] == "fail":
            try:
                cursor = con.execute(f"select * from ({sql}) as failing limit 10")
                columns = [d[0] for d in cursor.description]
                for row in cursor.fetchall():
                    lines.append("    " + ", ".join(f"{c}={v!r}" for c, v in zip(columns, row, strict=True)))
            except duckdb.Error as exc:
                lines.append(f"    (could not list the failing rows: {str(exc).splitlines()[0]})")
    if con is not None:
        con.close()
    if len(failed) > 20:
        lines.append(f"... and {len(failed) - 20} more failures")
    return "\n".join(lines)


def mart_row_counts(db_path: Path) -> dict[str, int]:
    with duckdb.connect(str(db_path), read_only=True, config=capped()) as con:
        tables = con.execute(
            "select table_name from information_schema.tables where table_schema = ? order by table_name",
            [PUBLIC_SCHEMA],
        ).fetchall()
        return {t: con.execute(f'select count(*) from {PUBLIC_SCHEMA}."{t}"').fetchone()[0] for (t,) in tables}


# --- fault injection ------------------------------------------------------------------------------------------


def fault_point(step: str) -> None:
    """Run a test hook, or inject the fault named by MILITANCY_FAULT, right after `step`."""
    hook = FAULT_HOOKS.get(step)
    if hook:
        hook()
    for spec in filter(None, os.environ.get(FAULT_ENV, "").split(",")):
        name, _, action = spec.partition(":")
        if name != step:
            continue
        if action == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        if action == "enospc":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), f"(injected after {step})")
        raise BuildError(f"fault injected after {step} ({FAULT_ENV}={spec})")


# --- layout ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """Where a published warehouse lives: `db` and `parquet` are stable symlinks through `current`."""

    db: Path

    @property
    def folder(self) -> Path:
        return self.db.parent

    @property
    def builds(self) -> Path:
        return self.folder / "builds"

    @property
    def current(self) -> Path:
        return self.folder / "current"

    @property
    def parquet(self) -> Path:
        return self.folder / "parquet"

    @property
    def lock(self) -> Path:
        return self.db.with_name(self.db.name + ".lock")

    def published_release(self) -> Path | None:
        if not self.current.is_symlink():
            return None
        return (self.folder / os.readlink(self.current)).resolve()


def build(
    project_dir: Path,
    db_path: Path | None = None,
    echo: Callable[[str], None] | None = print,
    validate_first: bool = True,
    full_refresh: bool = False,
    dataset_formats: frozenset[str] | None = None,
    check_only: tuple[str, ...] = (),
    with_tests: bool = True,
) -> BuildResult:
    """Snapshot, validate, build and test into a new release, then publish it with one atomic switch.
    `dataset_formats`: build only the registered dataset files of these formats (a release leaves out the
    datasets whose licence forbids redistribution); None: every registered file.
    `check_only`: dbt selectors (e.g. `+stg_curation__entities`): run only these nodes and the tests on them alone, in
    the same snapshot and lock, and never publish (the partial folder is removed, pass or fail; `release` is None).
    For the tests of failure paths, which need the build's error and not a warehouse.
    `with_tests=False`: the same build without dbt's data and unit tests, for the test suite's fixtures that need a
    warehouse and not its checks (the suite runs every test on its own builds); the command line always tests.
    `validate_first=False` (for tests of dbt's own checks) still computes offsets but does not stop on problems.
    When only documents changed since the published build, the new release starts from a copy of the published
    database and dbt recomputes only those documents' rows in the incremental models (refresh.py);
    `full_refresh=True` builds from nothing whatever changed."""
    started = time.monotonic()
    project_dir = project_dir.resolve()
    layout = Layout((db_path or db_path_from_env(project_dir)).absolute())
    say = echo or (lambda _line: None)
    _check_publishable(layout)
    layout.folder.mkdir(parents=True, exist_ok=True)
    with _exclusive_build_lock(layout), _interruptible():
        _remove_leftovers(layout)
        release_id = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ") + f"-{os.getpid()}"
        partial = layout.builds / f"{release_id}.partial"
        try:
            return _build_release(
                project_dir,
                layout,
                partial,
                release_id,
                echo,
                say,
                validate_first,
                full_refresh,
                started,
                dataset_formats,
                check_only,
                with_tests,
            )
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise BuildError(_disk_full(layout, exc)) from exc
            raise
        except duckdb.Error as exc:
            if "No space left" in str(exc):
                raise BuildError(_disk_full(layout, exc)) from exc
            raise
        finally:
            shutil.rmtree(partial, ignore_errors=True)


def _check_publishable(layout: Layout) -> None:
    """Refuse, before anything is built, a target the publish step could not switch: the database path, `current`
    or `parquet` taken by something other than the links (or the plain file and folder of the earlier layout)."""
    problems = []
    if layout.db.is_dir() and not layout.db.is_symlink():
        problems.append(f"{layout.db} is a folder; give the database file's path (e.g. {layout.db / DEFAULT_DB.name})")
    if layout.current.exists() and not layout.current.is_symlink():
        problems.append(f"{layout.current} exists and is not the link a build publishes through")
    if layout.parquet.exists() and not layout.parquet.is_symlink() and not layout.parquet.is_dir():
        problems.append(f"{layout.parquet} is a file where the Parquet folder's link goes")
    if layout.folder.exists() and not layout.folder.is_dir():
        problems.append(f"{layout.folder} is a file, not a folder for the warehouse")
    if problems:
        raise BuildError("cannot publish there, nothing was built: " + "; ".join(problems))


def _disk_full(layout: Layout, exc: BaseException) -> str:
    return (
        f"disk full while building into {layout.builds} ({exc}); nothing was published and the partial build "
        "was removed"
    )


def _interruptible() -> contextlib.AbstractContextManager[None]:
    """SIGINT/SIGTERM outside a dbt run raise Interrupted at once (cleanup then runs in `finally` blocks)."""

    def stop(signum: int, _frame: object) -> None:
        raise Interrupted(signum)

    return _signal_handler(stop)


@contextlib.contextmanager
def _exclusive_build_lock(layout: Layout) -> Iterator[None]:
    """One build at a time per published warehouse: a second concurrent build fails at once instead of
    deleting the first one's work in progress."""
    with layout.lock.open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise BuildError(
                f"another build of {layout.db} is running (lock {layout.lock}); try again when it ends"
            ) from exc
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _remove_leftovers(layout: Layout) -> None:
    """Partial folders and never-published builds of killed builds, temporary links, and the files of the
    earlier in-place layout. (Builds run one at a time, so a release newer than the published one was never
    published.)"""
    current = layout.published_release()
    if layout.builds.is_dir():
        for path in layout.builds.iterdir():
            if path.name.endswith(".partial") or current is None or path.name > current.name:
                shutil.rmtree(path, ignore_errors=True)
    for name in (".current.tmp", f"{layout.db.name}.tmp", "parquet.tmp"):
        (layout.folder / name).unlink(missing_ok=True)
    building = layout.db.with_name(layout.db.name + ".building")
    for stale in (building, building.with_name(building.name + ".wal")):
        stale.unlink(missing_ok=True)
    shutil.rmtree(layout.folder / "parquet.building", ignore_errors=True)


def copy_parts(source: Path, dest: Path, parts: tuple[str, ...]) -> Path:
    """Copy the named files and folders of a project (those that exist) from `source` into `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in parts:
        src = source / part
        target = dest / part
        if src.is_dir():
            shutil.copytree(src, target, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target)
    return dest


# seeds/datasets/: the curated codebook mapping, actor crosswalk and link decisions of the dataset sources. They
# are not seeds of the curation schema (no document quotes); their staging models' dbt tests check them.
DATASET_SEEDS = "datasets"


def snapshot(project_dir: Path, inputs: Path) -> None:
    """Copy the project's dbt files, seeds and corpus once into `inputs` (the build reads nothing else)."""
    inputs.mkdir(parents=True)
    copy_parts(project_dir, inputs, DBT_PARTS)
    for folder, pattern in (("seeds", "*"), ("corpus", "*.txt")):
        (inputs / folder).mkdir()
        for src in sorted((project_dir / folder).glob(pattern)):
            if src.is_file():
                shutil.copy2(src, inputs / folder / src.name)
            elif folder == "seeds" and src.name == DATASET_SEEDS:
                shutil.copytree(src, inputs / folder / src.name)
            elif src.is_dir():  # a folder where a file belongs: keep it, so the validator names it
                (inputs / folder / src.name).mkdir()


def write_checked_seeds(validation: Validation, inputs: Path) -> None:
    """Replace the snapshot's seed files by the values the validator read, as canonical CSV, so dbt loads exactly
    what was checked (whatever the newlines, quoting or byte-order mark of the curator's file). Files that are
    not seeds of the schema are removed from the snapshot: dbt loads nothing unchecked."""
    for path in (inputs / "seeds").iterdir():
        if path.is_dir() and path.name != DATASET_SEEDS:
            shutil.rmtree(path)
        elif path.suffix == ".csv" and path.stem not in SEEDS:
            path.unlink()
    for name, seed in SEEDS.items():
        rows = [[row[c] for c in seed.column_names] for _, row in validation.tables.get(name, [])]
        (inputs / "seeds" / f"{name}.csv").write_text(
            textcheck.canonical_csv(list(seed.column_names), rows), encoding="utf-8", newline=""
        )


def write_located(validation: Validation, inputs: Path) -> None:
    """The offsets the validator computed, as CSV files dbt loads (ids and integers only: nothing to mis-parse)."""
    located = inputs / "located"
    located.mkdir()
    columns = {
        "quotes.csv": (
            "source_table",
            "source_key",
            "document_id",
            "char_start",
            "char_end",
            "occurrence_count",
            "is_in_article_text",
        ),
        "regions.csv": ("source_table", "source_key", "document_id", "char_start", "char_end"),
    }
    import csv

    for name, rows in (("quotes.csv", validation.quotes), ("regions.csv", validation.regions)):
        with (located / name).open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(columns[name])
            for row in rows:
                values = [row[c] for c in columns[name]]
                writer.writerow([str(v).lower() if isinstance(v, bool) else v for v in values])


def prepare_inputs(
    project_dir: Path,
    inputs: Path,
    say: Callable[[str], None],
    validate_first: bool = True,
    clock: StepClock | None = None,
    datasets_checked_before: dict[str, dict] | None = None,
    published_state: refresh.InputState | None = None,
    dataset_formats: frozenset[str] | None = None,
) -> Validation:
    """Steps 1-2: the input snapshot in `inputs`, validated, with the checked seeds, the located offsets and the
    registered dataset copies: exactly what dbt reads (on DuckDB and on Spark alike). Dataset copies that the
    published build checked (`datasets_checked_before`) are not checked again, provided that build
    (`published_state`) ran the same code with the same dataset seeds."""
    clock = clock or StepClock()
    snapshot(project_dir, inputs)
    if not refresh.dataset_checks_hold(published_state, inputs):
        datasets_checked_before = None
    clock.lap("snapshot")
    fault_point("snapshot")
    # The registered UCDP GED / GTD / ACLED copies first, checked in the snapshot: their check (DuckDB, capped) and
    # the validator's state (every seed row and document text, 3 GB at 10M mentions) then never share memory.
    say("Checking registered dataset files ...")
    snapshot_registered(project_dir, inputs / "datasets", datasets_checked_before, dataset_formats)
    clock.lap("check datasets")
    say("Checking seed files and corpus ...")
    validation = check(inputs)
    clock.lap("validate")
    for warning in validation.warnings:
        say(f"warning: {warning}")
    if validate_first and validation.problems:
        raise SeedError(validation.problems)
    registered = set(validation.corpus_files)
    for path in (inputs / "corpus").glob("*.txt"):
        if path.name not in registered:
            path.unlink()
    write_checked_seeds(validation, inputs)
    write_located(validation, inputs)
    clock.lap("write checked inputs")
    fault_point("validate")
    return validation


def _build_release(
    project_dir: Path,
    layout: Layout,
    partial: Path,
    release_id: str,
    echo: Callable[[str], None] | None,
    say: Callable[[str], None],
    validate_first: bool,
    full_refresh: bool,
    started: float,
    dataset_formats: frozenset[str] | None = None,
    check_only: tuple[str, ...] = (),
    with_tests: bool = True,
) -> BuildResult:
    inputs = partial / "inputs"
    clock = StepClock()
    published = layout.published_release()
    checked_before, published_state = None, None
    if not full_refresh and published is not None and (published / DATASETS_CHECKED).exists():
        checked_before = json.loads((published / DATASETS_CHECKED).read_text(encoding="utf-8"))
        published_state = refresh.InputState.read(published / refresh.STATE_FILE)
    validation = prepare_inputs(
        project_dir, inputs, say, validate_first, clock, checked_before, published_state, dataset_formats
    )
    checked_now = checked_stamps(inputs, inputs / "datasets")
    building = partial / layout.db.name
    state = refresh.input_state(inputs, validation)
    warnings = tuple(validation.warnings)
    del validation  # every seed row and document text: 2.6 GB at 10M mentions, not needed while dbt runs
    _return_memory()
    clock.lap("fingerprint")
    plan, selection = _start_from_published(layout, state, full_refresh or bool(check_only), building, say)
    refresh.write_changes(plan, inputs, building)  # in a refresh, `building` is a copy of the published database
    clock.lap("copy")
    fault_point("copy")
    say(f"Building into {building} ...")
    # In a refresh, exactly the chosen nodes (no test added for their neighbours: `select` chose the tests).
    chosen = ["--indirect-selection", "empty", "--select", *selection.names] if selection else []
    if check_only:  # the selected nodes and the tests whose every parent is selected
        chosen = ["--indirect-selection", "cautious", "--select", *check_only]
    if not with_tests:
        chosen += ["--exclude", "resource_type:test", "resource_type:unit_test"]
    _seed_parse_cache(published, project_dir, inputs)
    proc = run_dbt(inputs, ["build", "--target", "dev", *chosen], building, echo)
    clock.lap("dbt")
    if proc.returncode != 0:
        if "No space left on device" in proc.stdout:
            raise OSError(errno.ENOSPC, "No space left on device (reported by dbt)")
        report = _failure_report(inputs, building, proc.stdout)
        raise BuildError(f"dbt build failed; the published warehouse {layout.db} was left as it was.\n{report}")
    fault_point("dbt")
    if check_only:
        return BuildResult(layout.db, time.monotonic() - started, {}, None, warnings, plan, clock.steps)
    with duckdb.connect(str(building), config=capped()) as con:
        con.execute("checkpoint")
    (partial / refresh.STATE_FILE).write_text(state.to_json(), encoding="utf-8")
    (partial / DATASETS_CHECKED).write_text(json.dumps(checked_now, indent=1, sort_keys=True), encoding="utf-8")
    shutil.copy2(inputs / "target" / "manifest.json", partial / MANIFEST)
    if (inputs / "target" / PARSE_CACHE).exists():
        shutil.copy2(inputs / "target" / PARSE_CACHE, partial / PARSE_CACHE)
    clock.lap("checkpoint")
    published = layout.published_release()
    if selection and published is not None:  # the marts a refresh did not rebuild are the published files
        export_parquet(building, partial / "parquet", reuse=(published / "parquet", selection.rebuilt_tables))
    else:
        export_parquet(building, partial / "parquet")
    clock.lap("parquet")
    fault_point("parquet")
    keep_artifacts(inputs / "target", project_dir / "target")
    for scratch in ("target", "logs"):
        shutil.rmtree(inputs / scratch, ignore_errors=True)
    release = layout.builds / release_id
    partial.rename(release)
    try:
        fault_point("release")
        _publish(layout, release)
    except BaseException:
        if layout.published_release() != release:
            shutil.rmtree(release, ignore_errors=True)
        raise
    fault_point("switch")
    _collect_garbage(layout)
    counts = mart_row_counts(layout.db)
    clock.lap("publish")
    say(clock.summary())
    return BuildResult(layout.db, time.monotonic() - started, counts, release, warnings, plan, clock.steps)


def _seed_parse_cache(published: Path | None, project_dir: Path, inputs: Path) -> None:
    """Start dbt from the published release's parse cache, else from one in the project's target/ (where the
    test suite puts the published one for its copies of the project); none: dbt parses in full."""
    for cache in ([published / PARSE_CACHE] if published else []) + [project_dir / "target" / PARSE_CACHE]:
        if cache.is_file():
            (inputs / "target").mkdir(exist_ok=True)
            shutil.copy2(cache, inputs / "target" / PARSE_CACHE)
            return


def _return_memory() -> None:
    """Free what no longer has a reference and hand the freed heap back to the system (glibc keeps it otherwise),
    so that the build's peak memory is dbt's and DuckDB's, not theirs plus the validator's (0.36 -> 0.10 GB at 1M)."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _start_from_published(
    layout: Layout, state: refresh.InputState, full_refresh: bool, building: Path, say: Callable[[str], None]
) -> tuple[refresh.Plan, refresh.Selection | None]:
    """Decide full or incremental; for an incremental refresh, copy the published database to `building` (the
    published file is only read: readers keep it open, and a failed refresh leaves it byte-identical) and choose
    the nodes dbt runs from the published build's manifest (None: every node, as in a full build)."""
    published = layout.published_release()
    previous = refresh.InputState.read(published / refresh.STATE_FILE) if published else None
    plan = refresh.plan(previous, state, full_refresh)
    source = published / layout.db.name if published else None
    if plan.incremental and (source is None or not source.is_file() or source.with_name(source.name + ".wal").exists()):
        plan = refresh.Plan(False, "the published database cannot be copied (missing, or a write-ahead log beside it)")
    say(plan.summary())
    if not plan.incremental or source is None:
        return plan, None
    copy_started = time.monotonic()
    copy_file(source, building)
    size_mb, seconds = source.stat().st_size / 1e6, time.monotonic() - copy_started
    say(f"Copied the published database ({size_mb:.1f} MB) in {seconds:.2f} s")
    selection = None
    with contextlib.suppress(OSError, ValueError):
        manifest = json.loads((source.parent / MANIFEST).read_text(encoding="utf-8"))
        selection = refresh.select(manifest, plan, set(state.loaded), PUBLIC_SCHEMA)
    say(selection.summary if selection else "Refresh runs every node (the published build kept no manifest)")
    return plan, selection


def copy_file(source: Path, target: Path) -> None:
    """A copy sharing the source's blocks where the file system can (reflink on btrfs/XFS), else a plain copy."""
    if sys.platform == "linux":
        proc = subprocess.run(["cp", "--reflink=auto", str(source), str(target)], capture_output=True, text=True)
        if proc.returncode == 0:
            return
        target.unlink(missing_ok=True)
        if "No space left" in proc.stderr:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
    shutil.copyfile(source, target)


def keep_artifacts(source: Path, target: Path) -> None:
    """dbt's JSON artifacts (manifest, semantic manifest for MetricFlow, run results) go to the project's target/,
    where `mf` and other dbt tools look for them."""
    target.mkdir(exist_ok=True)
    for artifact in source.glob("*.json"):
        shutil.copy2(artifact, target / artifact.name)


def _symlink(target: str, link: Path) -> None:
    """Point `link` at `target` atomically (a new link renamed over the old one)."""
    tmp = link.with_name(f".{link.name}.tmp")
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(target)
    try:
        os.replace(tmp, link)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


def _publish(layout: Layout, release: Path) -> None:
    """The one switch: `current` -> the new release. Then make sure the stable paths go through `current`
    (only the first build after the earlier in-place layout replaces a plain file or folder here)."""
    _symlink(os.path.relpath(release, layout.folder), layout.current)
    db_target = f"current/{layout.db.name}"
    if not layout.db.is_symlink() or os.readlink(layout.db) != db_target:
        _symlink(db_target, layout.db)
    if not layout.parquet.is_symlink() or os.readlink(layout.parquet) != "current/parquet":
        if layout.parquet.is_dir() and not layout.parquet.is_symlink():
            old = layout.folder / f"parquet.old-{os.getpid()}"
            layout.parquet.rename(old)
            _symlink("current/parquet", layout.parquet)
            shutil.rmtree(old, ignore_errors=True)
        else:
            _symlink("current/parquet", layout.parquet)


def _open_paths() -> set[str]:
    """Files any process of ours has open (Linux /proc); empty where /proc is not available."""
    paths: set[str] = set()
    for fd_dir in Path("/proc").glob("[0-9]*/fd"):
        with contextlib.suppress(OSError):
            for fd in fd_dir.iterdir():
                with contextlib.suppress(OSError):
                    paths.add(os.readlink(fd))
    return paths


def _collect_garbage(layout: Layout) -> None:
    """Remove builds older than the previous one (a reader may have resolved the link just before the switch),
    unless a process still has a file of them open."""
    current = layout.published_release()
    if current is None:
        return
    older = sorted(p for p in layout.builds.iterdir() if p.is_dir() and p.name < current.name)
    if len(older) <= 1:
        return
    in_use = _open_paths()
    for release in older[:-1]:
        prefix = str(release.resolve()) + os.sep
        if any(path.startswith(prefix) for path in in_use):
            continue
        shutil.rmtree(release, ignore_errors=True)
