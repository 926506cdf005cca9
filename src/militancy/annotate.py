"""`militancy annotate DOC`: candidate seed rows for a document, each with its exact quote and character offsets.

Rule-based, over the warehouse's own dictionaries (no model): entity mentions from seeds/entity_aliases.csv and
the entities' canonical names (exact, then rapidfuzz for transliterations; a word hyphenated across a line
break is matched as if joined), date expressions with their precision and interval (relative ones resolved
against the document's own date, said so in date_resolution/date_note), quantities by the one quantity rule
(militancy.quantities), candidate event sentences by event-type cues, and attribution cues suggesting a level.

Candidates are written in the seed formats to review/<doc_id>/ with extra `review_*` columns (offsets, basis,
and an empty `review_decision` the curator sets to keep or drop); `militancy accept` moves the kept rows into
seeds/. Review aids (every date and quantity found) go to dates.csv and quantities.csv beside them.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from militancy.ingest import DECISION, REVIEW_DIR, write_csv
from militancy.quantities import find_quantities
from militancy.seed_schema import DATE_PRECISIONS, SEEDS

REVIEW_COLUMNS = ("review_char_start", "review_char_end", "review_basis", DECISION)
CANDIDATE_SEEDS = ("entity_aliases", "event_mentions", "event_actors", "membership_estimates", "supporting_quotes")


class AnnotateError(ValueError):
    pass


# ---------------------------------------------------------------------------------------------- text


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


_BREAK = re.compile(r"[.!?][\"\u201d\u2019)\]]*(?:\d{1,3}|\[\d{1,3}\])?(?=\s+(?![a-z0-9]))|\n\s*")


def sentences(text: str) -> list[Span]:
    """Sentences with offsets. A sentence ends at . ! ? (plus closing quotes and a glued footnote number)
    followed by white space and not by a lower-case word or a digit ('Sept. 19'), or at a line break after a
    short line without end punctuation (a title, a heading, a dateline). Other line breaks, blank lines of
    PDF text included, do not end a sentence."""
    cuts = [0]
    for match in _BREAK.finditer(text):
        if match.group(0)[0] in '.!?"\u201d\u2019)]' or match.group(0)[0].isdigit():
            cuts.append(match.end())
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        line = text[line_start : match.start()].strip()
        if line and (line[-1] in '.!?:"\u201d\u2019)]' or (len(line) < 60 and line[-1] not in ",;-\u2013")):
            cuts.append(match.start())
    cuts.append(len(text))
    spans = []
    for a, b in itertools.pairwise(cuts):
        raw = text[a:b]
        stripped = raw.strip()
        if len(stripped) >= 3:
            start = a + len(raw) - len(raw.lstrip())
            spans.append(Span(start, start + len(stripped), stripped))
    return spans


def normalized(text: str) -> tuple[str, list[int]]:
    """The text with a hyphen + line break between letters joined ('Move-\\nment' -> 'Movement') and every
    other white-space run containing a line break made one space; with the original offset of each character."""
    out: list[str] = []
    index: list[int] = []
    pattern = re.compile(r"(?<=\w)-[ \t]*\n\s*(?=[a-z])|[ \t]*\n\s*")
    pos = 0
    for match in pattern.finditer(text):
        for i in range(pos, match.start()):
            out.append(text[i])
            index.append(i)
        if not match.group(0).startswith("-"):
            out.append(" ")
            index.append(match.start())
        pos = match.end()
    for i in range(pos, len(text)):
        out.append(text[i])
        index.append(i)
    index.append(len(text))
    return "".join(out), index


# ---------------------------------------------------------------------------------------------- dictionary


@dataclass
class Dictionary:
    """alias -> {entity_id: alias_type}; and entity facts."""

    aliases: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    entities: dict[str, dict[str, str]] = field(default_factory=dict)

    def add(self, alias: str, entity_id: str, alias_type: str) -> None:
        self.aliases[alias].setdefault(entity_id, alias_type)


def _read(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_dictionary(project_dir: Path, leave_out_document: str | None = None) -> Dictionary:
    """The alias dictionary from the seeds. With `leave_out_document`, aliases first seen in that document
    (the lowest document id using them is that one) are left out, as if the document were new."""
    entities = _read(project_dir / "seeds" / "entities.csv")
    aliases = _read(project_dir / "seeds" / "entity_aliases.csv")
    first_seen: dict[tuple[str, str], str] = {}
    for row in entities:
        key = (row["canonical_name"], row["entity_id"])
        first_seen[key] = min(first_seen.get(key, row["document_id"]), row["document_id"])
    for row in aliases:
        key = (row["alias"], row["entity_id"])
        first_seen[key] = min(first_seen.get(key, row["document_id"]), row["document_id"])
    dictionary = Dictionary(entities={r["entity_id"]: r for r in entities})
    types = {(r["alias"], r["entity_id"]): r["alias_type"] for r in aliases}
    for (alias, entity_id), document_id in first_seen.items():
        if document_id != leave_out_document:
            dictionary.add(alias, entity_id, types.get((alias, entity_id), "canonical"))
    return dictionary


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    surface: str
    entity_id: str
    alias_type: str
    basis: str
    ambiguous: bool


def find_entities(text: str, dictionary: Dictionary, fuzzy_cutoff: float = 90.0) -> list[Mention]:
    from rapidfuzz import fuzz, process

    norm, index = normalized(text)
    taken = [False] * len(norm)
    found: list[tuple[int, int, str, str]] = []  # normalized span, alias, basis
    for alias in sorted(dictionary.aliases, key=len, reverse=True):
        if len(alias) < 2:
            continue
        pattern = re.compile(rf"(?<!\w){re.escape(alias)}(?!\w)")
        for match in pattern.finditer(norm):
            if not any(taken[match.start() : match.end()]):
                taken[match.start() : match.end()] = [True] * (match.end() - match.start())
                found.append((match.start(), match.end(), alias, "exact"))
    # Fuzzy: capitalized word sequences not matched exactly, against multi-word or long aliases.
    candidates = [a for a in dictionary.aliases if len(a) >= 6]
    for match in re.finditer(
        r"(?<!\w)[A-Z][\w\u2019'\u2018-]+(?:\s+(?:of\s+|al-|bin\s+)?[A-Z][\w\u2019'\u2018-]+){0,4}", norm
    ):
        if any(taken[match.start() : match.end()]):
            continue
        words = match.group(0)
        best = process.extractOne(words, candidates, scorer=fuzz.ratio, score_cutoff=fuzzy_cutoff)
        # A longer word on a known name is a derived form ('Pakistani', 'Central Asian'), not a spelling of it.
        if best and best[0] != words and not _derived(words, best[0]):
            taken[match.start() : match.end()] = [True] * (match.end() - match.start())
            found.append((match.start(), match.end(), best[0], f"fuzzy {best[1]:.0f} to {best[0]!r}"))
    context = {alias for _, _, alias, basis in found if basis == "exact" and len(alias) > 5}
    mentions = []
    for start, end, alias, basis in sorted(found):
        options = dictionary.aliases[alias]
        entity_id = _choose_entity(options, context, dictionary)
        surface = text[index[start] : index[end - 1] + 1]
        alias_type = options[entity_id] if basis == "exact" else "transliteration"
        mentions.append(
            Mention(index[start], index[end - 1] + 1, surface, entity_id, alias_type, basis, len(options) > 1)
        )
    return mentions


DERIVING_SUFFIXES = ("i", "n", "an", "ian", "s", "es", "ese", "ns")


def _derived(words: str, alias: str) -> bool:
    """True for a derived form of a known name ('Pakistani', 'Central Asian'), which names no entity."""
    return words.startswith(alias) and words[len(alias) :] in DERIVING_SUFFIXES


def _choose_entity(options: dict[str, str], context: set[str], dictionary: Dictionary) -> str:
    """For an alias naming several entities (acronyms resolve per document), prefer the one whose other
    names also appear in this document."""
    if len(options) == 1:
        return next(iter(options))
    scores = Counter()
    for alias in context:
        for entity_id in dictionary.aliases.get(alias, {}):
            if entity_id in options:
                scores[entity_id] += 1
    return max(sorted(options), key=lambda e: scores[e])


# ---------------------------------------------------------------------------------------------- dates

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS.update({"sept": 9})
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"  # fmt: skip
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DASH = r"\s*(?:[-\u2013\u2014]|to|until)\s*"
SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "early": (1, 4),
    "mid": (5, 8),
    "late": (9, 12),
}
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "a": 1, "an": 1}
DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("month_range", re.compile(rf"(?:between\s+)?(?P<m1>{_MONTH})\s+(?P<y1>{_YEAR})(?:{_DASH}|\s+and\s+)"
                               rf"(?P<m2>{_MONTH})\s+(?P<y2>{_YEAR})")),
    ("year_range", re.compile(rf"(?:between\s+|from\s+)?(?P<y1>{_YEAR})(?:{_DASH}|\s+and\s+)(?P<y2>{_YEAR})(?!\d)")),
    ("mdy", re.compile(rf"(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>{_YEAR})")),
    ("dmy", re.compile(rf"(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})\s+(?P<y>{_YEAR})")),
    ("iso", re.compile(rf"(?P<y>{_YEAR})-(?P<mn>\d\d)-(?P<d>\d\d)")),
    ("season", re.compile(rf"(?P<s>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ee]arly|[Mm]id|[Ll]ate)[- ](?:of\s+)?"
                          rf"(?P<y>{_YEAR})")),
    ("month_year", re.compile(rf"(?P<m>{_MONTH})\s+(?:of\s+)?(?P<y>{_YEAR})")),
    ("month_day", re.compile(rf"(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?!\d|,?\s+{_YEAR})")),
    ("year", re.compile(rf"(?<![\d,.])(?P<y>{_YEAR})(?![\d,])")),
    ("relative", re.compile(r"\b(?P<r>today|yesterday|this (?:week|month|year)|last (?:week|month|year)|"
                            r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
                            r"(?:one|two|three|four|five|six|a|an|\d+)\s+(?:days?|weeks?|months?|years?)\s+ago)\b")),
]  # fmt: skip


@dataclass(frozen=True)
class DateFound:
    start: int
    end: int
    text: str
    date_start: str
    date_end: str
    precision: str
    resolution: str
    note: str


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _interval(kind: str, g: dict[str, str], base: dt.date | None) -> tuple[dt.date, dt.date, str, str, str] | None:
    """(start, end, precision, resolution, note) for one matched expression, None when it cannot be placed."""
    if kind == "month_range":
        start = dt.date(int(g["y1"]), _month(g["m1"]), 1)
        return start, _last_day(int(g["y2"]), _month(g["m2"])), "range", "as_stated", ""
    if kind == "year_range":
        return dt.date(int(g["y1"]), 1, 1), dt.date(int(g["y2"]), 12, 31), "range", "as_stated", ""
    if kind in ("mdy", "dmy", "iso"):
        month = int(g["mn"]) if kind == "iso" else _month(g["m"])
        day = dt.date(int(g["y"]), month, int(g["d"]))
        return day, day, "day", "as_stated", ""
    if kind == "season":
        first, last = SEASONS[g["s"].lower()]
        year = int(g["y"])
        return dt.date(year, first, 1), _last_day(year, last), "season", "as_stated", ""
    if kind == "month_year":
        year, month = int(g["y"]), _month(g["m"])
        return dt.date(year, month, 1), _last_day(year, month), "month", "as_stated", ""
    if kind == "year":
        year = int(g["y"])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", "as_stated", ""
    if base is None:
        return None
    anchor = f"the document's date {base.isoformat()}"
    if kind == "month_day":
        month, day = _month(g["m"]), int(g["d"])
        year = base.year if (month, day) <= (base.month, base.day) else base.year - 1
        when = dt.date(year, month, day)
        return when, when, "day", "year_from_context", f"year {year} from {anchor} (latest such day on or before it)"
    return _relative(g["r"].lower(), base, anchor)


def _relative(words: str, base: dt.date, anchor: str) -> tuple[dt.date, dt.date, str, str, str] | None:
    note = f"{words!r} resolved against {anchor}"
    res = "relative_to_anchor"
    if words == "today":
        return base, base, "day", res, note
    if words == "yesterday":
        day = base - dt.timedelta(days=1)
        return day, day, "day", res, note
    weekday = words.removeprefix("on ").strip()
    if weekday in WEEKDAYS:
        back = (base.weekday() - WEEKDAYS[weekday]) % 7
        day = base - dt.timedelta(days=back)
        return day, day, "day", res, note + " (the latest such weekday on or before it, as news reports use it)"
    if words in ("this month", "last month"):
        year, month = base.year, base.month
        if words == "last month":
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return dt.date(year, month, 1), _last_day(year, month), "month", res, note
    if words in ("this year", "last year"):
        year = base.year - (words == "last year")
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", res, note
    if words in ("this week", "last week"):
        monday = base - dt.timedelta(days=base.weekday() + (7 if words == "last week" else 0))
        return monday, monday + dt.timedelta(days=6), "days", res, note
    match = re.fullmatch(r"(\w+)\s+(day|week|month|year)s?\s+ago", words)
    if match:
        import dateparser

        count = _NUMBER_WORDS.get(match.group(1)) or int(match.group(1))
        parsed = dateparser.parse(
            f"{count} {match.group(2)}s ago", settings={"RELATIVE_BASE": dt.datetime.combine(base, dt.time())}
        )
        if parsed is None:
            return None
        day = parsed.date()
        unit = match.group(2)
        if unit == "day":
            return day, day, "day", res, note
        if unit == "year":
            return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year", res, note
        if unit == "month":
            return dt.date(day.year, day.month, 1), _last_day(day.year, day.month), "month", res, note
        return day - dt.timedelta(days=3), day + dt.timedelta(days=3), "days", res, note
    return None


_ANY_YEAR = re.compile(rf"(?<![\d,.])({_YEAR})(?![\d,])")


def _year_from_text(text: str, at: int, g: dict[str, str]) -> tuple[dt.date, dt.date, str, str, str] | None:
    """A day without a year ('On August 9') takes the nearest year written before it within 300 characters
    ('August 1999: On August 9, ...'): the document's own context, said so in the note."""
    years = list(_ANY_YEAR.finditer(text, max(0, at - 300), at))
    if not years:
        return None
    year = int(years[-1].group(1))
    when = dt.date(year, _month(g["m"]), int(g["d"]))
    note = (
        f"year {year} from the nearest preceding year in the text ({years[-1].group(1)!r} at char {years[-1].start()})"
    )
    return when, when, "day", "year_from_context", note


