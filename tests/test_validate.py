"""Bad input gets a clear error naming file, line and column, before dbt runs."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from militancy.validate import Problem, SeedError, validate


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


# --- hardening: every class of bad input the validator must name (file, line, column, row id) ------------------


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _edit(project: Path, seed: str, key: str, **changes: str) -> int:
    """Change one row of a seed in place; return its line number."""
    path = project / "seeds" / f"{seed}.csv"
    header, rows = _rows(path)
    index = next(i for i, r in enumerate(rows) if r[header[0]] == key)
    rows[index].update(changes)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return 2 + sum(r.count("\n") for row in rows[:index] for r in row.values()) + index


def _problems(project: Path) -> list[Problem]:
    with pytest.raises(SeedError) as info:
        validate(project)
    return info.value.problems


def _one(project: Path) -> Problem:
    problems = _problems(project)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_bom_in_a_seed_is_one_encoding_problem(project: Path) -> None:
    path = project / "seeds" / "documents.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    problem = _one(project)
    assert (problem.file, problem.line) == ("seeds/documents.csv", 1) and "byte-order mark" in problem.message


def test_latin1_byte_in_a_seed_is_one_encoding_problem(project: Path) -> None:
    path = project / "seeds" / "documents.csv"
    path.write_bytes(path.read_bytes().replace(b"Wikipedia", b"Wikip\xe9dia", 1))
    problem = _one(project)
    assert problem.file == "seeds/documents.csv" and problem.line == 2 and "not UTF-8" in problem.message


def test_latin1_byte_in_a_corpus_file_is_named_not_a_traceback(project: Path) -> None:
    corpus_file = next((project / "corpus").glob("000_*.txt"))
    corpus_file.write_bytes(corpus_file.read_bytes() + b"caf\xe9\n")
    problem = _one(project)
    assert problem.file == f"corpus/{corpus_file.name}" and "Latin-1" in problem.message


def test_a_seed_path_that_is_a_folder(project: Path) -> None:
    path = project / "seeds" / "designations.csv"
    path.unlink()
    path.mkdir()
    assert "is a folder" in _one(project).message


def test_crlf_seeds_are_read_like_the_loader_reads_them(project: Path) -> None:
    for name in ("entities", "event_mentions"):
        path = project / "seeds" / f"{name}.csv"
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    validate(project)


def test_line_separator_in_a_field_does_not_shift_line_numbers(project: Path) -> None:
    _edit(project, "entities", "org_imu", description="A group.\u2028Second line of the description.")
    line = _append(
        project / "seeds" / "entities.csv",
        "org_late,organization,militant_group,Late,,A test.,doc_000,Words that are not in the document at all",
    )
    problem = next(p for p in _problems(project) if p.row_id == "org_late")
    assert problem.line == line


def test_figure_that_contradicts_its_quote(project: Path) -> None:
    line = _edit(project, "event_mentions", "doc_001_m01", killed_text="30", killed_low="30", killed_high="30")
    problem = _one(project)
    assert (problem.file, problem.line, problem.column, problem.row_id) == (
        "seeds/event_mentions.csv",
        line,
        "killed_text",
        "doc_001_m01",
    )
    assert "'30' is not in the row's quote" in problem.message


def test_quote_of_one_letter(project: Path) -> None:
    _edit(project, "entities", "org_imu", quote="I")
    problem = _one(project)
    assert problem.column == "quote" and "too short" in problem.message


def test_supporting_quote_for_a_fact_that_does_not_exist(project: Path) -> None:
    _edit(project, "supporting_quotes", "doc_002_sq048", fact_id="doc_002_rel99")
    problem = _one(project)
    assert problem.column == "fact_id" and "no group_relationship 'doc_002_rel99'" in problem.message


def test_quote_running_from_the_article_into_the_author_bio(project: Path) -> None:
    quote = "fleeing an ISAF and Afghan operation in Kunduz.\n\nBill Roggio is a Senior Fellow"
    _edit(project, "entities", "org_imu", document_id="doc_001", quote=quote)
    problem = _one(project)
    assert problem.row_id == "org_imu" and "running into" in problem.message


def test_region_whose_end_words_come_only_before_its_start_words(project: Path) -> None:
    line = _edit(project, "document_regions", "doc_001_r2", ends_with="Al Qaeda-linked IMU claims")
    problem = _one(project)
    assert (problem.line, problem.column, problem.row_id) == (line, "ends_with", "doc_001_r2")
    assert "only before starts_with" in problem.message


@pytest.mark.parametrize(
    ("column", "value", "fragment"),
    [
        ("date_start", "1010-09-19", "before 1900-01-01"),
        ("date_start", "2010-W38-7", "not an ISO date"),
        ("date_end", "9999-12-31", "in the future"),
        ("killed_low", "4294967296", "32-bit"),
        ("killed_low", "\u0662\u0665", "ASCII digits"),
        ("notes", "x" * 140_000, "over the limit"),
        ("event_name", "Rasht\x00ambush", "U+0000"),
    ],
)
def test_values_the_loader_would_misread_are_refused(project: Path, column: str, value: str, fragment: str) -> None:
    line = _edit(project, "event_mentions", "doc_001_m01", **{column: value})
    problems = [p for p in _problems(project) if p.column == column]
    assert problems and problems[0].line == line and problems[0].row_id == "doc_001_m01"
    assert fragment in problems[0].message


def test_a_quote_refused_for_its_length_is_reported_once_and_not_searched_for(project: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from militancy import textcheck

    searched: list[int] = []
    real = textcheck.locate_quote
    monkeypatch.setattr(
        textcheck, "locate_quote", lambda text, quote, *a: searched.append(len(quote)) or real(text, quote, *a)
    )
    line = _edit(project, "event_mentions", "doc_001_m01", quote="The Rasht ambush killed 25 soldiers. " * 30_000)
    problems = [p for p in _problems(project) if p.row_id == "doc_001_m01"]
    assert [(p.line, p.column) for p in problems] == [(line, "quote")]
    assert "over the limit" in problems[0].message
    assert searched and max(searched) < textcheck.MAX_FIELD_CHARS, "the refused quote was never searched for"


def test_event_actor_quote_is_checked_against_its_mentions_document(project: Path) -> None:
    _edit(project, "event_actors", "doc_000_act001", quote="The Islamic Movement of Uzbekistan today took credit")
    problem = _one(project)
    assert (problem.file, problem.column, problem.row_id) == ("seeds/event_actors.csv", "quote", "doc_000_act001")
    assert "not found in doc_000" in problem.message


def test_quote_not_found_shows_the_near_match_and_why(project: Path) -> None:
    _edit(project, "entities", "org_imu", quote="Tohir Yo'ldosh, also had led Islamic Movement of Uzbekistan")
    problem = _one(project)
    assert "nearest match at character" in problem.message and "curly vs straight" in problem.message


def test_extra_seed_file_and_file_name_outside_corpus(project: Path) -> None:
    (project / "seeds" / "stray.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    _edit(project, "documents", "doc_004", file_name="../../etc/passwd.txt")
    messages = [str(p) for p in _problems(project)]
    assert any(m.startswith("seeds/stray.csv: not a seed of the schema") for m in messages)
    assert any("column file_name (row doc_004): '../../etc/passwd.txt' is not a plain" in m for m in messages)


def test_unregistered_corpus_file_is_a_warning(project: Path) -> None:
    (project / "corpus" / "005_new.txt").write_text("A new document.\n", encoding="utf-8")
    result = validate(project)
    assert [str(w) for w in result.warnings] == [
        "corpus/005_new.txt: not registered in seeds/documents.csv: it is not loaded into the warehouse"
    ]
