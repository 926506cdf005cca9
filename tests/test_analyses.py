"""Analysis parameters (no dbt): declared once in analyses/_analyses.yml, typed, and every use declared."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from militancy import analyses

ROOT = Path(__file__).resolve().parents[1]


def test_every_analysis_is_described_and_uses_exactly_its_declared_parameters() -> None:
    entries = yaml.safe_load((ROOT / analyses.PROPERTIES).read_text(encoding="utf-8"))["analyses"]
    assert sorted(e["name"] for e in entries) == analyses.known(ROOT)
    for entry in entries:
        assert entry.get("description"), entry["name"]
        sql = (ROOT / "analyses" / f"{entry['name']}.sql").read_text(encoding="utf-8")
        used = set(re.findall(r"analysis_param\('(\w+)'\)", sql))
        assert used == set(analyses.parameters(ROOT, entry["name"])), entry["name"]
        assert "var(" not in sql, f"{entry['name']}: a raw dbt var would paste its value into the SQL"


def test_values_are_converted_to_their_type_or_refused_naming_the_parameter() -> None:
    assert analyses.bind(ROOT, "leaders_in_year", []) == {"year": 2010}
    assert analyses.bind(ROOT, "leaders_in_year", ["year=2004"]) == {"year": 2004}
    assert analyses.bind(ROOT, "trace_a_number", ["event_id=x' or '1'='1"]) == {"event_id": "x' or '1'='1"}
    with pytest.raises(ValueError, match="--var year must be an integer"):
        analyses.bind(ROOT, "leaders_in_year", ["year=2004 or true"])
    with pytest.raises(ValueError, match="no parameter 'yr'; it takes year"):
        analyses.bind(ROOT, "leaders_in_year", ["yr=2004"])
    with pytest.raises(ValueError, match="no parameters"):
        analyses.bind(ROOT, "source_disagreement_per_event", ["year=2004"])
    with pytest.raises(ValueError, match="no analysis"):
        analyses.bind(ROOT, "../models/x", [])
    day = analyses.Parameter("day", "date", None, "")
    assert day.convert("2004-06-30") == dt.date(2004, 6, 30)
    with pytest.raises(ValueError, match="must be a date"):
        day.convert("2004-13-01")