def find_dates(text: str, base: dt.date | None) -> list[DateFound]:
    taken = [False] * len(text)
    found = []
    for kind, pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(taken[match.start() : match.end()]):
                continue
            try:
                placed = _interval(kind, match.groupdict(), base)
            except (ValueError, KeyError):
                continue
            taken[match.start() : match.end()] = [True] * (match.end() - match.start())
            if placed is None and kind == "month_day":
                placed = _year_from_text(text, match.start(), match.groupdict())
            if placed is None:
                found.append(
                    DateFound(match.start(), match.end(), match.group(0), "", "", "unknown", "unresolved",
                              "relative expression; the document has no date to resolve it against")
                )  # fmt: skip
                continue
            start, end, precision, resolution, note = placed
            found.append(
                DateFound(match.start(), match.end(), match.group(0), start.isoformat(), end.isoformat(), precision,
                          resolution, note)
            )  # fmt: skip
    return sorted(found, key=lambda d: d.start)


# ---------------------------------------------------------------------------------------------- events

# Cue words per event type (inflections a news text uses); types in seeds/event_types.csv without an entry
# here are cued by the words of their label. Order = priority when a sentence has cues of several types.
EVENT_CUES: dict[str, tuple[str, ...]] = {
    "suicide_bombing": ("suicide bomb", "suicide attack", "suicide bomber", "suicide strike", "suicide strikes"),
    "prison_attack": ("jailbreak", "prison break", "attack on a prison", "escaped from", "prison attack"),
    "kidnapping": ("kidnapped", "kidnapping", "abducted", "abduction"),
    "hostage_taking": ("hostage", "hostages", "took hostage"),
    "airstrike": ("airstrike", "air strike", "drone strike", "predator strike", "airstrikes"),
    "ambush": ("ambush", "ambushed", "ambushes"),
    "bombing": ("bombing", "bombings", "bomb", "bombs", "explosion", "explosions", "blast", "car bomb"),
    "incursion": ("incursion", "incursions", "raids into", "crossed into"),
    "armed_assault": ("attack", "attacked", "attacks", "gunmen", "assault", "stormed", "raid", "raided"),
    "battle": ("clash", "clashes", "clashed", "fighting", "battle", "fought"),
    "security_operation": ("operation", "offensive", "security forces killed", "military operation"),
    "arrest": ("arrested", "arrests", "detained", "arrest"),
    "charge": ("charged", "indicted", "charges"),
    "conviction": ("convicted", "sentenced", "conviction"),
    "crackdown": ("crackdown", "banned", "shut down", "outlawed"),
}
COUNT_CUES = {
    "killed": ("killed", "killing", "dead", "died", "deaths", "death toll", "kills"),
    "wounded": ("wounded", "wounding", "injured", "injuring", "injuries"),
    "hostages": ("hostages", "hostage", "abducted", "kidnapped"),
    "prisoners_freed": ("freed", "escaped", "released"),
    "arrested": ("arrested", "detained", "arresting"),
    "sentenced": ("sentenced", "convicted"),
}
# (level, cues) strongest first; the level of the cue nearest the actor's name is suggested.
ATTRIBUTION_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("claimed", ("claimed responsibility", "claimed the", "took credit", "claims responsibility", "claimed")),
    ("alleged", ("blamed", "accused", "accuses", "alleged", "allegedly", "blames")),
    ("suspected", ("suspected", "believed", "thought to", "possible", "possibly", "may have", "likely")),
    ("disputed", ("denied", "denies", "not independently verified", "disputed", "unclear", "doubt")),
)
MEMBERSHIP_UNITS = {"members": "members", "fighters": "fighters", "militants": "fighters", "men": "fighters"}


