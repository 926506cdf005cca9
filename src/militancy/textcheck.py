"""One source of truth for reading text and finding quotes in it: seeds, corpus documents, quotes and regions.

The validator checks the build's input snapshot with these functions, and the same run writes the offsets they
compute (`located/quotes.csv`, `located/regions.csv`) into the snapshot, which dbt loads and re-checks against
the text DuckDB reads itself. So there is one decoding, one newline rule and one rule for which occurrence of a
quote counts, and the warehouse cannot disagree with the validator about where a quote is.

Rules (documented in docs/curation.md):
- Decoding: UTF-8, strict. A byte-order mark or an invalid byte (a Latin-1 or Windows-1252 file) is one encoding
  problem naming file, line and byte; nothing else is reported for that file.
- Newlines in seed CSVs: universal newlines (CRLF and CR become LF, also inside quoted fields). Line numbers
  count LF only, so a U+2028 inside a field does not shift them. The build then writes the values read here to
  the snapshot as canonical CSV (LF, non-empty fields quoted, empty fields bare = NULL) for dbt-duckdb's loader
  (DuckDB's CSV reader), so the warehouse holds exactly the values checked here. Corpus documents are read byte
  for byte (no newline translation), as DuckDB's read_text reads them.
- Which occurrence of a quote counts: the first one that lies wholly in article text (overlapping no page-chrome,
  reader-comments, tags, references or author-note region). A quote with no such occurrence is an error.
- A region runs from the first occurrence of its first words to the end of the first occurrence of its last words
  at or after them; last words found only before the first words are an error.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

csv.field_size_limit(2**31 - 1)

# dbt reads every seed with Python's csv module (agate), which refuses fields over 131,072 characters.
MAX_FIELD_CHARS = 100_000
INT32 = (-(2**31), 2**31 - 1)
# Dates must fall in this window (and not after the document was written): the year spine covers 1900-2099.
EARLIEST_DATE = dt.date(1900, 1, 1)
# A fact's quote must identify a span: at least this many characters and two words.
MIN_QUOTE_CHARS = 12
MIN_QUOTE_WORDS = 2
# A region's first or last words must be at least this long.
MIN_REGION_WORDS_CHARS = 6

_INT = re.compile(r"-?[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Problem:
    """One problem in an input file: where it is (file, line, column, row id) and what is wrong."""

    file: str
    line: int
    column: str
    message: str
    row_id: str = ""

    def __str__(self) -> str:
        where = f"{self.file} line {self.line}" if self.line else self.file
        if self.column:
            where += f", column {self.column}"
        if self.row_id:
            where += f" (row {self.row_id})"
        return f"{where}: {self.message}"


def latest_date() -> dt.date:
    return dt.date.today()


# --- decoding -------------------------------------------------------------------------------------------------


def decode_utf8(data: bytes, file: str) -> tuple[str | None, Problem | None]:
    """Decode strictly. A BOM or an invalid byte gives one problem naming it; the text is None when undecodable
    (with a BOM the rest is still decoded, so the file's other problems can be reported)."""
    if data.startswith(_BOM):
        rest, problem = decode_utf8(data[len(_BOM) :], file)
        bom = Problem(
            file, 1, "", "encoding: the file starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without BOM"
        )
        return rest, problem or bom
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = data[exc.start]
        return None, Problem(
            file,
            line,
            "",
            f"encoding: not UTF-8 (byte 0x{byte:02X} at byte {column} of the line; the file is probably Latin-1 or "
            "Windows-1252: save it as UTF-8)",
        )


# --- CSV ------------------------------------------------------------------------------------------------------


def csv_records(text: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (first line number, fields) per CSV record, with universal newlines.
    Raises csv.Error (with `line` set as an attribute) on malformed CSV."""
    reader = csv.reader(io.StringIO(text, newline=None), strict=True)
    while True:
        start = reader.line_num + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            exc.line = start  # type: ignore[attr-defined]
            raise
        yield start, fields


# Every character of Unicode category Cc (C0 and C1 controls, DEL), Zl (U+2028) or Zp (U+2029).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def field_problem(value: str, multiline: bool) -> str | None:
    """Why a field value cannot be loaded faithfully, or None. `multiline` columns (quotes, notes) may hold
    line breaks and tabs, as documents do; no column may hold NUL or other control characters."""
    if len(value) > MAX_FIELD_CHARS:
        return f"field of {len(value):,} characters is over the limit of {MAX_FIELD_CHARS:,}"
    if not _UNSAFE.search(value):  # the common case, without a Python loop over every character
        return None
    allowed = "\n\t\u2028\u2029" if multiline else ""
    for position, char in enumerate(value):
        if char in allowed:
            continue
        if unicodedata.category(char) in ("Cc", "Zl", "Zp"):
            name = unicodedata.name(char, "") or {0: "NUL", 10: "LINE FEED", 9: "TAB", 13: "CARRIAGE RETURN"}.get(
                ord(char), "control character"
            )
            return f"contains U+{ord(char):04X} ({name}) at character {position + 1}; not allowed in this column"
    return None


# --- typed values ---------------------------------------------------------------------------------------------


def parse_int(value: str) -> int:
    """An integer in ASCII digits within the 32-bit range of the columns' contract type `integer`."""
    if not _INT.fullmatch(value):
        raise ValueError(f"{value!r} is not an integer in ASCII digits")
    number = int(value)
    if not INT32[0] <= number <= INT32[1]:
        raise ValueError(f"{value} is outside the 32-bit integer range")
    return number


def parse_date(value: str) -> dt.date:
    """A calendar date written YYYY-MM-DD in ASCII digits (no week dates, no times)."""
    if not _DATE.fullmatch(value):
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)")
    return dt.date.fromisoformat(value)


def date_window_problem(value: dt.date, not_after: dt.date | None, not_after_label: str) -> str | None:
    if value < EARLIEST_DATE:
        return f"{value} is before {EARLIEST_DATE} (the earliest date the warehouse counts); a typo?"
    if value > latest_date():
        return f"{value} is in the future"
    if not_after is not None and value > not_after:
        return f"{value} is after {not_after_label} {not_after}"
    return None


# --- locating quotes and regions ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Location:
    char_start: int  # 0-based code point offset of the occurrence that counts; -1 when not found
    char_end: int
    occurrence_count: int
    is_in_article_text: bool


def occurrences(text: str, needle: str) -> list[int]:
    found: list[int] = []
    start = text.find(needle)
    while start >= 0 and needle:
        found.append(start)
        start = text.find(needle, start + 1)
    return found


def locate_quote(text: str, quote: str, excluded: list[tuple[int, int]]) -> Location:
    """The occurrence that counts is the first one that lies wholly in article text: it does not overlap any
    excluded (non-article) region, so a quote running from the article into an author note does not count."""
    starts = occurrences(text, quote)
    if not starts:
        return Location(-1, -1, 0, False)
    for start in starts:
        end = start + len(quote)
        if not any(start < e and s < end for s, e in excluded):
            return Location(start, end, len(starts), True)
    return Location(starts[0], starts[0] + len(quote), len(starts), False)


def locate_region(text: str, starts_with: str, ends_with: str) -> tuple[int, int] | str:
    """(char_start, char_end) of a region, or the reason it cannot be located."""
    start = text.find(starts_with)
    if start < 0:
        return "starts_with is not in the document"
    end = text.find(ends_with, start)
    if end < 0:
        before = text.find(ends_with)
        if before >= 0:
            return (
                f"ends_with occurs only before starts_with (at character {before}, starts_with at {start}); "
                "the region cannot be located"
            )
        return "ends_with is not in the document"
    return (start, end + len(ends_with))


# --- phrases within quotes ------------------------------------------------------------------------------------


def _loose(text: str) -> str:
    return " ".join(text.split()).casefold()


def phrase_in_quote(phrase: str, quote: str) -> bool:
    """A figure phrase occurs in a quote, ignoring letter case and the width of white space (line breaks)."""
    return _loose(phrase) in _loose(quote)


# --- near matches (why a quote is not found) ------------------------------------------------------------------

_SINGLE = "\u2018\u2019\u201a\u201b\u2032\u0060\u00b4"
_DOUBLE = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


def _map_chars(text: str) -> tuple[str, list[int]]:
    return text, list(range(len(text)))


@dataclass(frozen=True)
class _Lens:
    reason: str
    apply: Callable[[str, list[int]], tuple[str, list[int]]]


def _per_char(table: dict[str, str]) -> Callable[[str, list[int]], tuple[str, list[int]]]:
    def apply(text: str, index: list[int]) -> tuple[str, list[int]]:
        return "".join(table.get(c, c) for c in text), index

    return apply


def _regex_drop(pattern: str) -> Callable[[str, list[int]], tuple[str, list[int]]]:
    compiled = re.compile(pattern)

    def apply(text: str, index: list[int]) -> tuple[str, list[int]]:
        out: list[str] = []
        kept: list[int] = []
        last = 0
        for match in compiled.finditer(text):
            out.append(text[last : match.start(1)])
            kept.extend(index[last : match.start(1)])
            last = match.end(1)
        out.append(text[last:])
        kept.extend(index[last:])
        return "".join(out), kept

    return apply


def _collapse_space(text: str, index: list[int]) -> tuple[str, list[int]]:
    out: list[str] = []
    kept: list[int] = []
    previous_space = False
    for char, position in zip(text, index, strict=True):
        space = char.isspace()
        if space and previous_space:
            continue
        out.append(" " if space else char)
        kept.append(position)
        previous_space = space
    return "".join(out), kept


def _nfc(text: str, index: list[int]) -> tuple[str, list[int]]:
    out: list[str] = []
    kept: list[int] = []
    cluster_start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or unicodedata.combining(text[i]) == 0:
            composed = unicodedata.normalize("NFC", text[cluster_start:i])
            out.append(composed)
            kept.extend([index[cluster_start]] * len(composed))
            cluster_start = i
    return "".join(out), kept


_LENSES = (
    _Lens("Unicode normalization differs (NFC vs NFD: a composed vs a decomposed accent)", _nfc),
    _Lens(
        "curly vs straight quotes or apostrophes, or a different dash",
        _per_char({**dict.fromkeys(_SINGLE, "'"), **dict.fromkeys(_DOUBLE, '"'), **dict.fromkeys(_DASHES, "-")}),
    ),
    _Lens("a hyphenated line break (word-\\nbreak) in one but not the other", _regex_drop(r"\w(-[ \t]*\r?\n\s*)\w")),
    _Lens(
        "a footnote number glued to a word or full stop", _regex_drop(r"[^\W\d][.,;:)\]\"'\u201d]?([0-9]{1,3})(?=\s|$)")
    ),
    _Lens("extra or missing white space or line breaks", _collapse_space),
    _Lens("letter case", lambda text, index: (text.casefold() if len(text.casefold()) == len(text) else text, index)),
)


def _through(text: str, lenses: tuple[_Lens, ...]) -> tuple[str, list[int]]:
    out, index = _map_chars(text)
    for lens in lenses:
        out, index = lens.apply(out, index)
    return out, index


def near_match(text: str, quote: str) -> str:
    """Explain why `quote` is not in `text`: the nearest passage of the document and how it differs."""
    normal_text, index = _through(text, _LENSES)
    normal_quote, _ = _through(quote, _LENSES)
    found = normal_text.find(normal_quote) if normal_quote.strip() else -1
    if found >= 0:
        start = index[found]
        end_norm = found + len(normal_quote) - 1
        end = index[end_norm] + 1
        passage = text[start:end]
        reasons = []
        for lens in _LENSES:
            others = tuple(other for other in _LENSES if other is not lens)
            if _through(passage, others)[0] != _through(quote, others)[0]:
                reasons.append(lens.reason)
        why = "; ".join(reasons) or "they differ only in characters the checks above normalise"
        return f"nearest match at character {start}: {passage[:120]!r}; it differs by {why}"
    return _closest_passage(text, quote)


def _closest_passage(text: str, quote: str) -> str:
    if not quote or not text:
        return "the document or the quote is empty"
    matcher = difflib.SequenceMatcher(None, text, quote, autojunk=False)
    block = matcher.find_longest_match(0, len(text), 0, len(quote))
    if block.size < 4:
        return "no passage of the document resembles it"
    start = max(0, block.a - block.b)
    passage = text[start : start + len(quote)]
    ratio = difflib.SequenceMatcher(None, passage, quote, autojunk=False).ratio()
    if ratio < 0.6:
        return (
            f"no passage of the document resembles it closely (the best is {ratio:.0%} similar, at character {start})"
        )
    first = next(
        (i for i, (a, b) in enumerate(zip(passage, quote, strict=False)) if a != b), min(len(passage), len(quote))
    )
    got = passage[first : first + 20]
    want = quote[first : first + 20]
    return (
        f"closest passage at character {start} ({ratio:.0%} similar): {passage[:120]!r}; first difference at "
        f"character {first + 1} of the quote: the quote has {want!r}, the document {got!r}"
    )


def canonical_csv(header: list[str], rows: list[list[str]]) -> str:
    """CSV that DuckDB's reader (dbt-duckdb's seed loader) reads back to exactly these values: LF line ends,
    non-empty fields quoted (embedded quotes doubled), empty fields bare, which DuckDB reads as NULL."""

    def field(value: str) -> str:
        return '"' + value.replace('"', '""') + '"' if value else ""

    return "".join(",".join(field(v) for v in row) + "\n" for row in [header, *rows])
