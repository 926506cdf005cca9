"""Export every public mart to Parquet (<release>/parquet/<mart>.parquet) for tools that prefer files.

The build writes them into the release folder before it is published, so the Parquet files and the DuckDB file
are always published together (see build.py)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb

from militancy.dbt_artifacts import PUBLIC_SCHEMA
from militancy.duckdb_memory import capped


def export_parquet(db_path: Path, out_dir: Path, reuse: tuple[Path, frozenset[str]] | None = None) -> list[Path]:
    """Write one Parquet file per table of the marts schema into the new folder `out_dir`.
    `reuse` = (the published release's Parquet folder, the tables an incremental refresh rebuilt): every other
    table is unchanged since that release, so its published file is linked (a hard link: published files are never
    written again, so both releases may share it), or copied where links are not possible."""
    out_dir.mkdir(parents=True)
    written: list[Path] = []
    with duckdb.connect(str(db_path), read_only=True, config=capped()) as con:
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
            if reuse is not None and table not in reuse[1] and (reuse[0] / target.name).is_file():
                _link_or_copy(reuse[0] / target.name, target)
                written.append(target)
                continue
            con.execute(f"copy {PUBLIC_SCHEMA}.\"{table}\" to '{target}' (format parquet)")
            written.append(target)
    return written


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