def event_cues(project_dir: Path) -> dict[str, tuple[str, ...]]:
    types = _read(project_dir / "seeds" / "event_types.csv")
    codes = [t["event_type"] for t in types]
    cues = {code: EVENT_CUES[code] for code in EVENT_CUES if code in codes}
    for t in types:
        cues.setdefault(t["event_type"], tuple(w.lower() for w in re.findall(r"[A-Za-z]{5,}", t["label"])))
    return cues


def _cue_hits(sentence: str, cues: tuple[str, ...]) -> list[int]:
    lower = sentence.lower()
    return [m.start() for cue in cues for m in re.finditer(rf"(?<!\w){re.escape(cue)}(?!\w)", lower)]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:40]


@dataclass
class Candidates:
    document_id: str
    rows: dict[str, list[dict[str, str]]] = field(default_factory=lambda: defaultdict(list))
    dates: list[DateFound] = field(default_factory=list)
    quantities: list[tuple[int, int, str, int | None, int | None]] = field(default_factory=list)


def _review(row: dict[str, str], start: int, end: int, basis: str) -> dict[str, str]:
    return {**row, "review_char_start": str(start), "review_char_end": str(end), "review_basis": basis, DECISION: ""}


def _blank(seed: str) -> dict[str, str]:
    return dict.fromkeys(SEEDS[seed].column_names, "")


