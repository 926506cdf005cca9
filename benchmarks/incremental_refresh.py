"""Where the time of an incremental refresh goes, against a full build of the same inputs: per build step (input
snapshot, validation, fingerprints, database copy, dbt, checkpoint, Parquet export, publish) and, inside dbt, per
kind of node (seeds, models, data tests, unit tests), with the slowest models.

Two kinds of project, each in a temporary folder:
- `--copies N ...`: the real corpus multiplied by N synthetic test copies of its documents
  (src/militancy/corpus_copies.py); the refresh edits one mention's notes in one document.
- `--synthetic 100k ...`: a synthetic project (`militancy synth --mentions 100k`); the refresh re-curates 1% of the
  documents, as benchmarks/scale.py does.
For each: `militancy build` (full: nothing published yet), the change, `militancy build` (incremental), then
`militancy build --full-refresh` of the same inputs, and the ratio refresh / full-refresh.

Run (under the benchmark lock on a shared machine):
  flock /work/notes/bench.lock .venv/bin/python benchmarks/incremental_refresh.py --copies 0 40 --synthetic 100k
Numbers depend on the machine and its load; this is not a timed test.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from scale import recurate_documents  # noqa: E402

from militancy.build import copy_parts  # noqa: E402
from militancy.corpus_copies import add_copies, edit_row, read_seed  # noqa: E402

SLOWEST = 6
PARTS = ("dbt_project.yml", "profiles.yml", "seeds", "models", "macros", "analyses", "tests/data", "corpus")
REAL = ("doc_000", "doc_001", "doc_002", "doc_003", "doc_004")
MILITANCY = str(Path(sys.executable).parent / "militancy")


def _kind(unique_id: str) -> str:
    return {"seed": "seeds", "model": "models", "test": "data tests", "unit_test": "unit tests"}.get(
        unique_id.split(".")[0], "other"
    )


def run(cmd: list[str], cwd: Path) -> tuple[float, str]:
    """One build: its wall time and a summary of its steps and dbt nodes."""
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stdout[-3000:]}{proc.stderr[-2000:]}")
    steps = re.search(r"Step times \(s\): (.*)", proc.stdout)
    plan = next((line for line in proc.stdout.splitlines() if line.startswith(("Incremental", "Full build"))), "?")
    results = json.loads((cwd / "target" / "run_results.json").read_text(encoding="utf-8"))["results"]
    by_kind: dict[str, list[float]] = defaultdict(list)
    for result in results:
        by_kind[_kind(result["unique_id"])].append(result["execution_time"])
    nodes = ", ".join(f"{kind} {len(times)} in {sum(times):.1f}" for kind, times in sorted(by_kind.items()))
    slowest = sorted((r for r in results if r["unique_id"].startswith("model.")), key=lambda r: -r["execution_time"])
    shown = ", ".join(f"{r['unique_id'].split('.')[-1]} {r['execution_time']:.2f}" for r in slowest[:SLOWEST])
    summary = (
        f"{seconds:6.1f} s  {plan[:110]}\n      steps: {steps.group(1) if steps else '?'}\n"
        f"      dbt nodes (s, summed over 2 threads' work): {nodes}\n      slowest models (s): {shown}"
    )
    return seconds, summary


def compare(project: Path, change: str, label: str) -> None:
    build = [MILITANCY, "build", "--db", str(project / "warehouse" / "militancy.duckdb")]
    _, first = run(build, project)
    print(f"== {label}\n  first build   {first}", flush=True)
    if change == "edit":
        _, rows = read_seed(project / "seeds" / "event_mentions.csv")
        edit_row(project, "event_mentions", rows[0]["mention_id"], notes="Edited by the benchmark.")
    else:
        print(f"  re-curated {recurate_documents(project)} documents (1%)", flush=True)
    refresh_s, refresh = run(build, project)
    if "Incremental refresh" not in refresh:
        raise SystemExit(f"expected an incremental refresh, got:\n{refresh}")
    print(f"  refresh       {refresh}", flush=True)
    full_s, full = run([*build, "--full-refresh"], project)
    print(f"  full-refresh  {full}\n  refresh / full = {refresh_s / full_s:.2f}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, nargs="*", default=[], help="synthetic copies of each real document")
    parser.add_argument("--synthetic", nargs="*", default=[], help="synthetic project sizes (100k, 1M ...)")
    args = parser.parse_args()
    if not args.copies and not args.synthetic:
        args.copies = [0, 40]
    for copies in args.copies:
        with tempfile.TemporaryDirectory() as tmp:
            project = copy_parts(ROOT, Path(tmp) / "project", PARTS)
            add_copies(project, {f"doc_{9000 + 5 * i + j}": d for i in range(copies) for j, d in enumerate(REAL)})
            documents = len(read_seed(project / "seeds" / "documents.csv")[1])
            mentions = len(read_seed(project / "seeds" / "event_mentions.csv")[1])
            compare(project, "edit", f"real corpus + {copies} copies: {documents} documents, {mentions} mentions")
    for size in args.synthetic:
        with tempfile.TemporaryDirectory() as tmp:
            project = Path(tmp) / "project"
            subprocess.run(
                [MILITANCY, "synth", "--mentions", size, "--out", str(project)],
                check=True,
                capture_output=True,
            )
            compare(project, "recurate", f"synthetic {size} mentions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
