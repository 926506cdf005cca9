"""Bad input gets a clear error naming file, line and column, before dbt runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from militancy.validate import SeedError, validate


def _append(path: Path, line: str) -> int:
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1


def _messages(project: Path) -> str:
    with pytest.raises(SeedError) as info:
        validate(project)
    return str(info.value)


def test_committed_seeds_are_valid() -> None:
    validate(Path(__file__).resolve().parents[1])


def test_quote_not_in_document_is_named(project: Path) -> None:
    line = _append(
        project / "seeds" / "entities.csv",
        "org_test_group,organization,militant_group,Test Group,,A test.,doc_000,This sentence is not in the document.",
    )
    message = _messages(project)
    assert f"seeds/entities.csv line {line}, column quote (row org_test_group): not found in doc_000" in message


def test_malformed_row_is_named(project: Path) -> None:
    line = _append(project / "seeds" / "entities.csv", 'org_bad,organization,"unterminated')
    assert f"seeds/entities.csv line {line}" in _messages(project)


def test_wrong_field_count_is_named(project: Path) -> None:
    line = _append(project / "seeds" / "entities.csv", "org_short,organization")
    assert f"seeds/entities.csv line {line}: expected 8 fields, found 2" in _messages(project)


def test_bad_date_and_low_above_high_and_unknown_id(project: Path) -> None:
    path = project / "seeds" / "leadership_tenures.csv"
    header = path.read_text(encoding="utf-8").splitlines()[0]
    quote = "Tohir Yo'ldosh was appointed the leader"
    rows = [
        f'doc_000_tenx1,org_nope,per_nope,emir,leader,,2009-02-30,day,,,unknown,ongoing,doc_000,"{quote}",',
        f'doc_000_tenx2,org_nope,per_nope,emir,leader,,2010-01-01,year,,2009-01-01,year,ongoing,doc_000,"{quote}",',
    ]
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    message = _messages(project)
    assert "seeds/leadership_tenures.csv line 2, column start_date (row doc_000_tenx1): bad date" in message
    assert (
        "seeds/leadership_tenures.csv line 3, column end_date (row doc_000_tenx2): start_date 2010-01-01 is after"
        in message
    )
    assert "line 2, column group_id (row doc_000_tenx1): unknown id 'org_nope'" in message


def test_changed_corpus_file_is_caught(project: Path) -> None:
    corpus_file = next((project / "corpus").glob("000_*.txt"))
    corpus_file.write_text(corpus_file.read_text(encoding="utf-8") + " ", encoding="utf-8")
    message = _messages(project)
    assert "seeds/documents.csv line 2, column sha256 (row doc_000): does not match" in message