def document_row(project_dir: Path, document_id: str) -> dict[str, str]:
    for path in (project_dir / REVIEW_DIR / document_id / "documents.csv", project_dir / "seeds" / "documents.csv"):
        for row in _read(path):
            if row["document_id"] == document_id:
                return row
    raise AnnotateError(f"{document_id}: no documents row (run `militancy ingest` first)")


def base_date(row: dict[str, str]) -> dt.date | None:
    if row.get("published_date") and row.get("published_date_precision") == "day":
        return dt.date.fromisoformat(row["published_date"])
    return None


def annotate(
    project_dir: Path, document_id: str, dictionary: Dictionary | None = None, base: dt.date | None = None
) -> Candidates:
    project_dir = project_dir.resolve()
    row = document_row(project_dir, document_id)
    text = (project_dir / "corpus" / row["file_name"]).read_text(encoding="utf-8")
    dictionary = dictionary or load_dictionary(project_dir)
    base = base or base_date(row)
    out = Candidates(document_id)
    out.dates = find_dates(text, base)
    date_spans = [(d.start, d.end) for d in out.dates]
    out.quantities = [q for q in find_quantities(text) if not any(s < q[1] and q[0] < e for s, e in date_spans)]
    mentions = find_entities(text, dictionary)
    sents = sentences(text)
    _alias_rows(out, text, mentions, sents, document_id)
    _event_rows(out, project_dir, text, sents, mentions, dictionary, document_id)
    return out


