"""The dbt-project-evaluator exceptions (tests/evaluator/exceptions.csv) each give a reason, and name real rules."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("run_evaluator", HERE / "evaluator" / "run_evaluator.py")
assert spec and spec.loader
run_evaluator = importlib.util.module_from_spec(spec)
spec.loader.exec_module(run_evaluator)

RULES = {
    "fct_model_naming_conventions",
    "fct_model_fanout",
    "fct_rejoining_of_upstream_concepts",
    "fct_root_models",
    "fct_sources_without_freshness",
    "fct_too_many_joins",
}


def test_every_committed_exception_has_a_reason_and_a_known_rule() -> None:
    rows = run_evaluator.read_exceptions(run_evaluator.EXCEPTIONS)
    assert rows and {row["fct_name"] for row in rows} <= RULES


def test_an_exception_without_a_reason_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "exceptions.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["fct_name", "column_name", "id_to_exclude", "comment"])
        writer.writerow(["fct_root_models", "child", "int_years_spined", "A calendar."])
        writer.writerow(["fct_root_models", "child", "int_other", " "])
    with pytest.raises(ValueError, match=r"exceptions.csv:3: an exception needs its reason"):
        run_evaluator.read_exceptions(path)
