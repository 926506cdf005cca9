"""Spark-local column of the scale benchmark: the same synthetic project (`militancy synth`) built by dbt on DuckDB
and on Spark local, beside the floor (benchmarks/floor.sql, the core transforms as plain DuckDB SQL).

Per size (and `corpus`, the project's own real corpus): one validated input snapshot (`build.prepare_inputs`, as
`make test-spark` does), its registered dataset files exported to Parquet for Spark, then
- `dbt build --target dev` (DuckDB) and `dbt build --target spark` (dbt-spark session method, Spark local[2], from
  .venv-spark), each with every data test: wall time and peak memory of the whole process tree (the dbt process,
  and for Spark the JVM it starts: RSS of every descendant summed, polled every 0.1 s, as benchmarks/scale.py),
- the floor on the same project,
and prints them with the ratios Spark / DuckDB and each / floor. It times dbt builds only (no `militancy build`
validation, export or publish): the part that would move to a cluster. Nothing here runs in CI.

Run (under the shared benchmark lock):
  flock /work/notes/bench.lock .venv/bin/python benchmarks/spark_scale.py --sizes corpus 100k [1M]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from scale import FLOOR_RUNNER, FLOOR_SQL, Measured, run_measured  # noqa: E402

ONE_BUILD = """
import sys
from pathlib import Path
from militancy.build import run_dbt
from militancy.engine_compare import spark_dbt
engine, inputs, db, spark_dir, project = sys.argv[1], Path(sys.argv[2]), sys.argv[3], sys.argv[4], Path(sys.argv[5])
kwargs = {"dbt": spark_dbt(project), "extra_env": {"MILITANCY_SPARK_DIR": spark_dir}} if engine == "spark" else {}
args = ["build", "--target", "spark" if engine == "spark" else "dev", "--target-path", "target-" + engine]
proc = run_dbt(inputs, args, db, None, **kwargs)
print(proc.stdout[-3000:])
sys.exit(proc.returncode)
"""


@dataclass
class EngineRow:
    label: str
    mentions: int | None
    prepare_s: float
    export_s: float
    duckdb: Measured
    spark: Measured | None
    floor: Measured | None


def _gb(m: Measured | None) -> str:
    return f"{m.peak_bytes / 1e9:.2f}" if m else "-"


def _ratio(a: Measured | None, b: Measured | None, attr: str) -> str:
    if not a or not b or not getattr(b, attr):
        return "-"
    return f"{getattr(a, attr) / getattr(b, attr):.1f}x"


def measure(label: str, workdir: Path, seed: int, skip_spark: bool) -> EngineRow:
    from militancy import refresh, synth
    from militancy.build import prepare_inputs, run_dbt

    base = workdir / label
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True)
    if label == "corpus":
        project, mentions = ROOT, None
    else:
        project, mentions = base / "project", synth.parse_size(label)
        synth.generate(project, mentions, seed)
        (project / ".venv-spark").symlink_to(ROOT / ".venv-spark")
    inputs = base / "inputs"
    started = time.perf_counter()
    prepare_inputs(project, inputs, lambda _: None)
    refresh.write_changes(refresh.Plan(False, "engine benchmark"), inputs)
    prepare_s = time.perf_counter() - started
    (inputs / "datasets" / "parquet").mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    proc = run_dbt(inputs, ["run-operation", "export_dataset_sources", "--target", "lint"], ":memory:")
    if proc.returncode:
        raise RuntimeError(proc.stdout[-3000:])
    export_s = time.perf_counter() - started
    print(f"[{label}] inputs prepared in {prepare_s:.1f} s, dataset Parquet for Spark in {export_s:.1f} s", flush=True)

    def one(engine: str) -> Measured:
        spark_dir = base / "spark"
        spark_dir.mkdir(exist_ok=True)
        cmd = [sys.executable, "-c", ONE_BUILD, engine, str(inputs), str(base / "duck.duckdb"), str(spark_dir)]
        measured = run_measured([*cmd, str(project)], inputs)
        if measured.returncode:
            raise RuntimeError(f"{engine} build failed:\n{measured.output[-3000:]}")
        print(f"[{label}] {engine}: {measured.seconds:.1f} s, peak {measured.peak_bytes / 1e9:.2f} GB", flush=True)
        return measured

    duck = one("duckdb")
    spark = None if skip_spark else one("spark")
    floor_db = base / "floor.duckdb"
    if label == "corpus":  # the floor reads the synthetic layout (every dataset format present)
        return EngineRow(label, mentions, prepare_s, export_s, duck, spark, None)
    floor = run_measured([sys.executable, "-c", FLOOR_RUNNER, str(FLOOR_SQL), str(project), str(floor_db)], project)
    if floor.returncode:
        print(f"[{label}] floor failed: {floor.output[-1000:]}", flush=True)
        floor = None
    else:
        print(f"[{label}] floor: {floor.seconds:.1f} s, peak {floor.peak_bytes / 1e9:.2f} GB", flush=True)
    return EngineRow(label, mentions, prepare_s, export_s, duck, spark, floor)


def table(rows: list[EngineRow]) -> str:
    lines = [
        "| size | floor s | DuckDB dbt build s | Spark local dbt build s | Spark / DuckDB time | DuckDB / floor "
        "| Spark / floor | floor peak GB | DuckDB peak GB | Spark peak GB (with JVM) | Spark / DuckDB peak "
        "| Parquet export for Spark s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r.label} | {f'{r.floor.seconds:.1f}' if r.floor else '-'} | {r.duckdb.seconds:.1f} | "
            f"{f'{r.spark.seconds:.1f}' if r.spark else 'not run'} | {_ratio(r.spark, r.duckdb, 'seconds')} | "
            f"{_ratio(r.duckdb, r.floor, 'seconds')} | {_ratio(r.spark, r.floor, 'seconds')} | {_gb(r.floor)} | "
            f"{_gb(r.duckdb)} | {_gb(r.spark)} | {_ratio(r.spark, r.duckdb, 'peak_bytes')} | {r.export_s:.1f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", default=["corpus", "100k"], help="corpus (the real one), 100k, 1M ...")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/militancy-spark-scale"))
    parser.add_argument("--duckdb-only", nargs="*", default=[], help="sizes to build on DuckDB only")
    args = parser.parse_args()
    rows = []
    for label in args.sizes:
        rows.append(measure(label, args.workdir, args.seed, label in args.duckdb_only))
        print(table(rows), flush=True)


if __name__ == "__main__":
    main()