def _sentence_of(sents: list[Span], start: int) -> Span | None:
    return next((s for s in sents if s.start <= start < s.end), None)


def _alias_rows(out: Candidates, text: str, mentions: list[Mention], sents: list[Span], doc: str) -> None:
    seen: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        seen[(m.entity_id, m.surface)].append(m)
    i = 0
    for (entity_id, surface), group in seen.items():
        if "\n" in surface or "\r" in surface:
            # A name broken across lines ("Move-\nment") is recognised, but an alias is one line: the curator
            # adds the name as the document spells it elsewhere, or leaves it to the entity's other aliases.
            continue
        i += 1
        first = group[0]
        sentence = _sentence_of(sents, first.start)
        quote = sentence.text if sentence and surface in sentence.text else surface
        row = _blank("entity_aliases")
        row.update(
            alias_id=f"{doc}_al{i:03d}",
            entity_id=entity_id,
            alias=surface,
            alias_type=first.alias_type,
            document_id=doc,
            is_ambiguous="false",
            quote=quote,
            notes=f"candidate: {first.basis} match, {len(group)} occurrence(s)"
            + ("; the alias names several entities in the dictionary" if first.ambiguous else ""),
        )
        out.rows["entity_aliases"].append(_review(row, first.start, first.end, first.basis))


