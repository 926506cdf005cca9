"""`militancy`: build, test, document and query the warehouse.

militancy build                 validate seeds, build + test into a new file, publish it atomically
                                (only changed documents are recomputed; --full-refresh builds from nothing)
militancy test [--fast]         every check: generated files, ruff, sqlfluff, build, docs, metadata, pytest
                                (--fast: generated files, ruff and the pure-Python tests, under a minute)
militancy spark-test [--keep D] build one snapshot on DuckDB and on Spark local, compare every public mart
militancy validate              check the seed CSVs only (file, line and column of every problem)
militancy query "SQL"           run one read statement against the published warehouse in a sandbox
                                (--format table|csv|json, --file F or - for stdin, --analysis NAME --var k=v)
militancy docs                  write the static dbt docs site to site/docs.html
militancy serve-docs            serve site/ on http://127.0.0.1:8080
militancy report                write the static HTML report to site/report.html
militancy gen-yml [--check]     regenerate (or check) the YAML derived from the seed schema
militancy doc-info FILE         sha256 and character count of a corpus file, for documents.csv
militancy ingest PATH...        add .txt/.html/.pdf files to corpus/ and propose their rows in review/<doc_id>/
militancy annotate DOC          candidate seed rows with quotes and offsets in review/<doc_id>/
militancy accept DOC            move the kept review rows into seeds/ and validate (seeds restored on failure)
militancy search "words"        BM25 full-text search over article text: passages, offsets, facts quoted
militancy release VERSION       build, test and write the citable release releases/VERSION/ (docs/releases.md)
militancy changelog OLD [NEW]   facts added, removed and changed between two releases (or a release and the build)
militancy synth --mentions N --out DIR   a synthetic project of N mentions (1M, 10M ...) for scale tests
militancy datasets ...          register, check and link UCDP GED / GTD / ACLED files (`militancy datasets -h`)

Every failure is a message and exit code 1; `militancy --debug ...` shows the traceback.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import duckdb

from militancy import build as builder
from militancy import codegen, datasets_cli, readonly, textcheck
from militancy.project import project_root
from militancy.readonly import format_rows
from militancy.validate import SeedError, validate


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


# pytest workers for the build tier (pytest-xdist): the shared warehouses are built once each (--dist loadgroup).
TEST_WORKERS = max(1, min(os.cpu_count() or 1, 4))
FAST_TIER = "not build and not spark"


def cmd_test(args: argparse.Namespace) -> int:
    """The checks in order, each reported ok/FAILED, all run even after a failure. `--fast`: the generated-file
    check, ruff and the pure-Python tests (no dbt); the full run adds sqlfluff, the build, the docs, the metadata
    check and every pytest test but the Spark ones (on TEST_WORKERS workers, the slowest listed)."""
    root = project_root()
    bin_dir = Path(sys.executable).parent
    started = time.monotonic()
    results: list[tuple[str, bool]] = []

    def check(name: str, ok: bool) -> None:
        results.append((name, ok))
        print(f"--- {name}: {'ok' if ok else 'FAILED'}", flush=True)

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
    check("sqlfluff", _run([str(bin_dir / "sqlfluff"), "lint", "models", "analyses", "tests/data"], root) == 0)
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
    workers = ["-n", str(TEST_WORKERS), "--dist", "loadgroup"] if TEST_WORKERS > 1 else []
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

    return engine_compare.main(
        ["--project-dir", str(project_root()), *(["--keep", str(args.keep)] if args.keep else [])]
    )


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


def _parse_vars(pairs: Sequence[str]) -> dict[str, object]:
    values: dict[str, object] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise ValueError(f"--var takes NAME=VALUE, got {pair!r}")
        values[name] = int(value) if re.fullmatch(r"-?[0-9]+", value) else value
    return values


def compile_analysis(root: Path, db: Path, name: str, variables: dict[str, object]) -> str:
    """Compile analyses/<name>.sql with dbt (profile target `reader`: the warehouse attached read-only)."""
    if not re.fullmatch(r"[A-Za-z0-9_]+", name) or not (root / "analyses" / f"{name}.sql").is_file():
        known = sorted(p.stem for p in (root / "analyses").glob("*.sql"))
        raise ValueError(f"no analysis {name!r}; known: {', '.join(known)}")
    readonly.ensure_readable(db)
    args = ["compile", "--select", name, "--target", "reader", "--vars", json.dumps(variables), "--quiet"]
    compiled = root / "target" / "compiled" / "militancy" / "analyses" / f"{name}.sql"
    compiled.unlink(missing_ok=True)
    proc = builder.run_dbt(root, args, db.absolute())
    if proc.returncode != 0 or not compiled.exists():
        lines = [line for line in proc.stdout.splitlines() if line.strip()]
        raise ValueError(f"analysis {name} does not compile: {' '.join(lines[-3:])[:400]}")
    return compiled.read_text(encoding="utf-8")


def cmd_query(args: argparse.Namespace) -> int:
    root = project_root()
    db = Path(args.db) if args.db else builder.db_path_from_env(root)
    sources = [bool(args.sql), bool(args.file), bool(args.analysis)]
    if sum(sources) != 1:
        print("militancy query: give exactly one of SQL, --file PATH (- for stdin) or --analysis NAME", file=sys.stderr)
        return 1
    if args.var and not args.analysis:
        print("militancy query: --var goes with --analysis", file=sys.stderr)
        return 1
    try:
        if args.analysis:
            sql = compile_analysis(root, db, args.analysis, _parse_vars(args.var))
        elif args.file:
            sql = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
        else:
            sql = sys.stdin.read() if args.sql == "-" else args.sql
        columns, rows = readonly.run_read_only(db, sql)
    except (readonly.RefusedStatement, readonly.WarehouseUnavailable, ValueError, OSError) as exc:
        print(f"militancy query: {exc}", file=sys.stderr)
        return 1
    except duckdb.Error as exc:
        print(f"militancy query: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 1
    print(format_rows(columns, rows, args.format, raw_csv=args.raw_csv, max_width=args.max_width), end="")
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


# ---- documents: ingest, annotate, accept, search (issue 13) ------------------------------------------------


def cmd_ingest(args: argparse.Namespace) -> int:
    from militancy.ingest import IngestError, ingest

    try:
        done = ingest(project_root(), [Path(p) for p in args.paths])
    except IngestError as exc:
        print(f"militancy ingest: refused: {exc}", file=sys.stderr)
        return 1
    for item in done:
        print(
            f"{item.document_id}: corpus/{item.corpus_file.name} ({item.char_count} characters); review the "
            f"proposed rows in {item.review_dir}/, then `militancy annotate {item.document_id}`"
        )
    return 0


def cmd_annotate(args: argparse.Namespace) -> int:
    from militancy.annotate import AnnotateError, annotate, write_candidates

    root = project_root()
    try:
        candidates = annotate(root, args.doc)
        folder = write_candidates(root, candidates, force=args.force)
    except AnnotateError as exc:
        print(f"militancy annotate: {exc}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(rows)} {name}" for name, rows in candidates.rows.items())
    print(
        f"{args.doc}: {counts or 'no candidates'}; {len(candidates.dates)} dates, "
        f"{len(candidates.quantities)} quantities -> {folder}/"
    )
    print(f"Set review_decision to keep or drop on every row (edit what needs it), then `militancy accept {args.doc}`.")
    return 0


def cmd_accept(args: argparse.Namespace) -> int:
    from militancy.accept import accept

    try:
        counts = accept(project_root(), args.doc)
    except SeedError as exc:
        print(f"militancy accept: {exc}\nseeds/ is unchanged.", file=sys.stderr)
        return 1
    print(f"{args.doc}: accepted " + ", ".join(f"{n} {name}" for name, n in counts.items()) + "; seeds valid.")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from militancy.search import SearchError, format_hits, search

    root = project_root()
    db = Path(args.db) if args.db else builder.db_path_from_env(root)
    try:
        hits = search(db, args.words, limit=args.limit, include_excluded=args.all_text)
    except SearchError as exc:
        print(f"militancy search: {exc}", file=sys.stderr)
        return 1
    print(format_hits(hits, args.format), end="")
    return 0


def _document_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    i = sub.add_parser("ingest", help="add files to corpus/ and propose their documents rows")
    i.add_argument("paths", nargs="+")
    i.set_defaults(func=cmd_ingest)
    a = sub.add_parser("annotate", help="write candidate seed rows for a document to review/")
    a.add_argument("doc", help="document id, e.g. doc_005")
    a.add_argument("--force", action="store_true", help="overwrite existing candidate files")
    a.set_defaults(func=cmd_annotate)
    c = sub.add_parser("accept", help="move reviewed rows into seeds/ and validate")
    c.add_argument("doc")
    c.set_defaults(func=cmd_accept)
    s = sub.add_parser("search", help="BM25 full-text search over article text")
    s.add_argument("words")
    s.add_argument("--limit", type=int, default=10)
    s.add_argument("--all-text", action="store_true", help="also search page chrome, comments and references")
    s.add_argument("--format", choices=("table", "json"), default="table")
    s.add_argument("--db", help="warehouse file (default: the published one)")
    s.set_defaults(func=cmd_search)


def cmd_release(args: argparse.Namespace) -> int:
    from militancy.release import ReleaseError, make_release

    try:
        make_release(
            project_root(),
            args.version,
            force=args.force,
            date=args.date,
            license_id=args.license,
            include_licensed_datasets=args.include_licensed_datasets,
        )
    except (ReleaseError, SeedError, builder.BuildError) as exc:
        print(f"militancy release: {exc}\nNo release was written.", file=sys.stderr)
        return 1
    return 0


def cmd_changelog(args: argparse.Namespace) -> int:
    from militancy.release import ReleaseError, changelog_between

    try:
        log = changelog_between(project_root(), args.old, args.new)
    except ReleaseError as exc:
        print(f"militancy changelog: {exc}", file=sys.stderr)
        return 1
    if args.out:
        from militancy.changelog import write_changelog

        for path in write_changelog(log, Path(args.out), stem="CHANGELOG"):
            print(f"Written: {path}")
    else:
        print(log.to_markdown(), end="")
    return 0


def cmd_synth(args: argparse.Namespace) -> int:
    from militancy import synth

    return synth.main(["--mentions", args.mentions, "--seed", str(args.seed), "--out", args.out])


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="militancy", description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
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
    q = sub.add_parser("query", help="run one read statement against the warehouse (sandboxed)")
    q.add_argument("sql", nargs="?", help="the SQL (- reads it from stdin)")
    q.add_argument("--file", help="read the SQL from this file (- for stdin)")
    q.add_argument("--analysis", help="run analyses/NAME.sql, compiled by dbt")
    q.add_argument("--var", action="append", default=[], metavar="NAME=VALUE", help="a variable of the analysis")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.add_argument("--max-width", type=int, default=60, help="table format: cut longer values, marked (0: never)")
    q.add_argument(
        "--raw-csv",
        action="store_true",
        help="csv: do not prefix formula-like cells (=, +, -, @, tab, CR) with an apostrophe",
    )
    q.add_argument("--db", help="warehouse file (default: the published one)")
    q.set_defaults(func=cmd_query)
    sub.add_parser("docs", help="write site/docs.html").set_defaults(func=cmd_docs)
    s = sub.add_parser("serve-docs", help="serve the docs site locally")
    s.add_argument("--port", type=int, default=8080)
    s.set_defaults(func=cmd_serve_docs)
    sub.add_parser("report", help="write site/report.html").set_defaults(func=cmd_report)
    g = sub.add_parser("gen-yml", help="regenerate YAML derived from the seed schema")
    g.add_argument("--check", action="store_true")
    g.set_defaults(func=cmd_gen_yml)
    d = sub.add_parser("doc-info", help="sha256 and character count of a file")
    d.add_argument("file")
    d.set_defaults(func=cmd_doc_info)
    _document_parsers(sub)
    r = sub.add_parser("release", help="write a citable release to releases/VERSION")
    r.add_argument("version", help="semantic version, e.g. 0.3.0 (bumped as docs/releases.md says)")
    r.add_argument("--force", action="store_true", help="release even if VERSION is bumped less than the rule asks")
    r.add_argument("--date", help="date-released (YYYY-MM-DD; default $SOURCE_DATE_EPOCH or today, UTC)")
    r.add_argument("--license", help="SPDX id of the data licence for CITATION.cff (default: none claimed)")
    r.add_argument(
        "--include-licensed-datasets",
        action="store_true",
        help="also build with the GTD / ACLED files (their licences forbid redistribution): a private release, "
        "marked by NOTICE.txt",
    )
    r.set_defaults(func=cmd_release)
    c = sub.add_parser("changelog", help="facts added, removed and changed between two versions")
    c.add_argument("old", help="a release version (releases/OLD) or release folder")
    c.add_argument("new", nargs="?", help="a release version or folder (default: the current published build)")
    c.add_argument("--out", help="write CHANGELOG.md and changelog.csv into this folder instead of printing")
    c.set_defaults(func=cmd_changelog)
    y = sub.add_parser("synth", help="write a synthetic project of N mentions for scale tests (docs/performance.md)")
    y.add_argument("--mentions", required=True, help="e.g. 2k, 100k, 1M, 10M")
    y.add_argument("--seed", type=int, default=1, help="same seed and size, same bytes")
    y.add_argument("--out", required=True, help="a new (or empty) folder")
    y.set_defaults(func=cmd_synth)
    datasets_cli.register(sub)  # the `datasets` command group lives in its own module
    return p


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    args = parser().parse_args([a for a in argv if a != "--debug"])
    args.debug = debug
    try:
        return int(args.func(args))
    except (KeyboardInterrupt, builder.Interrupted) as exc:
        if args.debug:
            raise
        reason = str(exc) if isinstance(exc, builder.Interrupted) else "interrupted"
        print(f"militancy {args.command}: {reason}", file=sys.stderr)
        return 1
    except Exception as exc:
        if args.debug:
            raise
        message = " ".join(str(exc).split()) or type(exc).__name__
        print(f"militancy {args.command}: {message[:1000]} (run with --debug for the traceback)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
