"""Export every public mart to Parquet (warehouse/parquet/<mart>.parquet) for tools that prefer files."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

PUBLIC_SCHEMA = "marts"


def export_parquet(db_path: Path, out_dir: Path) -> list[Path]:
    """Write one Parquet file per table of the marts schema; replace the folder only once all are written."""
    staging_dir = out_dir.with_name(out_dir.name + ".building")
    shutil.rmtree(staging_dir, ignore_errors=True)
    staging_dir.mkdir(parents=True)
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
            target = staging_dir / f"{table}.parquet"
            con.execute(f"copy {PUBLIC_SCHEMA}.\"{table}\" to '{target}' (format parquet)")
            written.append(out_dir / target.name)
    old = out_dir.with_name(out_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if out_dir.exists():
        out_dir.rename(old)
    staging_dir.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)
    return written
