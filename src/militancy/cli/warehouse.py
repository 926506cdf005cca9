"""Warehouse commands: build, test, spark-test, validate, gen-yml, doc-info, docs, serve-docs, report."""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from militancy import build as builder
from militancy import codegen, readonly, textcheck
from militancy.cli.arguments import whole_number
from militancy.project import project_root
from militancy.validate import SeedError, validate

# pytest workers for the build tier (pytest-xdist): each test file on one worker (--dist loadfile), so that a
# warehouse a file's fixture builds is built once (tests/conftest.py).
TEST_WORKERS = max(1, min(os.cpu_count() or 1, 4))
FAST_TIER = "not build and not spark"


def _step(name: str) -> None:
    print(f"\n==> {name}", flush=True)


def cmd_build(args: argparse.Namespace) -> int:
    root = project_root()
    db = Path(args.db).absolute() if args.db else None
    try:
        result = builder.build(root, db, full_refresh=getattr(args, "full_refresh", False))
    except SeedError as exc:
        print(f"militancy build: {exc}\nNothing was built; the published warehouse is unchanged.", file=sys.stderr)
        return 1
    except builder.BuildError as exc:
        print(f"militancy build: {exc}", file=sys.stderr)
        return 1
    print(f"\nWarehouse published: {result.path} -> {result.release}  ({result.seconds:.1f} s)")
    for warning in result.warnings:
        print(f"warning: {warning}")
    print("Rows per mart:")
    for table, count in result.mart_rows.items():
        print(f"  marts.{table:<32} {count:>8}")
    return 0


def _run(cmd: Sequence[str], root: Path, env: dict[str, str] | None = None) -> int:
    print("$ " + " ".join(cmd), flush=True)
    return subprocess.call(list(cmd), cwd=root, env=env)


def cmd_test(args: argparse.Namespace) -> int:
    """The checks in order, each reported ok/FAILED, all run even after a failure. `--fast`: the generated-file
    check, ruff and the pure-Python tests (no dbt); the full run adds sqlfluff, the build, the docs, the metadata
    check and every pytest test but the Spark ones (on TEST_WORKERS workers, the slowest listed)."""
    root = project_root()
    bin_dir = Path(sys.executable).parent
    started = time.monotonic()
    results: list[tuple[str, bool]] = []
    lap = [started]

    def check(name: str, ok: bool) -> None:
        now = time.monotonic()
        results.append((name, ok))
        print(f"--- {name}: {'ok' if ok else 'FAILED'} ({now - lap[0]:.0f} s)", flush=True)
        lap[0] = now

    _step("generated YAML is in sync with the seed schema")
    check("gen-yml", codegen.main(["--check"]) == 0)
    _step("ruff")
    ruff = str(bin_dir / "ruff")
    ruff_ok = _run([ruff, "check", "src", "tests", "benchmarks"], root) == 0
    check("ruff", ruff_ok and _run([ruff, "format", "--check", "src", "tests", "benchmarks"], root) == 0)
    pytest = [str(bin_dir / "pytest"), "-q", "-p", "no:cacheprovider"]
    if args.fast:
        _step("pytest, pure-Python tier (no dbt run, no warehouse built)")
        check("pytest", _run([*pytest, "-m", FAST_TIER, "--durations", "5"], root) == 0)
        return _summary(results, started)
    _step("sqlfluff (dialect duckdb, dbt templater, in-memory target)")
    sqlfluff = [str(bin_dir / "sqlfluff"), "lint", "models", "analyses", "tests/data", "--processes", str(TEST_WORKERS)]
    check("sqlfluff", _run(sqlfluff, root) == 0)
    _step("build: seeds, models, data tests, unit tests, atomic publish")
    built = cmd_build(argparse.Namespace(db=None, full_refresh=True)) == 0
    check("build", built)
    _step("docs site (also writes the manifest and catalog the metadata check reads)")
    docs_ok = cmd_docs(argparse.Namespace()) == 0
    check("docs", docs_ok)
    _step("metadata: every model and column described, every model has a primary-key test")
    from militancy.checks import check_manifest

    check("metadata", docs_ok and check_manifest(root) == 0)
    _step(f"pytest on {TEST_WORKERS} workers (the Spark tests, marked spark, run in `make test-spark`)")
    # The session's read-only tests read a copy of the warehouse just published (tests/conftest.py).
    env = {**os.environ, "MILITANCY_TEST_PUBLISHED": str(builder.db_path_from_env(root))} if built else None
    workers = ["-n", str(TEST_WORKERS), "--dist", "loadfile"] if TEST_WORKERS > 1 else []
    check("pytest", _run([*pytest, "-m", "not spark", *workers, "--durations", "15"], root, env) == 0)
    return _summary(results, started)


def _summary(results: list[tuple[str, bool]], started: float) -> int:
    failed = [n for n, ok in results if not ok]
    print(f"\n{len(results) - len(failed)} passed, {len(failed)} failed")
    print(f"(militancy test took {time.monotonic() - started:.0f} s)")
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


