"""Measure the warehouse build: wall time and peak memory of `militancy build` (cold: no target/, new file;
warm: second run), and of the whole `militancy test`. Run: .venv/bin/python benchmarks/build_time.py [--test]

Prints one line per run. Numbers depend on the machine; the ones in the issue notes came from this script.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PARTS = ("dbt_project.yml", "profiles.yml", "seeds", "models", "macros", "analyses", "tests", "corpus")


def run(cmd: list[str], cwd: Path) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    peak_mb = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    return seconds, peak_mb


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--test", action="store_true", help="also time `militancy test`")
    args = parser.parse_args()
    militancy = str(Path(sys.executable).parent / "militancy")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "project"
        work.mkdir()
        for part in PARTS:
            src = ROOT / part
            if src.is_dir():
                shutil.copytree(src, work / part)
            else:
                shutil.copy2(src, work / part)
        for label in ("cold build", "warm build"):
            seconds, peak = run([militancy, "build"], work)
            print(f"{label}: {seconds:.1f} s wall, peak child RSS {peak:.0f} MB")
        if args.test:
            seconds, peak = run([militancy, "test"], ROOT)
            print(f"militancy test: {seconds:.1f} s wall, peak child RSS {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
