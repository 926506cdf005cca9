"""Dataset linking gives the same proposals on Splink's DuckDB and Spark backends.

A small synthetic set (every id starts `syn_`; nothing here describes a real event): document mentions of ten
events and dataset records built from some of them with every kind of disagreement the model scores (dates a day,
weeks or months apart, another place, point or country, no group or another group, figures that overlap, are within a
factor of two or disagree, unknown values) plus unrelated records, one already decided. The same `link()` runs on a
DuckDB connection in this process and on a Spark local session in the Spark venv (.venv-spark), each reading the
same Parquet files; the proposals must be the same pairs with the same evidence, match probabilities within
PROBABILITY_TOLERANCE (1e-6, the proposals file's rounding unit). The model's m and u probabilities are fixed (no EM),
so the engines do the same arithmetic and differ, if at all, in the last bits of a double.

Marked `spark`: `make test-spark` runs it (CI too); `make test` leaves it out. Skipped when .venv-spark is absent.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import duckdb
import pytest

from militancy.datasets import linking as dataset_linking
from militancy.datasets.synthetic import linking_sides as synthetic_sides

ROOT = Path(__file__).resolve().parents[2]
SPARK_PYTHON = ROOT / ".venv-spark" / "bin" / "python"
pytestmark = [
    pytest.mark.spark,
    pytest.mark.skipif(not SPARK_PYTHON.exists(), reason=".venv-spark absent (make spark-install)"),
]

DECIDED = {("acled", "syn_acled_x4")}  # an unrelated record, proposed when undecided
THRESHOLD = 0.001

SPARK_RUNNER = """
import sys
from pathlib import Path
from pyspark.sql import SparkSession
from militancy.datasets import linking as dl
records, mentions, out, scratch = sys.argv[1:5]
spark = (
    SparkSession.builder.master("local[1]")
    .config("spark.ui.enabled", "false")
    .config("spark.sql.shuffle.partitions", "2")
    .config("spark.sql.session.timeZone", "UTC")
    .config("spark.sql.warehouse.dir", scratch)
    .getOrCreate()
)
decided = {tuple(d.split("/")) for d in sys.argv[6:]}
proposals = dl.link(
    spark, f"select * from parquet.`{records}`", f"select * from parquet.`{mentions}`", decided, float(sys.argv[5])
)
dl.write_proposals(proposals, Path(out))
spark.stop()
"""


def _write(rows: list[dict], path: Path) -> None:
    columns = dataset_linking.SIDE_COLUMNS
    types = {"date_start": "date", "date_end": "date", "event_year": "integer", "killed_low": "integer"}
    types |= {"killed_high": "integer", "group_ids": "varchar[]", "latitude": "double", "longitude": "double"}
    with duckdb.connect() as con:
        con.execute("create table side (" + ", ".join(f"{c} {types.get(c, 'varchar')}" for c in columns) + ")")
        con.executemany(
            f"insert into side values ({', '.join('?' for _ in columns)})",
            [[row.get(c) for c in columns] for row in rows],
        )
        con.execute(f"copy side to '{path}' (format parquet)")


def test_duckdb_and_spark_propose_the_same_links(tmp_path: Path) -> None:
    records, mentions = synthetic_sides()
    rec, men = tmp_path / "records.parquet", tmp_path / "mentions.parquet"
    _write(records, rec)
    _write(mentions, men)

    with duckdb.connect() as con:
        duck = dataset_linking.link(
            con, f"select * from read_parquet('{rec}')", f"select * from read_parquet('{men}')", DECIDED, THRESHOLD
        )

    out = tmp_path / "spark_proposals.csv"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    decided = [f"{fmt}/{rid}" for fmt, rid in sorted(DECIDED)]
    cmd = [str(SPARK_PYTHON), "-c", SPARK_RUNNER, str(rec), str(men), str(out), str(tmp_path / "spark"), str(THRESHOLD)]
    proc = subprocess.run([*cmd, *decided], env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-4000:]
    spark = dataset_linking.read_proposals(out)

    # The set is not trivial: strong and weak links, several records with more than one candidate event.
    assert len(duck) >= 10 and len({(p.dataset_format, p.record_id) for p in duck}) >= 6
    assert min(p.match_probability for p in duck) < 0.5 < 0.99 < max(p.match_probability for p in duck)
    assert all((p.dataset_format, p.record_id) not in DECIDED for p in duck)
    best = {}
    for p in duck:  # proposals come ordered by record, best first
        best.setdefault(p.record_id, p)
    assert best["syn_gtd_1"].event_id == "syn_ev_1" and best["syn_gtd_1"].match_probability > 0.99
    assert best["syn_acled_5"].event_id == "syn_ev_5" and best["syn_acled_5"].match_probability > 0.99
    # Same pairs, same best mention and evidence; probabilities within the stated tolerance.
    assert dataset_linking.differences(duck, spark) == []
    # and the check is not blind: a moved probability and a lost pair are reported
    moved = [*spark[:-1], dataset_linking.Proposal(**{**spark[-1].__dict__, "match_probability": 0.0})]
    assert dataset_linking.differences(duck, moved)
    assert dataset_linking.differences(duck, spark[1:])
