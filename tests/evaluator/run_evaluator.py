"""Run dbt-project-evaluator's rules on a scratch copy of the project, with the exceptions in exceptions.csv.

The dbt package hub is unreachable here, so the evaluator is not a dependency of the project: this script takes
local checkouts of dbt-project-evaluator and dbt-utils, copies the project's dbt parts into a temporary folder,
adds the two packages as `local:` packages (the evaluator's own `packages.yml` repointed to the local dbt-utils),
the evaluator's `dispatch` block and this folder's exceptions as the seed `dbt_project_evaluator_exceptions` (the
package's empty seed disabled), then runs `dbt build --select package:dbt_project_evaluator
dbt_project_evaluator_exceptions` into a scratch DuckDB file. It prints each rule with its result and exits 1
when any rule warns or fails. The project itself is never modified.

    git clone https://github.com/dbt-labs/dbt-project-evaluator && git -C dbt-project-evaluator checkout v1.3.2
    git clone https://github.com/dbt-labs/dbt-utils && git -C dbt-utils checkout 1.4.1
    .venv/bin/python tests/evaluator/run_evaluator.py --evaluator dbt-project-evaluator --dbt-utils dbt-utils

Every row of exceptions.csv gives its reason in `comment`: an exception without one is refused.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
EXCEPTIONS = HERE / "exceptions.csv"
PARTS = ("dbt_project.yml", "profiles.yml", "models", "macros", "analyses", "tests/data", "seeds")
PACKAGE = "dbt_project_evaluator"


def read_exceptions(path: Path) -> list[dict[str, str]]:
    """The exceptions, each with a reason; raises ValueError naming the line of one without."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for line, row in enumerate(rows, start=2):
        if not (row.get("comment") or "").strip():
            raise ValueError(f"{path}:{line}: an exception needs its reason in the comment column")
    return rows


def scratch_project(work: Path, evaluator: Path, dbt_utils: Path) -> Path:
    """The project's dbt parts in `work/project`, with the evaluator, dbt-utils and the exceptions wired in."""
    project = work / "project"
    for part in PARTS:
        source = ROOT / part
        target = project / part
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)
    utils_copy = work / "dbt_utils"
    shutil.copytree(dbt_utils, utils_copy, ignore=shutil.ignore_patterns(".git", "integration_tests"))
    evaluator_copy = work / PACKAGE
    shutil.copytree(evaluator, evaluator_copy, ignore=shutil.ignore_patterns(".git", "integration_tests*", "docs"))
    (evaluator_copy / "packages.yml").write_text(yaml.safe_dump({"packages": [{"local": str(utils_copy)}]}))
    (project / "packages.yml").write_text(
        yaml.safe_dump({"packages": [{"local": str(evaluator_copy)}, {"local": str(utils_copy)}]})
    )
    config = yaml.safe_load((project / "dbt_project.yml").read_text(encoding="utf-8"))
    config["dispatch"] = [{"macro_namespace": "dbt", "search_order": [PACKAGE, "dbt"]}]
    config.setdefault("seeds", {})[PACKAGE] = {"dbt_project_evaluator_exceptions": {"+enabled": False}}
    (project / "dbt_project.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    shutil.copy2(EXCEPTIONS, project / "seeds" / "dbt_project_evaluator_exceptions.csv")
    return project


def run(evaluator: Path, dbt_utils: Path, work: Path) -> int:
    read_exceptions(EXCEPTIONS)
    project = scratch_project(work, evaluator, dbt_utils)
    dbt = str(Path(sys.executable).parent / "dbt")
    env_args = ["--project-dir", str(project), "--profiles-dir", str(project), "--target", "dev"]
    env = {**os.environ, "MILITANCY_DB_PATH": str(work / "evaluator.duckdb"), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    for args in (["deps"], ["build", "--select", f"package:{PACKAGE}", "dbt_project_evaluator_exceptions"]):
        proc = subprocess.run([dbt, *args, *env_args], cwd=project, env=env, capture_output=True, text=True)
        if proc.returncode != 0 and args[0] == "deps":
            print(proc.stdout[-3000:], file=sys.stderr)
            return 1
    results = json.loads((project / "target" / "run_results.json").read_text(encoding="utf-8"))["results"]
    rules = sorted(
        (r["unique_id"].split(".")[2], r["status"], r.get("failures"))
        for r in results
        if r["unique_id"].startswith(f"test.{PACKAGE}.")
    )
    errors = [r for r in results if r["status"] == "error"]
    for name, status, failures in rules:
        print(f"  {status:<5} {name}" + (f" ({failures} rows)" if failures else ""))
    passed = sum(1 for _, status, _ in rules if status == "pass")
    excepted = len(read_exceptions(EXCEPTIONS))
    print(
        f"dbt-project-evaluator: {passed} of {len(rules)} rule tests pass ({excepted} exceptions, each with a reason)"
    )
    for error in errors:
        print(f"error: {error['unique_id']}: {error.get('message')}", file=sys.stderr)
    return 0 if rules and passed == len(rules) and not errors else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evaluator", type=Path, required=True, help="a checkout of dbt-project-evaluator (v1.3.2)")
    parser.add_argument("--dbt-utils", type=Path, required=True, help="a checkout of dbt-utils (1.4.1)")
    parser.add_argument("--keep", type=Path, help="build the scratch copy in this new folder and keep it")
    args = parser.parse_args(argv)
    for path in (args.evaluator, args.dbt_utils):
        if not (path / "dbt_project.yml").is_file():
            print(f"{path}: not a dbt package checkout (no dbt_project.yml)", file=sys.stderr)
            return 1
    if args.keep:
        args.keep.mkdir(parents=True)
        return run(args.evaluator.resolve(), args.dbt_utils.resolve(), args.keep.resolve())
    with tempfile.TemporaryDirectory(prefix="militancy-evaluator-") as work:
        return run(args.evaluator.resolve(), args.dbt_utils.resolve(), Path(work))


if __name__ == "__main__":
    sys.exit(main())
