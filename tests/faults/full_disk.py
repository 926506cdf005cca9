"""Slow fault case, outside pytest: a build that runs out of disk space on a real, small file system.

    sudo .venv/bin/python tests/faults/full_disk.py      # needs root to mount a tmpfs; skips cleanly otherwise

It mounts a 64 MB tmpfs, publishes one build there, fills the file system with a ballast file until about
`--free-mb` MB are left, builds again and checks that this build fails with a one-line "disk full" message and
exit code 1, that the published database and Parquet are byte-identical to before, and that no partial folder,
temporary link or WAL file is left. Prints PASS/FAIL per check; exit code 0 when all pass (or when skipped).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from militancy.build import copy_parts

ROOT = Path(__file__).resolve().parents[2]
PARTS = ("dbt_project.yml", "profiles.yml", "seeds", "models", "macros", "analyses", "tests/data", "corpus")
MILITANCY = str(Path(sys.executable).parent / "militancy")


def _fingerprint(warehouse: Path) -> dict[str, str]:
    files = [warehouse / "militancy.duckdb", *sorted((warehouse / "parquet").glob("*.parquet"))]
    return {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in files}


def _leftovers(warehouse: Path) -> list[str]:
    found = [p.name for p in (warehouse / "builds").iterdir() if p.name.endswith(".partial")]
    found += [p.name for p in warehouse.iterdir() if p.name.endswith((".tmp", ".wal", ".building"))]
    return found


def _build(project: Path, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [MILITANCY, "build", "--db", str(db)], cwd=project, capture_output=True, text=True, timeout=900, check=False
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=int, default=64)
    parser.add_argument("--free-mb", type=int, default=4)
    args = parser.parse_args()
    if os.geteuid() != 0:
        print("SKIP: needs root to mount a small tmpfs")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_parts(ROOT, Path(tmp) / "project", PARTS)
        mount = Path(tmp) / "small"
        mount.mkdir()
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={args.size_mb}m", "tmpfs", str(mount)], check=False
        )
        if mounted.returncode != 0:
            print("SKIP: cannot mount a tmpfs here")
            return 0
        try:
            return _run(project, mount / "warehouse", args.free_mb)
        finally:
            subprocess.run(["umount", str(mount)], check=False)


def _run(project: Path, warehouse: Path, free_mb: int) -> int:
    db = warehouse / "militancy.duckdb"
    first = _build(project, db)
    if first.returncode != 0:
        print("FAIL: the first build on the small file system did not publish:\n" + first.stderr[-2000:])
        return 1
    before = _fingerprint(warehouse)
    stat = os.statvfs(warehouse)
    ballast = warehouse.parent / "ballast"
    with ballast.open("wb") as out:
        out.truncate(0)
        remaining = stat.f_bavail * stat.f_frsize - free_mb * 2**20
        chunk = b"\0" * 2**20
        while remaining > 0:
            out.write(chunk[: min(len(chunk), remaining)])
            remaining -= len(chunk)
    second = _build(project, db)
    ballast.unlink()
    err_lines = second.stderr.strip().splitlines()
    checks = [
        ("the build fails with exit code 1", second.returncode == 1),
        ("the message names the full disk", "disk full" in second.stderr),
        ("the message is one line, without a traceback", len(err_lines) == 1 and "Traceback" not in second.stderr),
        ("the published database and Parquet are unchanged", _fingerprint(warehouse) == before),
        ("no partial folder, temporary link or WAL is left", _leftovers(warehouse) == []),
    ]
    print(f"message: {second.stderr.strip()}")
    for name, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'}: {name}")
    if not all(ok for _, ok in checks):
        print("stderr of the failing build:\n" + second.stderr[-3000:])
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    raise SystemExit(main())
