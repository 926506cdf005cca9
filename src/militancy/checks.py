"""Fail when a model, column or public macro lacks a description, or a model lacks a primary-key test, or a public
mart breaks the project's structure rules (dbt-project-evaluator's naming and access rules, checked on every build).

Reads dbt's manifest and catalog (target/manifest.json, target/catalog.json: written by `dbt docs generate`).
A primary-key test is a `unique`
test on a column of the model, or a `unique_combination` test on the model.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from militancy.dbt_artifacts import PUBLIC_SCHEMA


def problems_in_manifest(manifest: dict) -> list[str]:
    problems: list[str] = []
    models = {k: v for k, v in manifest["nodes"].items() if v["resource_type"] == "model"}
    tests = [v for v in manifest["nodes"].values() if v["resource_type"] == "test"]
    keyed: set[str] = set()
    for test in tests:
        meta = test.get("test_metadata") or {}
        if meta.get("name") in ("unique", "unique_combination"):
            keyed.update(test.get("depends_on", {}).get("nodes", []))
    for uid, model in sorted(models.items()):
        name = model["name"]
        if not (model.get("description") or "").strip():
            problems.append(f"model {name} has no description")
        if "grain" not in (model.get("description") or "").lower():
            problems.append(f"model {name}: description does not state the grain ('Grain: one row per ...')")
        if uid not in keyed:
            problems.append(f"model {name} has no primary-key (unique) test")
        problems += _structure_problems(model)
        documented = model.get("columns", {})
        for column, info in documented.items():
            if not (info.get("description") or "").strip():
                problems.append(f"model {name}: column {column} has no description")
    return problems + undocumented_macros(manifest)


# An engine's spelling of a dispatched macro (adapter.dispatch), or a private helper: documented with the macro.
PRIVATE_MACRO_PREFIXES = ("default__", "spark__", "duckdb__", "_", "materialization_", "test_")


def undocumented_macros(manifest: dict) -> list[str]:
    """Every public macro of the project is described in macros/_macros.yml."""
    project = manifest.get("metadata", {}).get("project_name") or "militancy"
    return [
        f"macro {macro['name']} ({macro['original_file_path']}) is not described in macros/_macros.yml"
        for macro in sorted(manifest.get("macros", {}).values(), key=lambda m: m["name"])
        if macro.get("package_name") == project
        and not macro["name"].startswith(PRIVATE_MACRO_PREFIXES)
        and not (macro.get("description") or "").strip()
    ]


def _structure_problems(model: dict) -> list[str]:
    """A model of the public schema is `access: public` (and only such a model is), has an enforced contract, and
    is named fct_/dim_ unless its YAML says why not in `meta.naming_exception` (the plainly named aggregates the
    brief asks for)."""
    name, is_mart = model["name"], model.get("schema") == PUBLIC_SCHEMA
    problems = []
    if is_mart != (model.get("access") == "public"):
        problems.append(f"model {name}: access is {model.get('access')}, expected public exactly for models in marts")
    meta = model.get("meta") or (model.get("config") or {}).get("meta") or {}
    if is_mart and not name.startswith(("fct_", "dim_")) and not str(meta.get("naming_exception") or "").strip():
        problems.append(f"model {name}: a mart named neither fct_ nor dim_ needs meta.naming_exception saying why")
    contract = model.get("contract") or (model.get("config") or {}).get("contract") or {}
    if is_mart and not contract.get("enforced"):
        problems.append(f"model {name}: a public mart needs an enforced contract (its column names and types)")
    return problems


def undocumented_columns(project_dir: Path, manifest: dict) -> list[str]:
    """Columns that exist in the built warehouse (dbt's catalog) but are missing from the YAML."""
    catalog_file = project_dir / "target" / "catalog.json"
    if not catalog_file.exists():
        return []
    catalog = json.loads(catalog_file.read_text(encoding="utf-8"))["nodes"]
    problems = []
    for uid, node in manifest["nodes"].items():
        if node["resource_type"] != "model" or uid not in catalog:
            continue
        documented = {c.lower() for c in node.get("columns", {})}
        for column in catalog[uid]["columns"]:
            if column.lower() not in documented:
                problems.append(f"model {node['name']}: column {column} is not documented")
    return problems


def check_manifest(project_dir: Path) -> int:
    """Check target/manifest.json and target/catalog.json, as written by `dbt docs generate` (`militancy docs`)."""
    if not (project_dir / "target" / "catalog.json").exists():
        print("metadata: no target/catalog.json; run `militancy docs` first", file=sys.stderr)
        return 1
    manifest = json.loads((project_dir / "target" / "manifest.json").read_text(encoding="utf-8"))
    problems = problems_in_manifest(manifest) + undocumented_columns(project_dir, manifest)
    for problem in problems:
        print(f"  - {problem}", file=sys.stderr)
    models = sum(1 for v in manifest["nodes"].values() if v["resource_type"] == "model")
    print(f"metadata: {models} models checked, {len(problems)} problem(s)")
    return 1 if problems else 0
