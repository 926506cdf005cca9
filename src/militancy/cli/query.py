"""Reading commands: query (SQL, a file, or an analysis with typed variables) and search."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import duckdb

from militancy import build as builder
from militancy import readonly
from militancy.project import project_root
from militancy.readonly import format_rows


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


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the parsers of: query, search."""
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
    s = sub.add_parser("search", help="BM25 full-text search over article text")
    s.add_argument("words")
    s.add_argument("--limit", type=int, default=10)
    s.add_argument("--all-text", action="store_true", help="also search page chrome, comments and references")
    s.add_argument("--format", choices=("table", "json"), default="table")
    s.add_argument("--db", help="warehouse file (default: the published one)")
    s.set_defaults(func=cmd_search)
