"""`militancy`: build, test, document and query the warehouse.

militancy build                 validate seeds, build + test into a new file, publish it atomically
militancy test                  every check: generated files, ruff, sqlfluff, build, docs, metadata, pytest
militancy validate              check the seed CSVs only (file, line and column of every problem)
militancy query "SQL"           run SQL read-only against the published warehouse (--format table|csv|json)
militancy docs                  write the static dbt docs site to site/docs.html
militancy serve-docs            serve site/ on http://127.0.0.1:8080
militancy report                write the static HTML report to site/report.html
militancy gen-yml [--check]     regenerate (or check) the YAML derived from the seed schema
militancy doc-info FILE         sha256 and character count of a corpus file, for documents.csv
militancy datasets ...          register, check and link UCDP GED / GTD / ACLED files (`militancy datasets -h`)
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import duckdb

from militancy import build as builder
from militancy import datasets_cli, dbt_properties
from militancy.validate import SeedError, validate


def project_root() -> Path:
    here = Path.cwd()
    for candidate in (here, *here.parents):
        if (candidate / "dbt_project.yml").exists():
            return candidate
    raise SystemExit("militancy: run this inside the project (no dbt_project.yml found here or above)")


def _step(name: str) -> None:
    print(f"\n==> {name}", flush=True)


def cmd_build(args: argparse.Namespace) -> int:
    root = project_root()
    db = Path(args.db).resolve() if args.db else None
    try:
        result = builder.build(root, db)
    except SeedError as exc:
        print(f"militancy build: {exc}\nNothing was built; the published warehouse is unchanged.", file=sys.stderr)
        return 1
    except builder.BuildError as exc:
        print(f"militancy build: {exc}", file=sys.stderr)
        return 1
    print(f"\nWarehouse published: {result.path}  ({result.seconds:.1f} s)")
    print("Rows per mart:")
    for table, count in result.mart_rows.items():
        print(f"  marts.{table:<32} {count:>8}")
    return 0


def _run(cmd: Sequence[str], root: Path) -> int:
    print("$ " + " ".join(cmd), flush=True)
    return subprocess.call(list(cmd), cwd=root)


def cmd_test(args: argparse.Namespace) -> int:
    root = project_root()
    bin_dir = Path(sys.executable).parent
    started = time.monotonic()
    results: list[tuple[str, bool]] = []

    def check(name: str, ok: bool) -> None:
        results.append((name, ok))
        print(f"--- {name}: {'ok' if ok else 'FAILED'}", flush=True)

    _step("generated YAML is in sync with the seed schema")
    check("gen-yml", dbt_properties.main(["--check"]) == 0)
    _step("ruff")
    ruff = str(bin_dir / "ruff")
    ruff_ok = _run([ruff, "check", "src", "tests", "benchmarks"], root) == 0
    check("ruff", ruff_ok and _run([ruff, "format", "--check", "src", "tests", "benchmarks"], root) == 0)
    _step("sqlfluff (dialect duckdb, dbt templater, in-memory target)")
    check("sqlfluff", _run([str(bin_dir / "sqlfluff"), "lint", "models", "analyses", "tests/data"], root) == 0)
    _step("build: seeds, models, data tests, unit tests, atomic publish")
    built = cmd_build(argparse.Namespace(db=None)) == 0
    check("build", built)
    _step("docs site (also writes the manifest and catalog the metadata check reads)")
    docs_ok = cmd_docs(argparse.Namespace()) == 0
    check("docs", docs_ok)
    _step("metadata: every model and column described, every model has a primary-key test")
    from militancy.metadata import check_manifest

    check("metadata", docs_ok and check_manifest(root) == 0)
    _step("pytest")
    check("pytest", _run([str(bin_dir / "pytest"), "-q"], root) == 0)
    failed = [n for n, ok in results if not ok]
    print(f"\n{len(results) - len(failed)} passed, {len(failed)} failed")
    print(f"(militancy test took {time.monotonic() - started:.0f} s)")
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


def cmd_validate(args: argparse.Namespace) -> int:
    root = project_root()
    try:
        validate(root)
    except SeedError as exc:
        print(exc, file=sys.stderr)
        return 1
    print("seeds ok")
    return 0


def cmd_gen_yml(args: argparse.Namespace) -> int:
    return dbt_properties.main(["--check"] if args.check else [])


def cmd_doc_info(args: argparse.Namespace) -> int:
    data = Path(args.file).read_bytes()
    print(f"sha256={hashlib.sha256(data).hexdigest()} char_count={len(data.decode('utf-8'))}")
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    root = project_root()
    db = Path(args.db) if args.db else builder.db_path_from_env(root)
    if not db.exists():
        print(f"militancy query: no warehouse at {db}; run `make build` first", file=sys.stderr)
        return 1
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            cursor = con.execute(args.sql)
            columns = [d[0] for d in cursor.description] if cursor.description else []
            rows = cursor.fetchall()
    except duckdb.Error as exc:
        print(f"militancy query: {exc}", file=sys.stderr)
        return 1
    print(format_rows(columns, rows, args.format), end="")
    return 0


def format_rows(columns: list[str], rows: list[tuple], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(columns, r, strict=True)) for r in rows], default=str, ensure_ascii=False) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return out.getvalue()
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [min(60, max([len(c)] + [len(r[i]) for r in cells])) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        return " | ".join(v[:w].ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    parts = [line(columns), "-+-".join("-" * w for w in widths)] + [line(r) for r in cells]
    parts.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(parts) + "\n"


def cmd_docs(args: argparse.Namespace) -> int:
    root = project_root()
    db = builder.db_path_from_env(root)
    proc = builder.run_dbt(root, ["docs", "generate", "--static"], db)
    if proc.returncode != 0:
        print(proc.stdout[-3000:], file=sys.stderr)
        return 1
    site = root / "site"
    site.mkdir(exist_ok=True)
    (site / "docs.html").write_bytes((root / "target" / "static_index.html").read_bytes())
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
    if not db.exists():
        print(f"militancy report: no warehouse at {db}; run `make build` first", file=sys.stderr)
        return 1
    out = write_report(db, root / "site" / "report.html")
    print(f"Report written: {out}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="militancy", description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build and publish the warehouse")
    b.add_argument("--db", help="published file (default warehouse/militancy.duckdb or $MILITANCY_DB_PATH)")
    b.set_defaults(func=cmd_build)
    sub.add_parser("test", help="run every check").set_defaults(func=cmd_test)
    sub.add_parser("validate", help="check the seed CSVs").set_defaults(func=cmd_validate)
    q = sub.add_parser("query", help="run read-only SQL against the warehouse")
    q.add_argument("sql")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
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
    datasets_cli.register(sub)  # issue 10: the `datasets` command group lives in its own module
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
