"""Measure the precision and recall of `militancy datasets link` at its default threshold.

Two labelled sets:

1. Real records (`--real FILE`, repeatable, with `--real-labels`): UCDP GED files registered into a scratch copy of
   the project, built with the five documents, then linked. A labels CSV (dataset_format, record_id, event_id,
   is_match) lists the pairs a person judged by hand; `--no-true-match` declares instead that no record of the files
   can describe a corpus event (a country and period the documents never cover): every proposal is then false.
2. Synthetic sides (`militancy.synthetic_datasets.linking_sides`): ten events with records carrying every kind of
   disagreement the model scores, and unrelated records; the truth is known by construction. Synthetic: it tests
   what the model was built to see, not what real files hold.

For each set: proposals at the threshold, true and false positives, precision, recall (of the labelled true pairs)
and how often the true event is ranked first for its record.

Run: .venv/bin/python benchmarks/linking_quality.py [--real GEDEvent_country.csv --no-true-match] [--threshold 0.5]
"""

from __future__ import annotations

import argparse
import csv
import shutil
import tempfile
from pathlib import Path

import duckdb

from militancy.build import build, copy_parts
from militancy.datasets import linking as dataset_linking
from militancy.datasets import registry as datasets
from militancy.datasets.synthetic import linking_sides

ROOT = Path(__file__).resolve().parents[1]
PARTS = ("dbt_project.yml", "profiles.yml", "seeds", "models", "macros", "analyses", "tests/data", "corpus")


def score(proposals: list[dataset_linking.Proposal], truth: dict[tuple[str, str], str | None]) -> dict:
    """truth: (format, record id) -> the event it describes, or None for a record that describes none."""
    best: dict[tuple[str, str], dataset_linking.Proposal] = {}
    for p in proposals:  # ordered by record, best first
        best.setdefault((p.dataset_format, p.record_id), p)
    true_pairs = {(k, v) for k, v in truth.items() if v is not None}
    tp = sum(1 for p in proposals if truth.get((p.dataset_format, p.record_id)) == p.event_id)
    fp = len(proposals) - tp
    found = {((p.dataset_format, p.record_id), p.event_id) for p in proposals} & true_pairs
    first = sum(1 for key, event in true_pairs if key in best and best[key].event_id == event)
    return {
        "proposals": len(proposals),
        "true_positives": tp,
        "false_positives": fp,
        "precision": tp / len(proposals) if proposals else None,
        "recall": len(found) / len(true_pairs) if true_pairs else None,
        "true_event_ranked_first": f"{first} of {len(true_pairs)}",
    }


def synthetic(threshold: float) -> dict:
    records, mentions = linking_sides()
    truth: dict[tuple[str, str], str | None] = {}
    for r in records:  # unique ids: syn_record_<e> describes syn_ev_<e>; syn_record_x<r> describes none
        number = r["unique_id"].rsplit("_", 1)[1]
        truth[(r["dataset_format"], r["record_id"])] = None if number.startswith("x") else f"syn_ev_{number}"
    columns = dataset_linking.SIDE_COLUMNS
    types = {"date_start": "date", "date_end": "date", "event_year": "integer", "killed_low": "integer"}
    types |= {"killed_high": "integer", "group_ids": "varchar[]", "latitude": "double", "longitude": "double"}
    with duckdb.connect() as con:
        for name, rows in (("records_side", records), ("mentions_side", mentions)):
            con.execute(f"create table {name} (" + ", ".join(f"{c} {types.get(c, 'varchar')}" for c in columns) + ")")
            con.executemany(
                f"insert into {name} values ({', '.join('?' for _ in columns)})",
                [[row.get(c) for c in columns] for row in rows],
            )
        proposals = dataset_linking.link(
            con, "select * from records_side", "select * from mentions_side", set(), threshold
        )
    return score(proposals, truth)


def real(files: list[Path], labels: Path | None, no_true_match: bool, threshold: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="militancy-linking-") as tmp:
        project = copy_parts(ROOT, Path(tmp) / "project", PARTS)
        for path in files:
            datasets.add(project, path, "ucdp-ged")
        result = build(project, project / "warehouse" / "militancy.duckdb", echo=None)
        proposals = dataset_linking.propose(result.path, project, threshold=threshold)
        truth: dict[tuple[str, str], str | None] = {}
        if labels is not None:
            with labels.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    key = (row["dataset_format"], row["record_id"])
                    truth[key] = row["event_id"] if row["is_match"] == "true" else truth.get(key)
        if no_true_match:
            truth = {(p.dataset_format, p.record_id): None for p in proposals}
        with duckdb.connect(str(result.path), read_only=True) as con:
            records = con.execute("select count(*) from marts.fct_dataset_records").fetchone()[0]
        shutil.rmtree(project / "warehouse", ignore_errors=True)
    return {"records": records, **score(proposals, truth)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--real", type=Path, action="append", default=[], help="a UCDP GED file (repeatable)")
    parser.add_argument("--real-labels", type=Path, help="CSV: dataset_format, record_id, event_id, is_match")
    parser.add_argument("--no-true-match", action="store_true", help="no record of the --real files is a corpus event")
    parser.add_argument("--threshold", type=float, default=0.5)
    args = parser.parse_args()
    print(f"threshold {args.threshold}")
    print("synthetic sides:", synthetic(args.threshold))
    if args.real:
        print("real records:", real(args.real, args.real_labels, args.no_true_match, args.threshold))


if __name__ == "__main__":
    main()
