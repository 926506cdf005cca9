"""Export every public mart to Parquet (<release>/parquet/<mart>.parquet) for tools that prefer files.

The build writes them into the release folder before it is published, so the Parquet files and the DuckDB file
are always published together (see build.py)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from militancy.dbt_artifacts import PUBLIC_SCHEMA


def export_parquet(db_path: Path, out_dir: Path) -> list[Path]:
    """Write one Parquet file per table of the marts schema into the new folder `out_dir`."""
    out_dir.mkdir(parents=True)
    written: list[Path] = []
    with duckdb.connect(str(db_path), read_only=True) as con:
        tables = [
            name
            for (name,) in con.execute(
                "select table_name from information_schema.tables where table_schema = ? and table_type = 'BASE TABLE'"
                " order by table_name",
                [PUBLIC_SCHEMA],
            ).fetchall()
        ]
        for table in tables:
            target = out_dir / f"{table}.parquet"
            con.execute(f"copy {PUBLIC_SCHEMA}.\"{table}\" to '{target}' (format parquet)")
            written.append(target)
    return written
