"""The metadata check (run by `militancy test` on the real manifest) catches what it is meant to catch."""

from __future__ import annotations

import subprocess
from pathlib import Path

import yaml

from militancy.checks import problems_in_manifest


def _manifest(**model: object) -> dict:
    node = {
        "resource_type": "model",
        "name": "fct_things",
        "schema": "marts",
        "access": "public",
        "description": "Things. Grain: one row per thing.",
        "columns": {"thing_id": {"description": "Key."}},
        "meta": {},
        "contract": {"enforced": True},
    } | model
    test = {"resource_type": "test", "test_metadata": {"name": "unique"}, "depends_on": {"nodes": ["model.x"]}}
    return {"nodes": {"model.x": node, "test.x": test}}


def test_a_well_formed_public_mart_passes() -> None:
    assert problems_in_manifest(_manifest()) == []


def test_a_mart_must_be_public_and_only_marts_are() -> None:
    assert any("access is protected" in p for p in problems_in_manifest(_manifest(access="protected")))
    staged = _manifest(name="stg_x__things", schema="staging")
    assert any("access is public" in p for p in problems_in_manifest(staged))


def test_a_mart_named_neither_fct_nor_dim_needs_a_stated_reason() -> None:
    assert any("naming_exception" in p for p in problems_in_manifest(_manifest(name="things_by_year")))
    excused = _manifest(name="things_by_year", meta={"naming_exception": "A yearly series named by the brief."})
    assert problems_in_manifest(excused) == []


def test_grain_description_and_key_are_required() -> None:
    found = problems_in_manifest(_manifest(description="Things."))
    assert any("grain" in p for p in found)
    keyless = _manifest()
    del keyless["nodes"]["test.x"]
    assert any("primary-key" in p for p in problems_in_manifest(keyless))


def test_a_public_mart_needs_an_enforced_contract() -> None:
    assert any("enforced contract" in p for p in problems_in_manifest(_manifest(contract={"enforced": False})))
    assert any("enforced contract" in p for p in problems_in_manifest(_manifest(contract=None)))
    staged = _manifest(name="stg_x__things", schema="staging", access="protected", contract={"enforced": False})
    assert problems_in_manifest(staged) == []


def test_a_public_macro_needs_a_description_but_an_engine_spelling_does_not() -> None:
    manifest = _manifest()
    macro = {"package_name": "militancy", "original_file_path": "macros/rules/x.sql", "description": ""}
    manifest["macros"] = {
        "macro.militancy.interval_x": macro | {"name": "interval_x"},
        "macro.militancy.spark__interval_x": macro | {"name": "spark__interval_x"},
        "macro.dbt.other": macro | {"name": "other", "package_name": "dbt"},
    }
    assert problems_in_manifest(manifest) == [
        "macro interval_x (macros/rules/x.sql) is not described in macros/_macros.yml"
    ]
    manifest["macros"]["macro.militancy.interval_x"]["description"] = "An interval."
    assert problems_in_manifest(manifest) == []


def test_every_model_and_project_file_is_in_git_and_described_in_its_folder() -> None:
    """Without dbt: every model file has a properties entry in a YAML file of its own folder, and no file the
    project needs is git-ignored (a `review/` ignore rule once swallowed models/marts/review/'s YAML)."""
    root = Path(__file__).resolve().parents[1]
    missing = []
    for sql in sorted((root / "models").rglob("*.sql")):
        described = set()
        for props in sql.parent.glob("_*.yml"):
            described |= {
                m["name"] for m in (yaml.safe_load(props.read_text(encoding="utf-8")) or {}).get("models", [])
            }
        if sql.stem not in described:
            missing.append(str(sql.relative_to(root)))
    assert missing == []
    tracked_parts = ["models", "macros", "seeds", "analyses", "src", "tests", "corpus", "benchmarks", "docs"]
    files = [str(p.relative_to(root)) for part in tracked_parts for p in (root / part).rglob("*") if p.is_file()]
    files = [f for f in files if "__pycache__" not in f and not f.endswith(".pyc")]
    proc = subprocess.run(
        ["git", "check-ignore", "--no-index", "--stdin"],
        cwd=root,
        input="\n".join(files),
        capture_output=True,
        text=True,
    )
    assert proc.stdout.split() == []
