"""Time a full build against an incremental refresh after a one-document change, on the real corpus and on the real
corpus multiplied by synthetic test copies of its documents (src/militancy/corpus_copies.py).

Run: .venv/bin/python benchmarks/incremental_refresh.py [--copies 0 40 200]

For each size, in a temporary copy of the project: `militancy build` (full: nothing published yet), one mention's
notes edited in one document, `militancy build` (incremental), then `militancy build --full-refresh` of the same
inputs. Prints wall time and peak memory of each, dbt's own time, and the time dbt spent in the incremental models
(from target/run_results.json). Numbers
depend on the machine and its load; this is not a timed test.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from militancy.build import copy_parts  # noqa: E402
from militancy.corpus_copies import add_copies, edit_row, read_seed  # noqa: E402

INCREMENTAL = ("fct_event_mentions", "fct_event_actors", "fct_evidence", "document_texts", "document_passages")
SLOWEST = 6
PARTS = ("dbt_project.yml", "profiles.yml", "seeds", "models", "macros", "analyses", "tests/data", "corpus")
REAL = ("doc_000", "doc_001", "doc_002", "doc_003", "doc_004")


def run(cmd: list[str], cwd: Path) -> tuple[str, str]:
    """One build: a summary (wall time, peak memory, dbt's own time, time in the incremental models), its output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    peak_mb = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    dbt = re.search(r"Finished running .* \(([\d.]+)s\)", proc.stdout)
    results = json.loads((cwd / "target" / "run_results.json").read_text(encoding="utf-8"))["results"]
    models = sum(r["execution_time"] for r in results if r["unique_id"].split(".")[-1] in INCREMENTAL)
    slowest = sorted((r for r in results if r["unique_id"].startswith("model.")), key=lambda r: -r["execution_time"])
    shown = ", ".join(f"{r['unique_id'].split('.')[-1]} {r['execution_time']:.2f}" for r in slowest[:SLOWEST])
    dbt_seconds = dbt.group(1) if dbt else "?"
    summary = f"{seconds:6.1f} s (dbt {dbt_seconds} s, incremental models {models:5.2f} s, {peak_mb:4.0f} MB)"
    return f"{summary}\n    slowest models (s): {shown}", proc.stdout


def measure(copies: int) -> None:
    militancy = str(Path(sys.executable).parent / "militancy")
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_parts(ROOT, Path(tmp) / "project", PARTS)
        add_copies(project, {f"doc_{9000 + 5 * i + j}": doc for i in range(copies) for j, doc in enumerate(REAL)})
        documents = len(read_seed(project / "seeds" / "documents.csv")[1])
        mentions = len(read_seed(project / "seeds" / "event_mentions.csv")[1])
        build = [militancy, "build", "--db", str(project / "warehouse" / "militancy.duckdb")]
        full, _ = run(build, project)
        _, rows = read_seed(project / "seeds" / "event_mentions.csv")
        edit_row(project, "event_mentions", rows[0]["mention_id"], notes="Edited by the benchmark.")
        incremental, out = run(build, project)
        if "Incremental refresh" not in out:
            raise SystemExit(f"expected an incremental refresh, got:\n{out[-2000:]}")
        copy = re.search(r"Copied the published database \(([\d.]+) MB\) in ([\d.]+) s", out)
        refresh_full, _ = run([*build, "--full-refresh"], project)
        print(
            f"documents {documents:>5}, mentions {mentions:>6}\n  full build    {full}\n"
            f"  incremental   {incremental}; copy of the {copy.group(1) if copy else '?'} MB database "
            f"{copy.group(2) if copy else '?'} s\n  full-refresh  {refresh_full}",
            flush=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, nargs="+", default=[0, 40], help="synthetic copies of each document")
    for copies in parser.parse_args().copies:
        measure(copies)
    return 0


if __name__ == "__main__":
    sys.exit(main())