def _event_rows(
    out: Candidates,
    project_dir: Path,
    text: str,
    sents: list[Span],
    mentions: list[Mention],
    dictionary: Dictionary,
    doc: str,
) -> None:
    cues = event_cues(project_dir)
    existing = _read(project_dir / "seeds" / "event_mentions.csv")
    last_by_type: dict[str, dict[str, str]] = {}
    n_mention = n_actor = n_quote = n_estimate = 0
    latest: dict[str, str] | None = None  # the candidate mention of the previous sentence
    for sentence in sents:
        in_sentence = [m for m in mentions if sentence.start <= m.start < sentence.end]
        dates = [d for d in out.dates if sentence.start <= d.start < sentence.end]
        quantities = [q for q in out.quantities if sentence.start <= q[0] < sentence.end]
        hits = {code: _cue_hits(sentence.text, words) for code, words in cues.items()}
        event_type = next((code for code in cues if hits[code]), None)
        estimate = _membership(out, sentence, quantities, in_sentence, dates, dictionary, doc, n_estimate + 1)
        if estimate:
            n_estimate += 1
        if event_type is None:
            if latest is not None and _fill_counts(
                latest,
                text[int(latest["review_char_start"]) : sentence.end],
                int(latest["review_char_start"]),
                quantities,
            ):
                # Figures given in the next sentence ('(4 killed, 3 wounded)'): the quote takes both sentences.
                latest.update(quote=text[int(latest["review_char_start"]) : sentence.end])
                latest["review_char_end"] = str(sentence.end)
            latest = None
            continue
        lower = sentence.text.lower()
        cue_at = hits[event_type][0]
        # 'the ambush' refers back to an earlier mention unless the sentence dates it anew ('June 8, 2014: ...').
        back_reference = re.search(r"(?:the|this|that) $", lower[max(0, cue_at - 5) : cue_at]) is not None and not any(
            d.resolution in ("as_stated", "year_from_context") for d in dates
        )
        previous = last_by_type.get(event_type)
        if back_reference and previous is not None:
            n_quote += 1
            row = _blank("supporting_quotes")
            row.update(
                supporting_quote_id=f"{doc}_sq{n_quote:02d}",
                fact_type="event_mention",
                fact_id=previous["mention_id"],
                document_id=doc,
                quote=sentence.text,
                notes="candidate: refers back to the same event ('the ...')",
            )
            out.rows["supporting_quotes"].append(_review(row, sentence.start, sentence.end, "back reference"))
            mention, latest = previous, None
        else:
            n_mention += 1
            mention = _mention_row(sentence, event_type, dates, quantities, in_sentence, dictionary, existing, doc)
            mention["mention_id"] = f"{doc}_m{n_mention:02d}"
            last_by_type[event_type] = mention
            basis = f"event cue {sentence.text[cue_at : cue_at + 20].split()[0]!r} -> {event_type}"
            latest = _review(mention, sentence.start, sentence.end, basis)
            out.rows["event_mentions"].append(latest)
        for actor in _actor_rows(sentence, in_sentence, dictionary, mention):
            n_actor += 1
            actor["event_actor_id"] = f"{doc}_act{n_actor:03d}"
            out.rows["event_actors"].append(_review(actor, sentence.start, sentence.end, actor.pop("_basis")))


