"""Reading commands: query (SQL, a file, or an analysis with typed variables) and search."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from militancy import analyses, readonly
from militancy import build as builder
from militancy.cli.arguments import positive_seconds, whole_number
from militancy.project import project_root
from militancy.readonly import format_rows


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
        parameters = None
        if args.analysis:
            parameters = analyses.bind(root, args.analysis, args.var)
            sql = analyses.compile_for_binding(root, db, args.analysis)
        elif args.file:
            sql = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
        else:
            sql = sys.stdin.read() if args.sql == "-" else args.sql
        columns, rows = readonly.run_read_only(
            db, sql, parameters, timeout_s=args.timeout, memory_limit=args.memory_limit
        )
    except (
        readonly.RefusedStatement,
        readonly.WarehouseUnavailable,
        readonly.LimitReached,
        ValueError,
        OSError,
    ) as exc:
        print(f"militancy query: {exc}", file=sys.stderr)
        return 1
    except duckdb.Error as exc:
        print(f"militancy query: {readonly.error_line(exc)}", file=sys.stderr)
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
    q.add_argument(
        "--var",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a parameter of the analysis, as declared in analyses/_analyses.yml (checked against its type, bound)",
    )
    q.add_argument(
        "--timeout",
        type=positive_seconds,
        default=readonly.QUERY_TIMEOUT_S,
        help=f"stop the query after this many seconds (default {readonly.QUERY_TIMEOUT_S:g})",
    )
    q.add_argument(
        "--memory-limit",
        default=readonly.QUERY_MEMORY_LIMIT,
        metavar="SIZE",
        help=f"the most memory the query may use, a DuckDB size (default {readonly.QUERY_MEMORY_LIMIT})",
    )
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.add_argument(
        "--max-width", type=whole_number(0), default=60, help="table format: cut longer values, marked (0: never)"
    )
    q.add_argument(
        "--raw-csv",
        action="store_true",
        help="csv: do not prefix formula-like cells (=, +, -, @, tab, CR) with an apostrophe",
    )
    q.add_argument("--db", help="warehouse file (default: the published one)")
    q.set_defaults(func=cmd_query)
    s = sub.add_parser("search", help="BM25 full-text search over article text")
    s.add_argument("words")
    s.add_argument("--limit", type=whole_number(1), default=10, help="the most passages shown (default 10)")
    s.add_argument("--all-text", action="store_true", help="also search page chrome, comments and references")
    s.add_argument("--format", choices=("table", "json"), default="table")
    s.add_argument("--db", help="warehouse file (default: the published one)")
    s.set_defaults(func=cmd_search)
