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

import datetime as dt
import os
import random
import subprocess
from pathlib import Path

import duckdb
import pytest

from militancy import dataset_linking

ROOT = Path(__file__).resolve().parents[1]
SPARK_PYTHON = ROOT / ".venv-spark" / "bin" / "python"
pytestmark = [
    pytest.mark.spark,
    pytest.mark.skipif(not SPARK_PYTHON.exists(), reason=".venv-spark absent (make spark-install)"),
]

TYPES = {"syn_bombing": "syn_attack", "syn_armed_assault": "syn_attack", "syn_kidnapping": "syn_abduction"}
DECIDED = {("acled", "syn_acled_4")}  # proposed (twice) when undecided
THRESHOLD = 0.001

SPARK_RUNNER = """
import sys
from pathlib import Path
from pyspark.sql import SparkSession
from militancy import dataset_linking as dl
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


def _side(uid: str, event: str, fmt: str | None, record: str | None, start: dt.date, days: int, **kw: object) -> dict:
    return {
        "unique_id": uid,
        "event_id": event,
        "dataset_format": fmt,
        "record_id": record,
        "date_start": start,
        "date_end": start + dt.timedelta(days=days),
        "event_year": start.year,
        "event_category": TYPES.get(str(kw.get("event_type"))),
        **kw,
    }


def synthetic_sides() -> tuple[list[dict], list[dict]]:
    """Deterministic (seeded) synthetic document mentions and dataset records."""
    rng = random.Random(12)
    mentions, records = [], []
    for e in range(10):
        start = dt.date(2010 + e % 3, 1 + e, 3 + 2 * e)
        base = {
            "country_iso3": f"SY{e % 3}",
            "location_id": f"syn_loc_{e}",
            "latitude": 38.0 + e / 2,
            "longitude": 68.0 + e / 2,
            "event_type": list(TYPES)[e % 3],
            "killed_low": 2 + 3 * e,
            "killed_high": 2 + 3 * e + (e % 2) * 4,
            "group_ids": [f"syn_org_{e % 4}"] + ([f"syn_org_{(e + 1) % 4}"] if e % 3 == 0 else []),
        }
        for m in range(2):  # two documents on each event (the second less precise)
            mentions.append(_side(f"syn_mention_{e}_{m}", f"syn_ev_{e}", None, None, start, m * 2, **base))
        fmt = ("ucdp-ged", "gtd", "acled")[e % 3]
        # a record of the event with one or more disagreements drawn from the model's levels
        shift = rng.choice([0, 0, 1, 12, 45])
        changes = {
            "location_id": rng.choice([base["location_id"], base["location_id"], f"syn_loc_{e + 20}", None]),
            # the same point, about 11 km or 70 km away, or no coordinates
            "latitude": rng.choice([base["latitude"], base["latitude"] + 0.1, base["latitude"] + 0.63, None]),
            "group_ids": rng.choice([base["group_ids"], [f"syn_org_{(e + 2) % 4}"], None]),
            "killed_low": rng.choice([base["killed_low"], 2 * base["killed_low"] + 1, 100 + e, None]),
            "event_type": rng.choice([base["event_type"], base["event_type"], "syn_kidnapping"]),
        }
        record = {**base, **changes, "killed_high": None}
        if e in (1, 5):  # the record agrees with the documents on everything
            record, shift = base, 0
        if e == 4:
            record["country_iso3"] = None  # an unknown country: the place level is null
        records.append(
            _side(
                f"syn_record_{e}",
                f"syn_ds_ev_{e}",
                fmt,
                f"syn_{fmt}_{e}",
                start + dt.timedelta(days=shift),
                0,
                **record,
            )
        )
    for r in range(6):  # unrelated records (other places, years and groups), one already decided
        start = dt.date(2011, 6 + r, 1)
        records.append(
            _side(
                f"syn_record_x{r}",
                f"syn_ds_ev_x{r}",
                "acled",
                f"syn_acled_{r}",
                start,
                r % 2,
                country_iso3=f"SY{r % 3}",
                location_id=f"syn_loc_{30 + r}",
                latitude=40.0 - r,
                longitude=70.0,
                event_type="syn_armed_assault",
                killed_low=r,
                killed_high=r + 1,
                group_ids=[f"syn_org_{r % 4}"],
            )
        )
    return records, mentions


def _write(rows: list[dict], path: Path) -> None:
    columns = dataset_linking.SIDE_COLUMNS
    types = {"date_start": "date", "date_end": "date", "event_year": "integer", "killed_low": "integer"}
    types |= {"killed_high": "integer", "group_ids": "varchar[]", "latitude": "double", "longitude": "double"}
    with duckdb.connect() as con:
        con.execute("create table side (" + ", ".join(f"{c} {types.get(c, 'varchar')}" for c in columns) + ")")
        con.executemany(
            f"insert into side values ({', '.join('?' for _ in columns)})", [[row.get(c) for c in columns] for row in rows]
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