def _mention_row(
    sentence: Span,
    event_type: str,
    dates: list[DateFound],
    quantities: list[tuple[int, int, str, int | None, int | None]],
    in_sentence: list[Mention],
    dictionary: Dictionary,
    existing: list[dict[str, str]],
    doc: str,
) -> dict[str, str]:
    row = _blank("event_mentions")
    row.update(document_id=doc, event_type=event_type, quote=sentence.text)
    notes = []
    placed = [d for d in dates if d.precision != "unknown"]
    date = min(placed, key=lambda d: DATE_PRECISIONS.index(d.precision)) if placed else (dates[0] if dates else None)
    if date:
        row.update(
            date_text=date.text,
            date_start=date.date_start,
            date_end=date.date_end,
            date_precision=date.precision,
            date_resolution=date.resolution,
            date_note=date.note,
        )
    else:
        row.update(date_precision="unknown", date_resolution="unresolved", date_note="no date in the sentence")
    places = [m for m in in_sentence if dictionary.entities.get(m.entity_id, {}).get("entity_type") == "place"]
    countries = [m for m in places if dictionary.entities[m.entity_id].get("entity_subtype") == "country"]
    local = [m for m in places if m not in countries]
    if local:
        row.update(location_text=local[0].surface, location_id=local[0].entity_id)
        row["country_id"] = dictionary.entities[local[0].entity_id].get("country_id", "")
    elif countries:
        row.update(location_text=countries[0].surface, location_id=countries[0].entity_id)
    if countries and not row["country_id"]:
        row["country_id"] = countries[0].entity_id
    _fill_counts(row, sentence.text, sentence.start, quantities)
    where = row["location_text"] or "unknown place"
    row["event_name"] = f"{event_type.replace('_', ' ').capitalize()}, {where}"
    year = row["date_start"][:4] if row["date_start"] else "undated"
    row["event_id"] = f"ev_{year}_{_slug(where)}_{event_type}"
    same = [
        e
        for e in existing
        if e["event_type"] == event_type
        and row["date_start"]
        and e["date_start"]
        and e["date_start"] <= row["date_end"]
        and row["date_start"] <= e["date_end"]
    ]
    if same:
        row["event_id"] = same[0]["event_id"]
        notes.append(f"same type and overlapping dates as {same[0]['event_id']} ({same[0]['document_id']}): check")
    row["notes"] = "candidate" + (": " + "; ".join(notes) if notes else "")
    return row


def _fill_counts(
    row: dict[str, str], quote: str, offset: int, quantities: list[tuple[int, int, str, int | None, int | None]]
) -> bool:
    """Put each figure with a count cue into its empty count column; figures in parentheses first (the
    '(8 killed, unknown wounded)' summaries of event lists). True when a column was filled."""
    lower = quote.lower()

    def in_parentheses(q: tuple[int, int, str, int | None, int | None]) -> bool:
        a = q[0] - offset
        return lower.rfind("(", 0, a) > lower.rfind(")", 0, a)

    filled = False
    for start, end, phrase, low, high in sorted(quantities, key=lambda q: (not in_parentheses(q), q[0])):
        name = _count_name(lower, start - offset, end - offset)
        if name and not row[f"{name}_text"]:
            row.update({f"{name}_text": phrase, f"{name}_low": _s(low), f"{name}_high": _s(high)})
            filled = True
    return filled


def _s(value: int | None) -> str:
    return "" if value is None else str(value)


def _count_name(lower: str, a: int, b: int) -> str | None:
    """The count a quantity belongs to: the nearest count cue before it (within 3 words) or after it (within
    6 words, not past a comma or full stop)."""
    before = lower[max(0, a - 30) : a]
    after = re.split(r"[,.;(]", lower[b : b + 60])[0]
    best: tuple[int, str] | None = None
    for name, words in COUNT_CUES.items():
        for word in words:
            m = re.search(rf"(?<!\w){re.escape(word)}\w*\s+(?:\w+\s+){{0,2}}$", before)
            if m:
                distance = len(before) - m.start()
                best = min(best or (distance, name), (distance, name))
            m = re.search(rf"^(?:\s+\S+){{0,5}}?\s+(?:were\s+|was\s+)?{re.escape(word)}(?!\w)", after)
            if m:
                best = min(best or (m.end(), name), (m.end(), name))
    return best[1] if best else None


def _actor_rows(
    sentence: Span, in_sentence: list[Mention], dictionary: Dictionary, mention: dict[str, str]
) -> list[dict[str, str]]:
    lower = sentence.text.lower()
    cue_positions = [
        (level, pos, cue) for level, cues in ATTRIBUTION_CUES for cue in cues for pos in _cue_hits(lower, (cue,))
    ]
    legal = mention["event_type"] in ("arrest", "charge", "conviction", "crackdown", "security_operation")
    rows, seen = [], set()
    governments = [m for m in in_sentence if _subtype(dictionary, m) in ("government", "security_force")]
    for m in in_sentence:
        entity = dictionary.entities.get(m.entity_id, {})
        if entity.get("entity_type") == "place" or m.entity_id in seen:
            continue
        seen.add(m.entity_id)
        row = _blank("event_actors")
        row.update(mention_id=mention["mention_id"], entity_id=m.entity_id, quote=sentence.text)
        at = m.start - sentence.start
        if m in governments:
            if not legal and any(level == "alleged" for level, _, _ in cue_positions):
                continue  # the accuser: named in attributed_by of the accused, not an actor
            row.update(role="authority" if legal else "target", attribution="confirmed")
            row["_basis"] = "government or security force in the sentence"
        elif entity.get("entity_type") == "person" and "commander" in lower:
            level, cue = _nearest(cue_positions, at)
            row.update(role="commander", attribution=level, _basis=f"person; cue {cue!r}" if cue else "person")
        else:
            level, cue = _nearest(cue_positions, at)
            row.update(role="claimant" if level == "claimed" else "perpetrator", attribution=level)
            row["_basis"] = f"attribution cue {cue!r}" if cue else "no attribution cue: stated as fact"
            if level == "alleged" and governments:
                row["attributed_by"] = governments[0].surface
            elif level == "claimed":
                row["attributed_by"] = m.surface
        others = sorted({f"{c!r} ({lv})" for lv, _, c in cue_positions})
        row["notes"] = "candidate" + (f"; cues in the sentence: {', '.join(others)}" if others else "")
        rows.append(row)
    return rows


