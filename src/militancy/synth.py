"""A synthetic, project-shaped input of any size for scale tests: `militancy synth --mentions 1M --seed 7 --out DIR`.

DIR becomes a complete project that `militancy build` builds: the dbt files of this checkout, corpus/*.txt
documents, the curated seeds in the schema of seed_schema.py, and UCDP GED, GTD and ACLED files registered as
datasets (datasets/registry.csv). Everything is made up and says so: groups are "Synthetic ... (synthetic)",
places "Synthtown-<n>", publishers "Synthetic Press <n>", ids start with `syn_`; no row describes a real event.

What one "mention" is (docs/performance.md): one row that reports an event, either a curated document mention
(a row of seeds/event_mentions.csv, backed by an exact quote of its document) or one dataset record (a row of a
UCDP GED, GTD or ACLED file). `--mentions N` writes exactly N of them, mixed as in real use, where the bulk comes
from the datasets: 5% document mentions, 20% UCDP GED, 10% GTD, 65% ACLED (MIX below).

- Groups: one per 2,500 mentions (at least 12), with power-law activity (the k-th most active group has weight
  1/k^1.1): a few groups carry most events, most groups few. Each has a canonical name, an acronym and a
  transliteration, all quoted from a profile document, and one to three membership estimates over the years.
- Events: document mentions are grouped into events reported by one to four documents each; the documents of one
  event disagree on the figures (killed and wounded) and on the date or its precision; every date precision of the
  schema occurs (day, days, month, season, year, range, unknown). An event's actor is named by its canonical
  name, acronym or transliteration, with a confirmed, claimed, alleged or suspected attribution.
- Documents hold about eight mentions each; every seventh ends with a tag line marked as page chrome.
- The synthetic project's dbt_project.yml sets `coreference_threshold` above every score: candidates are
  computed as usual but none waits for a curator's decision (the groups and events are distinct by construction).
- Same `--seed`, same bytes: every file (registry included: its timestamp is fixed) is a function of the size
  and the seed (tests/test_synth.py checks it).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import random
import shutil
from collections.abc import Iterable
from pathlib import Path

from militancy.build import copy_parts
from militancy.datasets import registry as datasets
from militancy.datasets import synthetic as synthetic_datasets
from militancy.project import DBT_PARTS
from militancy.quantities import parse_quantity
from militancy.seed_schema import SEEDS

ROOT = Path(__file__).resolve().parents[2]
# Share of the mentions in each source (sums to 1): mostly dataset rows, as in real use.
MIX = {"documents": 0.05, "ucdp-ged": 0.20, "gtd": 0.10, "acled": 0.65}
MENTIONS_PER_DOCUMENT = 8
MENTIONS_PER_GROUP = 2_500
FIXED_ADDED_AT = "2000-01-01T00:00:00Z"  # registry timestamp: same seed, same bytes
SIZES = {"k": 1_000, "m": 1_000_000}
PRECISIONS = ("day", "days", "month", "season", "year", "range", "unknown")
ATTACK_TYPES = ("bombing", "armed_assault", "ambush", "kidnapping", "assassination", "facility_attack")
VERBS = {
    "bombing": "bombed",
    "armed_assault": "attacked",
    "ambush": "ambushed",
    "kidnapping": "raided",
    "assassination": "attacked",
    "facility_attack": "attacked",
}
TARGETS = ("a police checkpoint", "a market", "an army convoy", "a district office", "a bus depot", "a power station")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SEASONS = (("spring", 3, 5), ("summer", 6, 8), ("autumn", 9, 11))
_SYLLABLES = ("zor", "va", "ni", "kel", "ta", "mir", "dun", "sa", "rok", "bel", "ash", "qu", "len", "dor", "hi", "ya")
_KINDS = (("Brigade", "Brigadasi"), ("Front", "Jabhasi"), ("Movement", "Harakati"), ("Army", "Lashkari"))


def parse_size(text: str) -> int:
    """'100k' -> 100000, '1M' -> 1000000, '2500' -> 2500."""
    text = text.strip().lower().replace("_", "")
    factor = SIZES.get(text[-1:], 1)
    number = text[:-1] if text[-1:] in SIZES else text
    try:
        value = int(float(number) * factor)
    except ValueError:
        raise ValueError(f"expected a number of mentions such as 2k, 100k or 1M, got {text!r}") from None
    if value < 40:
        raise ValueError(f"{text!r}: at least 40 mentions")
    return value


@dataclasses.dataclass(frozen=True)
class Group:
    entity_id: str
    name: str  # canonical
    acronym: str
    transliteration: str


@dataclasses.dataclass
class Mention:
    mention_id: str
    event_id: str
    event_type: str
    group: Group
    place: str
    row: dict[str, str]
    actor: dict[str, str]


def split(mentions: int) -> dict[str, int]:
    """How many mentions of each source (exact total: the datasets take the rounding)."""
    counts = {name: int(mentions * share) for name, share in MIX.items()}
    counts["documents"] = max(counts["documents"], 20)
    counts["acled"] = mentions - sum(v for k, v in counts.items() if k != "acled")
    return counts


def _groups(rng: random.Random, count: int) -> list[Group]:
    groups: list[Group] = []
    seen: set[str] = set()
    while len(groups) < count:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        kind, native = _KINDS[len(groups) % len(_KINDS)]
        if word in seen:
            continue
        seen.add(word)
        n = len(groups) + 1
        name = f"Synthetic {word} {kind}"
        groups.append(Group(f"syn_org_{n:05d}", name, f"S{word[:2].upper()}{kind[0]}{n}", f"Sintetik {word}i {native}"))
    return groups


def _weights(count: int) -> list[float]:
    """Power-law activity: the k-th group has weight 1/k^1.1 (cumulative, for random.choices)."""
    total, cumulative = 0.0, []
    for k in range(1, count + 1):
        total += 1.0 / k**1.1
        cumulative.append(total)
    return cumulative


def _date_phrase(rng: random.Random, day: dt.date, precision: str) -> tuple[str, str, str]:
    """(date_text, date_start, date_end) for a precision; the text is what the sentence says."""
    if precision == "day":
        return f"On {day.day} {MONTHS[day.month - 1]} {day.year}", day.isoformat(), day.isoformat()
    if precision == "days":
        end = day + dt.timedelta(days=rng.randint(1, 3))
        first = f"{day.day} {MONTHS[day.month - 1]}" + (f" {day.year}" if day.year != end.year else "")
        text = f"Between {first} and {end.day} {MONTHS[end.month - 1]} {end.year}"
        return text, day.isoformat(), end.isoformat()
    if precision == "month":
        first = day.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return f"In {MONTHS[day.month - 1]} {day.year}", first.isoformat(), last.isoformat()
    if precision == "season":
        name, start, end = SEASONS[rng.randrange(len(SEASONS))]
        first = dt.date(day.year, start, 1)
        last = (dt.date(day.year, end, 1) + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return f"In the {name} of {day.year}", first.isoformat(), last.isoformat()
    if precision == "year":
        return f"In {day.year}", f"{day.year}-01-01", f"{day.year}-12-31"
    if precision == "range":
        return (
            f"Some time between {day.year - 1} and {day.year}",
            f"{day.year - 1}-01-01",
            f"{day.year}-12-31",
        )
    return "At a date the report does not give", "", ""


def _figure(rng: random.Random, base: int) -> str:
    """A figure phrase around `base` in one of the forms of the quantity rule."""
    form = rng.randrange(4)
    if form == 0:
        return str(base)
    if form == 1:
        return f"at least {base}"
    if form == 2:
        return f"between {base} and {base + rng.randint(1, 6)}"
    return f"{base}+"


_ATTRIBUTION = (
    ("confirmed", "perpetrator", "fighters of the {alias}"),
    ("claimed", "claimant", "militants who said they belonged to the {alias}"),
    ("alleged", "perpetrator", "men the police described as members of the {alias}"),
    ("suspected", "perpetrator", "suspected militants of the {alias}"),
)


def _mentions(rng: random.Random, groups: list[Group], count: int, documents: int) -> list[list[Mention]]:
    """Document mentions grouped into events, each event's mentions in distinct documents; returns, per
    document, its mentions."""
    cumulative = _weights(len(groups))
    per_document: list[list[Mention]] = [[] for _ in range(documents)]
    made, event_no = 0, 0
    empty_row = {c: "" for c in SEEDS["event_mentions"].column_names}
    while made < count:
        event_no += 1
        sources = min(rng.choice((1, 1, 2, 2, 3, 4)), count - made, documents)
        group = rng.choices(groups, cum_weights=cumulative)[0]
        event_type = ATTACK_TYPES[rng.randrange(len(ATTACK_TYPES))]
        day = dt.date(1995, 1, 1) + dt.timedelta(days=rng.randrange(365 * 29))
        place = f"Synthtown-{event_no}"
        target = TARGETS[rng.randrange(len(TARGETS))]
        killed, wounded = rng.randint(0, 30), rng.randint(0, 60)
        event_id = f"syn_ev_{event_no:08d}"
        for document in rng.sample(range(documents), sources):
            made += 1
            mention_id = f"syn_m_{made:08d}"
            precision = PRECISIONS[rng.randrange(len(PRECISIONS))]
            # sources disagree: a day or two apart, and figures a little different
            when = day + dt.timedelta(days=rng.choice((0, 0, 1, -1, 2)))
            date_text, start, end = _date_phrase(rng, when, precision)
            alias = rng.choice((group.name, group.name, group.acronym, group.transliteration))
            attribution, role, actor_words = _ATTRIBUTION[rng.randrange(len(_ATTRIBUTION))]
            actor_text = actor_words.format(alias=alias)
            killed_text = _figure(rng, max(0, killed + rng.randint(-2, 2)))
            wounded_text = _figure(rng, max(0, wounded + rng.randint(-3, 3)))
            quote = (
                f"{date_text}, {actor_text} {VERBS[event_type]} {target} in {place}, killing {killed_text} "
                f"people and wounding {wounded_text}."
            )
            row = {
                **empty_row,
                "mention_id": mention_id,
                "event_id": event_id,
                "document_id": f"syn_doc_{document + 1:07d}",
                "event_name": f"Synthetic {event_type.replace('_', ' ')} in {place}",
                "event_type": event_type,
                "date_text": "" if precision == "unknown" else date_text,
                "date_start": start,
                "date_end": end,
                "date_precision": precision,
                "date_resolution": "unresolved" if precision == "unknown" else "as_stated",
                "location_text": place,
                "quote": quote,
                "notes": "SYNTHETIC: generated for scale tests.",
            }
            for prefix, phrase in (("killed", killed_text), ("wounded", wounded_text)):
                low, high = parse_quantity(phrase)
                row[f"{prefix}_text"] = phrase
                row[f"{prefix}_low"] = "" if low is None else str(low)
                row[f"{prefix}_high"] = "" if high is None else str(high)
            actor = {
                "event_actor_id": f"syn_act_{made:08d}",
                "mention_id": mention_id,
                "entity_id": group.entity_id,
                "role": role,
                "attribution": attribution,
                "attributed_by": "",
                "quote": actor_text,
                "notes": "",
            }
            per_document[document].append(Mention(mention_id, event_id, event_type, group, place, row, actor))
    return per_document


def _csv(columns: Iterable[str], rows: Iterable[dict[str, str]], path: Path) -> None:
    columns = list(columns)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([row.get(c, "") for c in columns])


def _document_row(document_id: str, file_name: str, title: str, text: str, kinds: str, published: str) -> dict:
    data = text.encode("utf-8")
    number = int(document_id.rsplit("_", 1)[1].lstrip("p"))
    return {
        "document_id": document_id,
        "file_name": file_name,
        "title": title,
        "publisher": f"Synthetic Press {number % 40 + 1}",
        "publisher_basis": "stated: synthetic document written by militancy synth",
        "document_type": "news_article",
        "published_date": published,
        "published_date_precision": "day" if published else "unknown",
        "language": "en",
        "sha256": hashlib.sha256(data).hexdigest(),
        "char_count": str(len(text)),
        "fact_kinds": kinds,
        "notes": "SYNTHETIC: generated for scale tests; describes no real event.",
    }


def _regions(document_id: str, text: str, article_end: int) -> list[dict[str, str]]:
    article = text[:article_end]
    rows = [
        {
            "region_id": f"{document_id}_r1",
            "document_id": document_id,
            "region_type": "article",
            "starts_with": article[:24].strip(),
            "ends_with": article[-24:].strip(),
        }
    ]
    if article_end < len(text):
        chrome = text[article_end:].strip()
        rows.append(
            {
                "region_id": f"{document_id}_r2",
                "document_id": document_id,
                "region_type": "tags",
                "starts_with": chrome[:12].strip(),
                "ends_with": chrome[-12:].strip(),
            }
        )
    return rows


def _write_curated(rng: random.Random, out: Path, groups: list[Group], n_mentions: int) -> None:
    corpus, seeds = out / "corpus", out / "seeds"
    documents, regions, entities, aliases, estimates = [], [], [], [], []
    mentions_csv, actors_csv = [], []
    # profile documents: entities, aliases and membership estimates of 25 groups each
    profiles = [groups[i : i + 25] for i in range(0, len(groups), 25)]
    for p, members in enumerate(profiles, start=1):
        document_id, file_name = f"syn_doc_p{p:05d}", f"syn_profile_{p:05d}.txt"
        lines = [f"Synthetic profiles {p}", ""]
        for group in members:
            intro = (
                f"The {group.name} ({group.acronym}), also written {group.transliteration}, is a synthetic "
                "militant group invented for load tests."
            )
            lines.append(intro)
            entities.append(
                {
                    "entity_id": group.entity_id,
                    "entity_type": "organization",
                    "entity_subtype": "militant_group",
                    "canonical_name": group.name,
                    "description": "SYNTHETIC group generated for scale tests.",
                    "document_id": document_id,
                    "quote": intro,
                }
            )
            for n, (alias, kind) in enumerate(
                ((group.name, "canonical"), (group.acronym, "acronym"), (group.transliteration, "transliteration")),
                start=1,
            ):
                aliases.append(
                    {
                        "alias_id": f"{group.entity_id}_al{n}",
                        "entity_id": group.entity_id,
                        "alias": alias,
                        "alias_type": kind,
                        "document_id": document_id,
                        "is_ambiguous": "false",
                        "quote": intro,
                    }
                )
            year = rng.randint(1996, 2015)
            for e in range(1, rng.randint(2, 4)):
                year += rng.randint(1, 4)
                estimate_text = rng.choice((f"about {rng.randint(2, 60) * 50}", f"{rng.randint(20, 3000)}"))
                sentence = f"In {year} the {group.name} had {estimate_text} members."
                low, high = parse_quantity(estimate_text)
                lines.append(sentence)
                estimates.append(
                    {
                        "estimate_id": f"{group.entity_id}_est{e}",
                        "group_id": group.entity_id,
                        "document_id": document_id,
                        "subject_text": group.name,
                        "period_text": f"In {year}",
                        "period_start_year": str(year),
                        "period_end_year": str(year),
                        "period_precision": "year",
                        "estimate_text": estimate_text,
                        "estimate_low": "" if low is None else str(low),
                        "estimate_high": "" if high is None else str(high),
                        "is_approximate": "true" if estimate_text.startswith("about") else "false",
                        "counted_unit": "members",
                        "quote": sentence,
                    }
                )
            lines.append("")
        text = "\n".join(lines)
        (corpus / file_name).write_text(text, encoding="utf-8", newline="")
        documents.append(_document_row(document_id, file_name, f"Synthetic profiles {p}", text, "", ""))
        documents[-1]["fact_kinds"] = "membership_estimates"
        regions.extend(_regions(document_id, text, len(text)))
    count = max(1, n_mentions // MENTIONS_PER_DOCUMENT)
    for d, mentions in enumerate(_mentions(rng, groups, n_mentions, count), start=1):
        if not mentions:
            # a document no event drew (about e**-8 of them: ~20 at 10M) would be a document without a fact,
            # which the build refuses: it is not written, so its number is skipped
            continue
        document_id, file_name = f"syn_doc_{d:07d}", f"syn_{d:07d}.txt"
        title = f"Synthetic report {d}"
        text = title + "\n\n" + "\n\n".join(m.row["quote"] for m in mentions) + "\n"
        article_end = len(text)
        if d % 7 == 0:
            text += "\nTags: synthetic, load test, page chrome\n"
        (corpus / file_name).write_text(text, encoding="utf-8", newline="")
        latest = max((m.row["date_end"] for m in mentions if m.row["date_end"]), default="")
        published = (dt.date.fromisoformat(latest) + dt.timedelta(days=3)).isoformat() if latest else ""
        documents.append(_document_row(document_id, file_name, title, text, "event_mentions", published))
        regions.extend(_regions(document_id, text, article_end))
        mentions_csv.extend(m.row for m in mentions)
        actors_csv.extend(m.actor for m in mentions)
    tables = {
        "documents": documents,
        "document_regions": regions,
        "entities": entities,
        "entity_aliases": aliases,
        "event_mentions": mentions_csv,
        "event_actors": actors_csv,
        "membership_estimates": estimates,
    }
    for name, seed in SEEDS.items():
        if name == "event_types":
            shutil.copy2(ROOT / "seeds" / "event_types.csv", seeds / "event_types.csv")
            continue
        _csv(seed.column_names, tables.get(name, []), seeds / f"{name}.csv")


def dataset_overrides(fmt: str, groups: list[Group]) -> dict[str, str]:
    """SQL expressions over the row number i for the actor and place columns: power-law group activity
    (u^3 for u uniform in [0, 1) puts most rows on the first groups), and names that are clearly synthetic."""
    names = ", ".join("'" + g.name.replace("'", "''") + "'" for g in groups)
    u = "(((i * 2654435761 + 97) % 4294967296) / 4294967296.0)"
    group = f"([{names}])[1 + cast(floor({len(groups)} * pow({u}, 3)) as integer)]"
    place = "'Synthtown-' || cast(i % 5000 as varchar)"
    if fmt == "ucdp-ged":
        return {
            "side_a": "'Government of Synthland'",
            "side_b": group,
            "where_description": place,
            "conflict_name": "'Synthland: Government'",
            "dyad_name": "'Government of Synthland - ' || " + group,
        }
    if fmt == "gtd":
        return {
            "gname": group,
            "gname2": "null",
            "guncertain2": "null",
            "city": place,
            "summary": "'SYNTHETIC incident ' || cast(i as varchar) || ' in ' || " + place,
        }
    return {
        "actor1": group,
        "assoc_actor_1": "null",
        "location": place,
        "notes": "'SYNTHETIC event ' || cast(i as varchar)",
    }


def groups_of(project: Path) -> list[Group]:
    """The groups of a generated project, from its seeds (for adding more synthetic files to it later)."""
    with (project / "seeds" / "entities.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["entity_id"].startswith("syn_org_")]
    return [Group(r["entity_id"], r["canonical_name"], "", "") for r in rows]


def _distinct_by_construction(project_file: Path) -> None:
    """The synthetic groups and events are distinct by construction, so their accidental name likeness is not a
    question for a curator: raise the coreference threshold above every score (candidates are still computed,
    and listed as below the threshold) instead of writing made-up curator decisions."""
    text = project_file.read_text(encoding="utf-8")
    if "\nvars:\n" not in text:
        raise ValueError(f"{project_file} has no top-level vars: block")
    line = "  coreference_threshold: 1.01  # militancy synth: distinct by construction\n"
    project_file.write_text(text.replace("\nvars:\n", "\nvars:\n" + line), encoding="utf-8")


def use_this_code(project: Path) -> None:
    """Give a synthetic project written earlier this checkout's dbt code (models, macros, tests, profiles), so
    that its data is built by the code under test, not by the code of the day it was generated."""
    for part in DBT_PARTS:
        target = project / part
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink(missing_ok=True)
    copy_parts(ROOT, project, DBT_PARTS)
    _distinct_by_construction(project / "dbt_project.yml")


def group_count(mentions: int) -> int:
    """How many synthetic groups a project of `mentions` mentions has."""
    return max(12, mentions // MENTIONS_PER_GROUP)


def generate(out: Path, mentions: int, seed: int = 1) -> dict[str, int]:
    """Write a synthetic project of `mentions` mentions into `out` (which must not exist or be empty)."""
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty")
    rng = random.Random(seed)
    counts = split(mentions)
    copy_parts(ROOT, out, DBT_PARTS)
    _distinct_by_construction(out / "dbt_project.yml")
    (out / "corpus").mkdir()
    (out / "seeds" / "datasets").mkdir(parents=True)
    shutil.copy2(ROOT / "seeds" / "_seeds.yml", out / "seeds" / "_seeds.yml")
    for path in (ROOT / "seeds" / "datasets").iterdir():
        if path.name in ("_datasets__seeds.yml", "dataset_codes.csv"):
            shutil.copy2(path, out / "seeds" / "datasets" / path.name)
        elif path.suffix == ".csv":  # header only: their rows are about the real corpus
            header = path.read_text(encoding="utf-8").splitlines()[0]
            (out / "seeds" / "datasets" / path.name).write_text(header + "\n", encoding="utf-8")
    (out / "datasets").mkdir()
    groups = _groups(rng, group_count(mentions))
    _write_curated(rng, out, groups, counts["documents"])
    scratch = out / ".synth"
    for fmt in ("ucdp-ged", "gtd", "acled"):
        path = scratch / f"synthetic_{fmt.replace('-', '_')}_{seed}.csv"
        synthetic_datasets.write(fmt, path, counts[fmt], project_dir=out, overrides=dataset_overrides(fmt, groups))
        datasets.add(out, path, fmt)
    shutil.rmtree(scratch)
    entries = [dataclasses.replace(e, added_at_utc=FIXED_ADDED_AT) for e in datasets.read_registry(out)]
    datasets.write_registry(out, entries)
    counts["groups"] = len(groups)
    return counts
