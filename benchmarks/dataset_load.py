"""Measure loading a large synthetic UCDP GED, GTD and ACLED file: rows per second of `militancy datasets add`
(decode, shape check, UTF-8 copy, value checks in DuckDB, checksums) and of the re-check run before every build,
each as a ratio to the floor: plain DuckDB reading the same file into a table with the same explicit column types
(the work the staging model does, without any check).

Run: .venv/bin/python benchmarks/dataset_load.py [--rows 200000] [--formats ucdp-ged gtd acled]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import duckdb

from militancy.datasets import registry as datasets
from militancy.datasets import synthetic as synthetic_datasets
from militancy.datasets.formats import FORMATS

ROOT = Path(__file__).resolve().parents[1]


def floor_seconds(stored: Path, fmt: str) -> float:
    columns = ", ".join(f"'{c.name}': '{c.type}'" for c in FORMATS[fmt].columns)
    started = time.perf_counter()
    with duckdb.connect() as con:
        con.execute(f"create table t as select * from read_csv('{stored}', header = true, columns = {{{columns}}})")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--formats", nargs="+", default=sorted(FORMATS), choices=sorted(FORMATS))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        (project / "seeds" / "datasets").mkdir(parents=True)
        shutil.copy2(ROOT / datasets.CODES_SEED, project / datasets.CODES_SEED)
        print(
            f"{'format':<9} {'rows':>9} {'MB':>7} {'add s':>7} {'add rows/s':>11} {'recheck s':>9} "
            f"{'floor s':>8} {'add/floor':>9} {'recheck/floor':>13}"
        )
        for fmt in args.formats:
            path = synthetic_datasets.write(fmt, Path(tmp) / f"synthetic_{fmt}.csv", args.rows, project_dir=project)
            megabytes = path.stat().st_size / 1e6
            started = time.perf_counter()
            entry = datasets.add(project, path, fmt)
            add_s = time.perf_counter() - started
            started = time.perf_counter()
            datasets.check_registered(project)
            recheck_s = time.perf_counter() - started
            floor_s = floor_seconds(project / "datasets" / entry.file_name, fmt)
            datasets.remove(project, entry.dataset_id)
            print(
                f"{fmt:<9} {entry.row_count:>9} {megabytes:>7.1f} {add_s:>7.2f} {entry.row_count / add_s:>11,.0f} "
                f"{recheck_s:>9.2f} {floor_s:>8.2f} {add_s / floor_s:>9.1f} {recheck_s / floor_s:>13.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