def _subtype(dictionary: Dictionary, m: Mention) -> str:
    return dictionary.entities.get(m.entity_id, {}).get("entity_subtype", "")


def _nearest(cues: list[tuple[str, int, str]], at: int) -> tuple[str, str]:
    if not cues:
        return "confirmed", ""
    level, _, cue = min(cues, key=lambda c: abs(c[1] - at))
    return level, cue


def _membership(
    out: Candidates,
    sentence: Span,
    quantities: list[tuple[int, int, str, int | None, int | None]],
    in_sentence: list[Mention],
    dates: list[DateFound],
    dictionary: Dictionary,
    doc: str,
    number: int,
) -> bool:
    for start, end, phrase, low, high in quantities:
        following = sentence.text[end - sentence.start :].lower().split()[:3]
        unit = next((MEMBERSHIP_UNITS[w.strip(".,;")] for w in following if w.strip(".,;") in MEMBERSHIP_UNITS), None)
        if unit is None or low is None:
            continue
        groups = [m for m in in_sentence if _subtype(dictionary, m) == "militant_group"]
        row = _blank("membership_estimates")
        date = next((d for d in dates if d.date_start), None)
        row.update(
            estimate_id=f"{doc}_est{number:02d}",
            group_id=groups[0].entity_id if groups else "",
            document_id=doc,
            estimate_text=phrase,
            estimate_low=_s(low),
            estimate_high=_s(high),
            is_approximate="false" if low == high else "true",
            counted_unit=unit,
            quote=sentence.text,
            notes="candidate" + ("" if date else "; no date in the sentence: fill the period by reading"),
        )
        if date:
            row.update(
                period_text=date.text,
                period_start_year=date.date_start[:4],
                period_end_year=date.date_end[:4],
                period_precision=date.precision,
            )
        out.rows["membership_estimates"].append(_review(row, start, end, f"quantity followed by {unit!r}"))
        return True
    return False


# ---------------------------------------------------------------------------------------------- writing


def write_candidates(project_dir: Path, candidates: Candidates, force: bool = False) -> Path:
    folder = project_dir / REVIEW_DIR / candidates.document_id
    folder.mkdir(parents=True, exist_ok=True)
    existing = [folder / f"{n}.csv" for n in CANDIDATE_SEEDS if (folder / f"{n}.csv").exists()]
    if existing and not force:
        raise AnnotateError(
            f"{folder} already has candidates ({', '.join(p.name for p in existing)}); "
            "review them, or pass --force to overwrite"
        )
    for name in CANDIDATE_SEEDS:
        header = [*SEEDS[name].column_names, *REVIEW_COLUMNS]
        tmp = folder / f".{name}.csv.tmp"
        write_csv(tmp, header, candidates.rows.get(name, []))
        tmp.replace(folder / f"{name}.csv")
    write_csv(
        folder / "dates.csv",
        ["char_start", "char_end", "text", "date_start", "date_end", "precision", "resolution", "note"],
        [
            dict(zip(("char_start", "char_end", "text", "date_start", "date_end", "precision", "resolution", "note"),
                     (str(d.start), str(d.end), d.text, d.date_start, d.date_end, d.precision, d.resolution, d.note),
                     strict=True))
            for d in candidates.dates
        ],
    )  # fmt: skip
    write_csv(
        folder / "quantities.csv",
        ["char_start", "char_end", "text", "low", "high"],
        [
            {"char_start": str(s), "char_end": str(e), "text": p, "low": _s(lo), "high": _s(hi)}
            for s, e, p, lo, hi in candidates.quantities
        ],
    )
    return folder
