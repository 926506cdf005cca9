"""How `militancy search` scales: building the BM25 index in memory per call, against a plain-SQL floor.

Passages are the warehouse's own (marts.document_passages), repeated under new document ids to reach N rows.
Per N, in one in-memory DuckDB (2 threads):
- floor: the same words as a plain SQL scan, `passage_text ilike '%w1%' and ...` (no ranking, no index);
- index: `create_fts_index` over the N passages (what each `militancy search` call does);
- query: one `match_bm25` ranking with the index built.
Printed as seconds and as ratios to the floor. Run after `make build`:
    .venv/bin/python benchmarks/search_scale.py [--sizes 10000 100000]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import duckdb

from militancy.search import fts_extension_path

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("ambush", "tajik", "troops")


def timed(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> tuple[float, list]:
    started = time.perf_counter()
    rows = con.execute(sql, params or []).fetchall()
    return time.perf_counter() - started, rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--db", default=str(ROOT / "warehouse" / "militancy.duckdb"))
    args = parser.parse_args()
    print(f"{'passages':>9} {'floor s':>8} {'index s':>8} {'query s':>8} {'index/floor':>11} {'query/floor':>11}")
    for size in args.sizes:
        con = duckdb.connect(":memory:", config={"threads": 2})
        con.execute(f"load '{fts_extension_path()}'")
        con.execute(f"attach '{args.db}' as wh (read_only)")
        base = con.execute("select count(*) from wh.marts.document_passages").fetchone()[0]
        copies = -(-size // base)
        con.execute(
            """
            create table passages as
            select p.document_id || '_' || c.copy as document_id, p.passage_id || '_' || c.copy as passage_id,
                p.passage_text
            from wh.marts.document_passages as p cross join range(?) as c(copy)
            limit ?
            """,
            [copies, size],
        )
        where = " and ".join(f"passage_text ilike '%{w}%'" for w in WORDS)
        floor, floor_rows = timed(con, f"select passage_id from passages where {where}")
        index, _ = timed(con, "pragma create_fts_index('passages', 'passage_id', 'passage_text', stemmer='english')")
        query, rows = timed(
            con,
            "select passage_id, score from (select passage_id, fts_main_passages.match_bm25(passage_id, ?) as score"
            " from passages) where score is not null order by score desc limit 10",
            [" ".join(WORDS)],
        )
        assert rows and floor_rows
        print(f"{size:>9} {floor:>8.3f} {index:>8.3f} {query:>8.3f} {index / floor:>11.1f} {query / floor:>11.1f}")
        con.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
