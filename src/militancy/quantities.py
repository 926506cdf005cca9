"""The one rule that turns a quantity phrase from a document into a low/high range.

Curators copy the phrase exactly as the document writes it into a ``*_text`` column
("16+", "nearly 400", "dozens", "between 11-50") and fill ``*_low``/``*_high`` with what
``parse_quantity`` returns. The validator re-applies this rule to every row, so the
numbers in the warehouse can always be re-derived from the words.

Rule (documented in docs/curation.md):

=============================================  ==============  ================
phrase                                         low             high
=============================================  ==============  ================
exact number ("25", "five", "1,500")           N               N
about / around / approximately / roughly /     round(0.9 N)    round(1.1 N)
some / an estimated / ~ N
nearly / almost / just under / up to N         round(0.9 N)    N
at least / N+ / N or more                      N               NULL (open)
more than / over / upwards of N                N + 1           NULL (open)
A-B (any dash), A to B, between A and B     A               B
a dozen                                        12              12
dozens                                         24              99
several                                        3               9
a few / few                                    2               5
a number of                                    2               NULL (open)
hundreds                                       200             999
thousands / a thousand                         2,000 / 1,000   9,999 / 1,000
unknown / no figure                            NULL            NULL
=============================================  ==============  ================

NULL high means the text gives no upper bound; it never means zero.
"""

from __future__ import annotations

import re

NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
}

VAGUE = {
    "a dozen": (12, 12),
    "dozens": (24, 99),
    "several": (3, 9),
    "a few": (2, 5),
    "few": (2, 5),
    "a number of": (2, None),
    "hundreds": (200, 999),
    "a thousand": (1000, 1000),
    "thousands": (2000, 9999),
}

APPROX = ("about", "around", "approximately", "roughly", "some", "an estimated", "~", "approx.")
NEARLY = ("nearly", "almost", "just under", "up to")
AT_LEAST = ("at least",)
MORE_THAN = ("more than", "over", "upwards of")
UNKNOWN = ("unknown", "")

_DASHES = "\u2013\u2014-"
_NUM = r"[0-9][0-9,]*"


class QuantityError(ValueError):
    """Raised when a phrase does not follow the rule."""


def _number(token: str) -> int:
    token = token.strip().lower()
    if re.fullmatch(_NUM, token):
        return int(token.replace(",", ""))
    if token in NUMBER_WORDS:
        return NUMBER_WORDS[token]
    raise QuantityError(f"not a number: {token!r}")


def _rounded(value: float) -> int:
    return int(value + 0.5)


def parse_quantity(phrase: str | None) -> tuple[int | None, int | None]:
    """Return (low, high) for a quantity phrase by the documented rule.

    >>> parse_quantity("16+")
    (16, None)
    >>> parse_quantity("nearly 400")
    (360, 400)
    >>> parse_quantity("between 11\u201350")
    (11, 50)
    """
    if phrase is None:
        return (None, None)
    text = " ".join(phrase.replace("\u00a0", " ").split()).lower()
    if text in UNKNOWN:
        return (None, None)
    if text in VAGUE:
        return VAGUE[text]
    for prefix in ("between ",):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    range_match = re.fullmatch(rf"({_NUM}|[a-z]+)\s*(?:[{_DASHES}]|to|and)\s*({_NUM}|[a-z]+)", text)
    if range_match:
        low, high = _number(range_match.group(1)), _number(range_match.group(2))
        if low > high:
            raise QuantityError(f"range low > high in {phrase!r}")
        return (low, high)
    plus_match = re.fullmatch(rf"({_NUM})\s*\+|({_NUM}) or more", text)
    if plus_match:
        return (_number(plus_match.group(1) or plus_match.group(2)), None)
    for words, kind in (
        (AT_LEAST, "at_least"),
        (MORE_THAN, "more_than"),
        (NEARLY, "nearly"),
        (APPROX, "approx"),
    ):
        for word in words:
            if text.startswith(word + " ") or (word == "~" and text.startswith("~")):
                value = _number(text[len(word) :])
                if kind == "at_least":
                    return (value, None)
                if kind == "more_than":
                    return (value + 1, None)
                if kind == "nearly":
                    return (_rounded(0.9 * value), value)
                return (_rounded(0.9 * value), _rounded(1.1 * value))
    return (_number(text), _number(text))


# ------------------------------------------------------------------------------------------------------------
# Finding phrases in running text (for `militancy annotate`): the phrase shapes come from the rule's own word
# lists above, and every phrase found is kept only if parse_quantity accepts it, so the rule stays in one place.

_WORD_NUMBERS = sorted((w for w in NUMBER_WORDS if w not in ("a", "an")), key=len, reverse=True)
_DIGITS = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)"
_VALUE = rf"(?:{_DIGITS}|{'|'.join(_WORD_NUMBERS)})"
_QUALIFIERS = sorted((w for w in (*APPROX, *NEARLY, *AT_LEAST, *MORE_THAN) if w != "~"), key=len, reverse=True)
_VAGUE_WORDS = sorted(VAGUE, key=len, reverse=True)
_FIND = re.compile(
    rf"(?<![\w.,-])(?:"
    rf"(?:between\s+)?{_VALUE}\s*(?:[{_DASHES}]|to|and)\s*{_VALUE}(?!\w|[.,][0-9])"
    rf"|{_DIGITS}\s*\+"
    rf"|(?:(?:{'|'.join(re.escape(q) for q in _QUALIFIERS)})\s+|~\s*)?{_VALUE}(?:\s+or\s+more)?(?!\w|[.,][0-9])"
    rf"|(?:{'|'.join(re.escape(v) for v in _VAGUE_WORDS)})(?!\w)"
    rf"|unknown(?!\w)"
    rf")",
    re.IGNORECASE,
)


def find_quantities(text: str) -> list[tuple[int, int, str, int | None, int | None]]:
    """Every quantity phrase in `text` that the rule parses: (char_start, char_end, phrase, low, high)."""
    found = []
    for match in _FIND.finditer(text):
        phrase = match.group(0).rstrip()
        try:
            low, high = parse_quantity(phrase)
        except QuantityError:
            continue
        found.append((match.start(), match.start() + len(phrase), phrase, low, high))
    return found
