"""The metadata check (run by `militancy test` on the real manifest) catches what it is meant to catch."""

from __future__ import annotations

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
