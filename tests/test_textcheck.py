"""The one set of text rules the validator and the warehouse share (src/militancy/textcheck.py)."""

from __future__ import annotations

import unicodedata

import duckdb
import pytest

from militancy import textcheck


def test_bom_and_latin1_are_named_once_as_encoding_problems() -> None:
    text, problem = textcheck.decode_utf8(b"\xef\xbb\xbfa,b\n1,2\n", "seeds/x.csv")
    assert text == "a,b\n1,2\n", "the rest of the file is still read"
    assert problem and "byte-order mark" in problem.message and problem.line == 1
    text, problem = textcheck.decode_utf8(b"a,b\n1,caf\xe9\n", "seeds/x.csv")
    assert text is None
    assert problem and (problem.line, problem.file) == (2, "seeds/x.csv")
    assert "byte 0xE9" in problem.message and "Latin-1" in problem.message


def test_csv_newlines_read_as_the_seed_loader_reads_them() -> None:
    """CRLF (also inside a quoted field) is read as LF; U+2028 inside a field does not shift line numbers."""
    text = 'a,b\r\n"line one\r\nline two",x\u2028y\r\nlast,row\r\n'
    records = list(textcheck.csv_records(text))
    assert records == [(1, ["a", "b"]), (2, ["line one\nline two", "x\u2028y"]), (4, ["last", "row"])]


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("12", True),
        ("-3", True),
        ("\u0663", False),
        ("\uff11\uff12", False),
        ("2147483647", True),
        ("2147483648", False),
    ],
)
def test_integers_are_ascii_and_32_bit(value: str, ok: bool) -> None:
    if ok:
        assert textcheck.parse_int(value) == int(value)
    else:
        with pytest.raises(ValueError):
            textcheck.parse_int(value)


@pytest.mark.parametrize("value", ["2010-W38-7", "20100919", "2010-09-19T00:00", "\u0662010-09-19", "2010-9-19"])
def test_only_plain_iso_dates(value: str) -> None:
    with pytest.raises(ValueError):
        textcheck.parse_date(value)


def test_dates_outside_the_window_are_refused() -> None:
    assert "before 1900-01-01" in (textcheck.date_window_problem(textcheck.parse_date("1010-09-19"), None, "") or "")
    assert "future" in (textcheck.date_window_problem(textcheck.parse_date("9999-12-31"), None, "") or "")
    late = textcheck.date_window_problem(
        textcheck.parse_date("2011-01-01"), textcheck.parse_date("2010-12-01"), "written_not_after"
    )
    assert late and "after written_not_after 2010-12-01" in late


@pytest.mark.parametrize(
    ("value", "multiline", "fragment"),
    [
        ("Group\x00name", False, "U+0000"),
        ("Group\x1bname", False, "U+001B"),
        ("two\nlines", False, "U+000A"),
        ("two\nlines", True, None),
        ("a\u2028b", False, "U+2028"),
        ("x" * (textcheck.MAX_FIELD_CHARS + 1), True, "over the limit"),
    ],
)
def test_field_values_the_loader_would_misread(value: str, multiline: bool, fragment: str | None) -> None:
    problem = textcheck.field_problem(value, multiline)
    if fragment is None:
        assert problem is None
    else:
        assert problem and fragment in problem


def test_the_first_occurrence_in_article_text_counts() -> None:
    text = "HEADER: The group attacked. | The group attacked. By an author."
    chrome = (0, 27)
    where = textcheck.locate_quote(text, "The group attacked.", [chrome])
    assert (where.char_start, where.occurrence_count, where.is_in_article_text) == (30, 2, True)
    into_bio = textcheck.locate_quote(text, "attacked. By an", [(50, len(text))])
    assert not into_bio.is_in_article_text, "a quote running into an author note does not count"


def test_python_and_duckdb_offsets_agree_on_non_ascii_text() -> None:
    text = "Yo\u2018ldosh \u2014 \u0418\u0441\u043b\u043e\u043c \U0001f600 the ambush killed 25"
    where = textcheck.locate_quote(text, "the ambush killed 25", [])
    with duckdb.connect() as con:
        start = con.execute("select strpos(?, ?) - 1", [text, "the ambush killed 25"]).fetchone()[0]
    assert where.char_start == start


def test_region_end_words_must_follow_start_words() -> None:
    text = "Footer words. Article begins here and goes on. Footer words again? no."
    assert textcheck.locate_region(text, "Article begins", "goes on.") == (14, 46)
    reason = textcheck.locate_region(text, "Article begins", "Footer words.")
    assert isinstance(reason, str) and "only before starts_with" in reason


@pytest.mark.parametrize(
    ("document", "quote", "reason"),
    [
        ("He said \u201cwe will fight\u201d and left.", 'He said "we will fight" and left.', "curly vs straight"),
        (unicodedata.normalize("NFD", "The caf\u00e9 in Khujand burned."), "The caf\u00e9 in Khujand burned.", "NFC"),
        ("the militants were re-\ngrouping in the valley", "the militants were regrouping in the valley", "hyphenated"),
        ("the ambush left 28 dead.33 The group", "the ambush left 28 dead. The group", "footnote"),
        ("the ambush   left\n28 dead in Rasht", "the ambush left 28 dead in Rasht", "white space"),
    ],
)
def test_near_match_explains_why_a_quote_is_not_found(document: str, quote: str, reason: str) -> None:
    assert quote not in document
    explanation = textcheck.near_match("Some text before. " + document + " Some text after.", quote)
    assert "nearest match at character 18" in explanation
    assert reason in explanation


def test_near_match_points_at_the_closest_passage() -> None:
    document = "In 2010 the IMU claimed the ambush in which 25 soldiers were killed in the Rasht valley."
    explanation = textcheck.near_match(document, "the ambush in which 26 soldiers were killed")
    assert "closest passage at character 24" in explanation
    assert "the quote has '6 soldiers" in explanation and "the document '5 soldiers" in explanation
    assert "resembles it" in textcheck.near_match(document, "Completely unrelated words about something")


def test_canonical_csv_loads_back_exactly_as_dbt_duckdb_loads_seeds(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """dbt-duckdb loads a seed with DuckDB's `COPY ... FROM (FORMAT CSV, HEADER TRUE)`: what it loads from the
    canonical CSV is exactly the values the validator read (NULL for empty)."""
    values = [
        ["a", 'He said "no", twice.\nSecond line', "null", "x\u2028y", ""],
        ["b", "", "NA", "  inner  spaces  ", "\u2019curly\u2019 \u2014 \u0418\u0441\u043b\u043e\u043c"],
    ]
    path = tmp_path / "seed.csv"
    path.write_text(textcheck.canonical_csv(["k", "c1", "c2", "c3", "c4"], values), encoding="utf-8", newline="")
    with duckdb.connect() as con:
        con.execute("create table t (k varchar, c1 varchar, c2 varchar, c3 varchar, c4 varchar)")
        con.execute(f"copy t from '{path}' (format csv, header true, delimiter ',')")
        loaded = [list(r) for r in con.execute("select * from t order by k").fetchall()]
    assert loaded == [[v or None for v in row] for row in values]