def cmd_spark_test(args: argparse.Namespace) -> int:
    from militancy import engine_compare

    started = time.monotonic()
    if args.keep:
        args.keep.mkdir(parents=True)
    try:
        diffs = engine_compare.run(project_root(), args.keep)
    except engine_compare.CompareError as exc:
        print(f"militancy spark-test: {exc}", file=sys.stderr)
        return 1
    for diff in diffs:
        if diff:
            print(f"DIFFERS: {diff.name}", file=sys.stderr)
            for problem in diff.problems:
                print(f"    {problem}", file=sys.stderr)
    print(f"(militancy spark-test took {time.monotonic() - started:.0f} s)")
    return 1 if any(diffs) else 0


def cmd_validate(args: argparse.Namespace) -> int:
    root = project_root()
    try:
        result = validate(root)
    except SeedError as exc:
        print(exc, file=sys.stderr)
        return 1
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print("seeds ok")
    return 0


def cmd_gen_yml(args: argparse.Namespace) -> int:
    return codegen.main(["--check"] if args.check else [])


def cmd_doc_info(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.exists():
        print(f"militancy doc-info: no such file: {path}", file=sys.stderr)
        return 1
    if not path.is_file():
        print(f"militancy doc-info: {path} is not a file", file=sys.stderr)
        return 1
    data = path.read_bytes()
    text, problem = textcheck.decode_utf8(data, str(path))
    if problem:
        print(f"militancy doc-info: {problem}", file=sys.stderr)
        return 1
    assert text is not None
    print(f"sha256={hashlib.sha256(data).hexdigest()} char_count={len(text)}")
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    """Generate the docs site reading the published warehouse only through a read-only attach (target reader)."""
    root = project_root()
    db = builder.db_path_from_env(root)
    try:
        readonly.ensure_readable(db)
    except readonly.WarehouseUnavailable as exc:
        print(f"militancy docs: {exc}", file=sys.stderr)
        return 1
    proc = builder.run_dbt(root, ["docs", "generate", "--static", "--target", "reader"], db.absolute())
    if proc.returncode != 0:
        lines = [line for line in proc.stdout.splitlines() if line.strip()]
        print(f"militancy docs: dbt docs generate failed: {' '.join(lines[-3:])[:500]}", file=sys.stderr)
        return 1
    site = root / "site"
    site.mkdir(exist_ok=True)
    shutil.copyfile(root / "target" / "static_index.html", site / "docs.html")
    print(f"Docs site written: {site / 'docs.html'}")
    return 0


def cmd_serve_docs(args: argparse.Namespace) -> int:
    import functools
    import http.server

    site = project_root() / "site"
    if not (site / "docs.html").exists():
        print("militancy serve-docs: run `make docs` first", file=sys.stderr)
        return 1
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
        print(f"Serving http://127.0.0.1:{args.port}/docs.html (Ctrl-C to stop)")
        server.serve_forever()
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from militancy.report import write_report

    root = project_root()
    db = builder.db_path_from_env(root)
    try:
        readonly.ensure_readable(db)
    except readonly.WarehouseUnavailable as exc:
        print(f"militancy report: {exc}", file=sys.stderr)
        return 1
    out = write_report(db, root / "site" / "report.html")
    print(f"Report written: {out}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the parsers of: build, test, spark-test, validate, gen-yml, doc-info, docs, serve-docs, report."""
    b = sub.add_parser("build", help="build and publish the warehouse")
    b.add_argument("--db", help="published file (default warehouse/militancy.duckdb or $MILITANCY_DB_PATH)")
    b.add_argument(
        "--full-refresh",
        action="store_true",
        help="build from nothing even when only documents changed (default: refresh only the changed documents)",
    )
    b.set_defaults(func=cmd_build)
    t = sub.add_parser("test", help="run every check (--fast: lint, generated files, pure-Python tests)")
    t.add_argument("--fast", action="store_true", help="no dbt: gen-yml check, ruff, the pure-Python tests")
    t.set_defaults(func=cmd_test)
    st = sub.add_parser("spark-test", help="build on DuckDB and Spark local and compare every public mart")
    st.add_argument("--keep", type=Path, help="build in this new folder and keep it (default: a temporary one)")
    st.set_defaults(func=cmd_spark_test)
    sub.add_parser("validate", help="check the seed CSVs").set_defaults(func=cmd_validate)
    g = sub.add_parser("gen-yml", help="regenerate YAML derived from the seed schema")
    g.add_argument("--check", action="store_true")
    g.set_defaults(func=cmd_gen_yml)
    d = sub.add_parser("doc-info", help="sha256 and character count of a file")
    d.add_argument("file")
    d.set_defaults(func=cmd_doc_info)
    sub.add_parser("docs", help="write site/docs.html").set_defaults(func=cmd_docs)
    s = sub.add_parser("serve-docs", help="serve the docs site locally")
    s.add_argument("--port", type=whole_number(1), default=8080)
    s.set_defaults(func=cmd_serve_docs)
    sub.add_parser("report", help="write site/report.html").set_defaults(func=cmd_report)
