"""Column lists, types and code lists of the curated seed CSVs.

The validator checks every seed file against this before dbt sees it, so a bad row is reported with its
file, line and column. dbt's own tests check the same rules again inside the warehouse.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DATE_PRECISIONS = ("day", "days", "month", "season", "year", "range", "unknown")
DATE_RESOLUTIONS = ("as_stated", "year_from_context", "relative_to_anchor", "cross_document", "unresolved")
ATTRIBUTIONS = ("confirmed", "claimed", "alleged", "suspected", "disputed")
# `linked`: the document ties the actor to the event only through a person said to be inspired by, affiliated
# with, or a (former) member of it; excluded from default attack counts (docs/curation.md, attribution codebook).
ACTOR_ROLES = ("perpetrator", "claimant", "target", "commander", "authority", "linked", "other")
ENTITY_TYPES = ("organization", "person", "place")
ALIAS_TYPES = (
    "canonical",
    "full_name",
    "short_form",
    "acronym",
    "transliteration",
    "spelling_variant",
    "misspelling",
    "former_name",
    "later_name",
    "nom_de_guerre",
    "birth_name",
    "native_script",
    "translation",
    "descriptive",
)
RELATIONSHIP_TYPES = (
    "branch_of",
    "affiliate_of",
    "allied_with",
    "splinter_of",
    "pledged_allegiance_to",
    "funded_by",
    "supported_by",
    "hosted_by",
    "joint_unit_of",
    "rival_of",
    "fought_against",
    "renamed_as",
    "linked_to",
)
COUNTED_UNITS = (
    "members",
    "fighters",
    "fighters_deployed",
    "identified_members",
    "arrested_suspects",
    "charged_suspects",
    "sentenced_members",
    "killed_members",
    "escaped_members",
    "wanted_suspects",
)
REGION_TYPES = ("article", "page_chrome", "reader_comments", "tags", "references", "author_note")
END_REASONS = (
    "killed",
    "killed_in_airstrike",
    "killed_in_raid",
    "killed_by_rival",
    "died",
    "replaced",
    "captured",
    "ongoing",
    "unknown",
)

ROLE_CATEGORIES = (
    "leader",
    "co_founder",
    "military_leader",
    "deputy",
    "commander",
    "spokesman",
    "council_member",
    "government_post",
)

LIFE_EVENTS = ("born", "died", "killed", "founded", "ended")
COREFERENCE_DECISIONS = ("same", "distinct", "undetermined")

# fact_type of a supporting quote -> the seed holding that fact (its key is the seed's key).
FACT_TABLES = {
    "event_mention": "event_mentions",
    "event_actor": "event_actors",
    "membership_estimate": "membership_estimates",
    "leadership_tenure": "leadership_tenures",
    "group_relationship": "group_relationships",
    "designation": "designations",
    "entity": "entities",
    "life_event": "entity_life_events",
}

COUNT_NAMES = ("killed", "wounded", "hostages", "prisoners_freed", "arrested", "sentenced")


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "string"  # string | integer | date | boolean | year
    required: bool = False
    codes: tuple[str, ...] = ()
    ref: str | None = None  # "seed.column" the value must exist in


@dataclass(frozen=True)
class Seed:
    name: str
    key: str
    columns: tuple[Column, ...]
    quote_columns: tuple[str, ...] = ("quote",)
    ranges: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (low, high) column pairs
    quantities: tuple[str, ...] = ()  # prefixes with _text/_low/_high
    date_intervals: tuple[tuple[str, str, str], ...] = ()  # (start, end, precision)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _c(
    name: str, kind: str = "string", required: bool = False, codes: tuple[str, ...] = (), ref: str | None = None
) -> Column:
    return Column(name, kind, required, codes, ref)


DOC = _c("document_id", required=True, ref="documents.document_id")
# A start and an end, each as worded, as the first possible day, and with a precision.
_DATED_SPAN = tuple(
    col
    for side in ("start", "end")
    for col in (
        _c(f"{side}_text"),
        _c(f"{side}_date", "date"),
        _c(f"{side}_precision", required=True, codes=DATE_PRECISIONS),
    )
)
# A date as worded, as an interval (earliest..latest possible day) with a precision, and how it was obtained.
_DATED_INTERVAL = (
    _c("date_text"),
    _c("date_start", "date"),
    _c("date_end", "date"),
    _c("date_precision", required=True, codes=DATE_PRECISIONS),
    _c("date_resolution", required=True, codes=DATE_RESOLUTIONS),
    _c("date_note"),
)
# Every curated fact ends with its document, its exact quote and the curator's notes.
_SOURCED = (DOC, _c("quote", required=True), _c("notes"))

SEEDS: dict[str, Seed] = {}


def _add(seed: Seed) -> None:
    SEEDS[seed.name] = seed


_add(
    Seed(
        "documents",
        "document_id",
        (
            _c("document_id", required=True),
            _c("file_name", required=True),
            _c("title", required=True),
            _c("publisher"),
            _c("publisher_basis"),
            _c("author"),
            _c(
                "document_type",
                required=True,
                codes=("encyclopedia_article", "news_article", "research_profile", "policy_brief"),
            ),
            _c("published_date", "date"),
            _c("published_date_precision", required=True, codes=DATE_PRECISIONS),
            _c("written_not_before", "date"),
            _c("written_not_after", "date"),
            _c("date_note"),
            _c("language", required=True),
            _c("sha256", required=True),
            _c("char_count", "integer", required=True),
            _c("fact_kinds", required=True),
            _c("notes"),
        ),
        quote_columns=(),
        date_intervals=(("written_not_before", "written_not_after", ""),),
    )
)
_add(
    Seed(
        "document_regions",
        "region_id",
        (
            _c("region_id", required=True),
            DOC,
            _c("region_type", required=True, codes=REGION_TYPES),
            _c("starts_with", required=True),
            _c("ends_with", required=True),
            _c("notes"),
        ),
        quote_columns=("starts_with", "ends_with"),
    )
)
_add(
    Seed(
        "event_types",
        "event_type",
        (
            _c("event_type", required=True),
            _c("label", required=True),
            _c("category", required=True, codes=("attack", "battle", "state_violence", "legal_action")),
            _c("is_attack", "boolean", required=True),
            _c("gtd_attack_type"),
            _c("description", required=True),
        ),
        quote_columns=(),
    )
)
_add(
    Seed(
        "entities",
        "entity_id",
        (
            _c("entity_id", required=True),
            _c("entity_type", required=True, codes=ENTITY_TYPES),
            _c("entity_subtype", required=True),
            _c("canonical_name", required=True),
            _c("country_id", ref="entities.entity_id"),
            _c("description", required=True),
            DOC,
            _c("quote", required=True),
        ),
    )
)
_add(
    Seed(
        "entity_aliases",
        "alias_id",
        (
            _c("alias_id", required=True),
            _c("entity_id", required=True, ref="entities.entity_id"),
            _c("alias", required=True),
            _c("alias_type", required=True, codes=ALIAS_TYPES),
            DOC,
            _c("is_ambiguous", "boolean", required=True),
            _c("quote", required=True),
            _c("notes"),
        ),
    )
)
_COUNT_COLUMNS = tuple(
    _c(f"{n}_{part}", "integer" if part != "text" else "string")
    for n in COUNT_NAMES
    for part in ("text", "low", "high")
)
_add(
    Seed(
        "event_mentions",
        "mention_id",
        (
            _c("mention_id", required=True),
            _c("event_id", required=True),
            DOC,
            _c("event_name", required=True),
            _c("event_type", required=True, ref="event_types.event_type"),
            *_DATED_INTERVAL,
            _c("country_id", ref="entities.entity_id"),
            _c("location_text"),
            _c("location_id", ref="entities.entity_id"),
            *_COUNT_COLUMNS,
            _c("quote", required=True),
            _c("notes"),
        ),
        quantities=COUNT_NAMES,
        date_intervals=(("date_start", "date_end", "date_precision"),),
    )
)
_add(
    Seed(
        "event_actors",
        "event_actor_id",
        (
            _c("event_actor_id", required=True),
            _c("mention_id", required=True, ref="event_mentions.mention_id"),
            _c("entity_id", required=True, ref="entities.entity_id"),
            _c("role", required=True, codes=ACTOR_ROLES),
            _c("attribution", required=True, codes=ATTRIBUTIONS),
            _c("attributed_by"),
            _c("quote", required=True),
            _c("notes"),
        ),
    )
)
_add(
    Seed(
        "membership_estimates",
        "estimate_id",
        (
            _c("estimate_id", required=True),
            _c("group_id", ref="entities.entity_id"),
            DOC,
            _c("subject_text"),
            _c("period_text", required=True),
            _c("period_start_year", "integer", required=True),
            _c("period_end_year", "integer", required=True),
            _c("period_precision", required=True, codes=DATE_PRECISIONS),
            _c("estimate_text", required=True),
            _c("estimate_low", "integer"),
            _c("estimate_high", "integer"),
            _c("is_approximate", "boolean", required=True),
            _c("counted_unit", required=True, codes=COUNTED_UNITS),
            _c("scope"),
            _c("cited_source"),
            _c("quote", required=True),
            _c("notes"),
        ),
        quantities=("estimate",),
        ranges=(("period_start_year", "period_end_year"),),
    )
)
_add(
    Seed(
        "leadership_tenures",
        "tenure_id",
        (
            _c("tenure_id", required=True),
            _c("group_id", required=True, ref="entities.entity_id"),
            _c("person_id", required=True, ref="entities.entity_id"),
            _c("role", required=True),
            _c("role_category", required=True, codes=ROLE_CATEGORIES),
            *_DATED_SPAN,
            _c("end_reason", required=True, codes=END_REASONS),
            *_SOURCED,
        ),
        ranges=(("start_date", "end_date"),),
    )
)
_add(
    Seed(
        "group_relationships",
        "relationship_id",
        (
            _c("relationship_id", required=True),
            _c("group_id", required=True, ref="entities.entity_id"),
            _c("related_group_id", required=True, ref="entities.entity_id"),
            _c("relationship_type", required=True, codes=RELATIONSHIP_TYPES),
            *_DATED_SPAN,
            _c("certainty", required=True, codes=ATTRIBUTIONS),
            *_SOURCED,
        ),
        ranges=(("start_date", "end_date"),),
    )
)
_add(
    Seed(
        "designations",
        "designation_id",
        (
            _c("designation_id", required=True),
            _c("group_id", required=True, ref="entities.entity_id"),
            _c("authority_id", required=True, ref="entities.entity_id"),
            _c("list_name", required=True),
            _c("listed_name"),
            _c("listed_text"),
            _c("listed_date", "date"),
            _c("listed_precision", required=True, codes=DATE_PRECISIONS),
            _c("status", required=True, codes=("in_force", "removed", "unknown")),
            *_SOURCED,
        ),
    )
)
_add(
    Seed(
        "supporting_quotes",
        "supporting_quote_id",
        (
            _c("supporting_quote_id", required=True),
            _c(
                "fact_type",
                required=True,
                codes=tuple(FACT_TABLES),
            ),
            _c("fact_id", required=True),
            *_SOURCED,
        ),
    )
)
_add(
    Seed(
        "entity_life_events",
        "life_event_id",
        (
            _c("life_event_id", required=True),
            _c("entity_id", required=True, ref="entities.entity_id"),
            _c("life_event", required=True, codes=LIFE_EVENTS),
            *_DATED_INTERVAL,
            _c("mention_id", ref="event_mentions.mention_id"),
            *_SOURCED,
        ),
        date_intervals=(("date_start", "date_end", "date_precision"),),
    )
)
_add(
    Seed(
        "coreference_decisions",
        "decision_id",
        (
            _c("decision_id", required=True),
            _c("candidate_type", required=True, codes=("event", "entity")),
            _c("left_id", required=True),
            _c("right_id", required=True),
            _c("decision", required=True, codes=COREFERENCE_DECISIONS),
            _c("kept_id"),
            _c("reason", required=True),
            _c("decided_by", required=True),
            _c("decided_on", "date", required=True),
        ),
        quote_columns=(),
    )
)


SEED_DESCRIPTIONS = {
    "documents": "Curated: one row per source document in corpus/ (bibliographic facts, dating evidence, sha256).",
    "document_regions": "Curated: one row per marked region of a document (article text, page chrome, reader comments, "
    "tags, references), given by its first and last words exactly as written.",
    "event_types": "Codebook: one row per event type, with its category, whether it counts as an attack, and the "
    "nearest GTD attack type.",
    "entities": "Curated: one row per organization, person or place, with its canonical name.",
    "entity_aliases": "Curated: one row per name by which a document refers to an entity, exactly as written.",
    "event_mentions": "Curated: one row per event per document that mentions it, "
    "with the document's own date and figures.",
    "event_actors": "Curated: one row per actor per event mention, "
    "with role and attribution level as the document frames it.",
    "membership_estimates": "Curated: one row per numeric statement of a group's size or strength in a document.",
    "leadership_tenures": "Curated: one row per person holding a leadership role in a group, per document.",
    "group_relationships": "Curated: one row per typed, dated relationship between two groups, per document.",
    "designations": "Curated: one row per listing of a group by an authority (terrorist lists, bans), per document.",
    "supporting_quotes": "Curated: additional quotes supporting a fact that already has a main quote.",
    "entity_life_events": "Curated: one row per birth, death or killing of a person, or founding or end of a group, "
    "per document that states it, with the document's own date words, interval and precision.",
    "coreference_decisions": "Curated: one row per candidate duplicate pair (events or entities) the coreference "
    "models propose, with the decision (same, distinct, undetermined), the key kept and the reason.",
}


COLUMN_DOCS: dict[str, str] = {
    "document_id": "Id of the source document (doc_NNN), key of dim_documents.",
    "quote": "Exact words of the document supporting this row (verified to be a substring of the document).",
    "notes": "Curator's remarks: judgment calls, conflicts, context.",
    "file_name": "File name of the document in corpus/.",
    "title": "Title as the document gives it.",
    "publisher": "Publisher, where the text states or clearly shows it (see publisher_basis); NULL when not.",
    "publisher_basis": "How the publisher is known: stated in the text, or inferred from the page format.",
    "author": "Author, where the text names one; NULL when not.",
    "document_type": "encyclopedia_article, news_article, research_profile or policy_brief.",
    "published_date": "Publication date where the text gives or clearly implies it; NULL when not (never guessed).",
    "published_date_precision": "Precision of the publication date (day, month, year, range, unknown).",
    "written_not_before": "Earliest day the document can have been written (latest event or access date cited).",
    "written_not_after": "Latest day the document can have been written (own dating evidence); NULL when unbounded.",
    "date_note": "Words explaining how a date was established or resolved.",
    "language": "ISO 639-1 language code of the document.",
    "sha256": "SHA-256 of the document file, hex.",
    "fact_kinds": "Kinds of fact the document contains, ';'-separated (event_mentions, membership_estimates, "
    "leadership_tenures, group_relationships, designations): a test fails if one has no row.",
    "char_count": "Length of the document text in Unicode code points.",
    "region_id": "Key of the region (document id + r + number).",
    "region_type": "article, page_chrome, reader_comments, tags, references or author_note.",
    "starts_with": "First words of the region, exactly as written.",
    "ends_with": "Last words of the region, exactly as written.",
    "event_type": "Event type code (see event_types).",
    "label": "Human-readable name of the code.",
    "category": "attack, battle, state_violence or legal_action.",
    "is_attack": "True when events of this type count as attacks in attacks_by_group_year.",
    "gtd_attack_type": "Nearest GTD attack type, for users who map to GTD; NULL for non-attacks.",
    "description": "What the entity or code is.",
    "entity_id": "Key of the entity: org_, per_ or plc_ followed by a slug of the canonical name.",
    "entity_type": "organization, person or place.",
    "entity_subtype": "Finer kind: militant_group, government, analyst, country, valley, ...",
    "canonical_name": "The entity's name as the warehouse spells it (typos of the sources corrected).",
    "country_id": "Entity id of the country (for places, governments and agencies; for events, where it happened).",
    "alias_id": "Key of the alias row.",
    "alias": "A name exactly as the document writes it.",
    "alias_type": "canonical, acronym, transliteration, misspelling, nom_de_guerre, native_script, ...",
    "is_ambiguous": "True when this alias may name more than one entity within the document.",
    "mention_id": "Key of the event mention (one event in one document).",
    "event_id": "Key of the real-world event; mentions in different documents share it.",
    "event_name": "Short name of the event.",
    "date_text": "The date exactly as the document words it.",
    "date_start": "Earliest possible day of the event (UCDP date_start).",
    "date_end": "Latest possible day of the event (UCDP date_end).",
    "date_precision": "day, days, month, season, year, range or unknown.",
    "date_resolution": "as_stated, year_from_context, relative_to_anchor, cross_document or unresolved.",
    "location_text": "The place as the document words it.",
    "location_id": "Entity id of the most precise place named.",
    "event_actor_id": "Key of the event actor row.",
    "role_category": "Coded role: leader (emir, leader), co_founder, military_leader, deputy, commander, spokesman, "
    "council_member or government_post.",
    "role": "Role of the actor (perpetrator, claimant, target, commander, authority, other) or the leader's role.",
    "attribution": "How the document frames the actor's part: confirmed, claimed, alleged, suspected or disputed.",
    "attributed_by": "Who makes the attribution, when the text says (e.g. Uzbek government).",
    "estimate_id": "Key of the estimate.",
    "group_id": "Entity id of the group.",
    "subject_text": "What is counted, in words, when it is not simply the group's members.",
    "period_text": "The period as the document words it.",
    "period_start_year": "First year the estimate refers to.",
    "period_end_year": "Last year the estimate refers to.",
    "period_precision": "Precision of the period (year, season, range, ...).",
    "estimate_text": "The figure as the document words it.",
    "estimate_low": "Low end of the figure by the quantity rule.",
    "estimate_high": "High end of the figure by the quantity rule; NULL when the text gives no upper bound.",
    "is_approximate": "True when the document qualifies the figure (about, nearly, more than, a range).",
    "counted_unit": "What is counted: members, fighters, arrested_suspects, killed_members, ...",
    "scope": "Where or among whom the figure applies, when narrower than the whole group.",
    "cited_source": "The source the document cites for the figure (e.g. New York Times).",
    "tenure_id": "Key of the tenure.",
    "person_id": "Entity id of the person.",
    "start_text": "Start as the document words it.",
    "start_date": "First possible day of the start.",
    "start_precision": "Precision of the start date.",
    "end_text": "End as the document words it.",
    "end_date": "First possible day of the end (NULL while ongoing or unknown).",
    "end_precision": "Precision of the end date.",
    "end_reason": "How the tenure ended: killed, killed_in_airstrike, died, replaced, ongoing, unknown, ...",
    "relationship_id": "Key of the relationship.",
    "related_group_id": "Entity id of the other group: group_id <relationship_type> related_group_id.",
    "relationship_type": "branch_of, affiliate_of, allied_with, splinter_of, pledged_allegiance_to, funded_by, ...",
    "certainty": "How the document frames the relationship: confirmed, alleged, suspected, disputed.",
    "designation_id": "Key of the designation.",
    "authority_id": "Entity id of the listing authority.",
    "list_name": "Name of the list or legal instrument.",
    "listed_name": "Name under which the group is listed, when the text gives it.",
    "listed_text": "The listing date as the document words it.",
    "listed_date": "First possible day of the listing.",
    "listed_precision": "Precision of the listing date.",
    "status": "in_force, removed or unknown, as of the document.",
    "supporting_quote_id": "Key of the supporting quote.",
    "fact_type": "Kind of fact the row supports (event_mention, membership_estimate, ...).",
    "fact_id": "Key of the supported fact in its table.",
    "life_event_id": "Key of the life event (document id + life + number).",
    "life_event": "born, died, killed (a person) or founded, ended (a group).",
    "decision_id": "Key of the coreference decision.",
    "candidate_type": "event (two event keys) or entity (two entity keys).",
    "left_id": "First key of the candidate pair (the alphabetically smaller).",
    "right_id": "Second key of the candidate pair (the alphabetically greater).",
    "decision": "same (merged: one key kept, the other retired), distinct, or undetermined (kept apart; the "
    "documents do not settle it).",
    "kept_id": "For same: the key kept; the other key of the pair is retired and may no longer be used in seeds.",
    "reason": "Why, in words, citing the documents.",
    "decided_by": "Who decided (curator role or name).",
    "decided_on": "Day of the decision.",
}
for _n in COUNT_NAMES:
    _label = _n.replace("_", " ")
    COLUMN_DOCS[f"{_n}_text"] = f"Number {_label} as the document words it (the raw phrase)."
    COLUMN_DOCS[f"{_n}_low"] = f"Low end of the number {_label} by the quantity rule; NULL when unknown."
    COLUMN_DOCS[f"{_n}_high"] = f"High end of the number {_label}; NULL when unknown or unbounded above."
