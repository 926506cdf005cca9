"""Incremental refresh: what changed in a build's inputs since the published build, and whether dbt may update a
copy of the published database instead of building a new one from nothing.

A build's inputs are fingerprinted in three parts, stored beside each release as `refresh_state.json`:
- code: every file dbt reads as code (models, macros, data tests, dbt_project.yml, profiles.yml, seed YAML), the
  militancy package (the validator computes the quote offsets dbt loads) and the dbt, dbt-duckdb and DuckDB
  versions. Any difference forces a full build.
- shared inputs: the seeds whose rows reach every document's facts (entities, aliases, event types, coreference
  decisions), the dataset seeds (codebook, actor crosswalk, link decisions, places) and each registered dataset
  file (by its checksum). Any difference forces a full build: a renamed entity or a changed dataset release changes
  rows of every document.
- documents: per document, a hash of its text and of every seed row that belongs to it (its own row, its regions,
  mentions, the actors of those mentions, estimates, tenures, relationships, designations, supporting quotes,
  life events). A document is new, changed, removed or unchanged.

When only documents differ, the build copies the published database, dbt's incremental models delete and
recompute the rows of the new, changed and removed documents (read from `changes/documents.csv`), and the
event-keyed models (event resolution, fct_events, fct_event_groups, fct_group_event_evidence) those of the events
the changed documents' mentions belong to, before or after the change (`changes/events.csv`), each from all of its
mentions.

Which nodes run in a refresh (`select`): besides the fingerprints above, each release stores a digest of every
file dbt loads (`loaded`: each checked seed CSV, the corpus texts, the located offsets). A model is rebuilt when one
of those files upstream of it changed; a data test runs when one of its parents was rebuilt. Everything else is
kept as it is in the copy of the published database, which is sound because
- the code is the same (else the build is full), so a model's table is a function of its upstream files alone:
  with every upstream file byte-identical, the published table is the table a full build would compute;
- a data test's result is a function of its parents' rows: a test none of whose parents was rebuilt gives the
  result it gave when the published build ran it, and the published build passed every test (dbt stops a build on
  an error-severity failure, so nothing that failed one was ever published; by induction this holds for
  refreshed releases too);
- unit tests read only code (their inputs are fixtures in YAML), unchanged since the published build passed them.
So a refresh never publishes a database that the full `militancy test` would reject. `militancy test` and
`militancy release` still build and test in full.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import duckdb

from militancy.duckdb_memory import capped
from militancy.project import DBT_PARTS
from militancy.seed_schema import SEEDS
from militancy.validate import Validation

STATE_FILE = "refresh_state.json"
CHANGES_DIR = "changes"
CHANGES_FILE = "documents.csv"
EVENTS_FILE = "events.csv"
# Seeds whose rows are read across documents (joined by entity, type or event, not by document).
SHARED_SEEDS = ("entities", "entity_aliases", "event_types", "coreference_decisions")
# Folders and files of the snapshot that are code: a change in any of them forces a full build.
CODE_PARTS = DBT_PARTS  # the parts the build copies into its snapshot
VERSIONED = ("dbt-core", "dbt-duckdb", "duckdb")


@dataclass(frozen=True)
class InputState:
    code: str
    shared: dict[str, str]
    documents: dict[str, str]
    # Digest of each file dbt loads, by its path in the snapshot ("seeds/x.csv", "corpus/", "located/quotes.csv").
    loaded: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> str:
        data = {"code": self.code, "shared": self.shared, "documents": self.documents, "loaded": self.loaded}
        return json.dumps(data, indent=1)

    @classmethod
    def read(cls, path: Path) -> InputState | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            loaded = dict(data.get("loaded", {}))
            return cls(str(data["code"]), dict(data["shared"]), dict(data["documents"]), loaded)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None


@dataclass(frozen=True)
class Plan:
    """Full (with the reason) or incremental (with each changed document and how it changed)."""

    incremental: bool
    reason: str
    changes: dict[str, str] = field(default_factory=dict)  # document_id -> new | changed | removed
    unchanged: int = 0
    # Loaded files (keys of InputState.loaded) whose digest differs from the published build's, or is unknown.
    changed_files: frozenset[str] = frozenset()

    def summary(self) -> str:
        if not self.incremental:
            return f"Full build: {self.reason}."
        counts = {kind: sum(1 for c in self.changes.values() if c == kind) for kind in ("new", "changed", "removed")}
        return (
            f"Incremental refresh of the published build: documents new {counts['new']}, changed "
            f"{counts['changed']}, removed {counts['removed']}, unchanged {self.unchanged} (not recomputed)."
        )


def _digest(parts: list[bytes]) -> str:
    sha = hashlib.sha256()
    for part in parts:
        sha.update(hashlib.sha256(part).digest())
    return sha.hexdigest()


def _files(root: Path, part: str) -> list[Path]:
    path = root / part
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def code_hash(inputs: Path) -> str:
    """Models, macros, tests, project files, seed YAML, the militancy package and the engine versions."""
    package = Path(__file__).parent
    files = [f for part in CODE_PARTS for f in _files(inputs, part)]
    files += sorted((inputs / "seeds").rglob("*.yml"))
    parts = [str(f.relative_to(inputs)).encode() + b"\0" + f.read_bytes() for f in files]
    modules = sorted(f for f in package.rglob("*.py") if "__pycache__" not in f.parts)  # subpackages too
    parts += [f.relative_to(package).as_posix().encode() + b"\0" + f.read_bytes() for f in modules]
    for name in VERSIONED:
        try:
            parts.append(f"{name}=={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            parts.append(f"{name} missing".encode())
    return _digest(parts)


def dataset_seed_digests(inputs: Path) -> dict[str, str]:
    """The dataset seeds of a snapshot (the codebook, links, decisions), each by its digest."""
    return {
        f"dataset seed:{path.name}": _digest([path.read_bytes()])
        for path in sorted((inputs / "seeds" / "datasets").rglob("*.csv"))
    }


def dataset_checks_hold(previous: InputState | None, inputs: Path) -> bool:
    """True when the published build (`previous`) checked its dataset copies with the code and dataset seeds
    (the codebook) of this snapshot: a copy it checked, unchanged on disk, then passes again without being read."""
    if previous is None or previous.code != code_hash(inputs):
        return False
    before = {k: v for k, v in previous.shared.items() if k.startswith("dataset seed:")}
    return before == dataset_seed_digests(inputs)


def _row_bytes(seed: str, row: dict[str, str]) -> bytes:
    return json.dumps([seed, [row[c] for c in SEEDS[seed].column_names]], ensure_ascii=False).encode()


def input_state(inputs: Path, validation: Validation) -> InputState:
    """Fingerprint a validated snapshot (after its dataset copies were checked into `inputs/datasets`)."""
    tables = {name: [row for _, row in rows] for name, rows in validation.tables.items()}
    shared = {
        f"seed:{name}": _digest(sorted(_row_bytes(name, row) for row in tables.get(name, []))) for name in SHARED_SEEDS
    }
    shared.update(dataset_seed_digests(inputs))
    registry = inputs / "datasets" / "registry.csv"
    if registry.exists():
        with registry.open(encoding="utf-8", newline="") as handle:
            for entry in csv.DictReader(handle):
                shared[f"dataset:{entry['dataset_id']}"] = _digest([json.dumps(entry, sort_keys=True).encode()])
    mention_document = {row["mention_id"]: row["document_id"] for row in tables.get("event_mentions", [])}
    by_document: dict[str, list[bytes]] = defaultdict(list)
    for name, rows in tables.items():
        if name in SHARED_SEEDS:
            continue
        for row in rows:
            document_id = row.get("document_id") or mention_document.get(row.get("mention_id", ""), "")
            by_document[document_id].append(_row_bytes(name, row))
    documents = {}
    for document_id, text in validation.texts.items():
        documents[document_id] = _digest([text.encode(), *sorted(by_document.pop(document_id, []))])
    # Rows that name no registered document (the validator has refused them unless problems are tolerated).
    for document_id, rows in by_document.items():
        shared[f"rows of unknown document:{document_id}"] = _digest(sorted(rows))
    return InputState(code_hash(inputs), shared, documents, loaded_digests(inputs))


def loaded_digests(inputs: Path) -> dict[str, str]:
    """A digest of each file dbt loads from the snapshot: every seed CSV as checked and rewritten
    (build.write_checked_seeds), the corpus texts as one folder, each located-offsets file."""
    digests = {str(p.relative_to(inputs)): _digest([p.read_bytes()]) for p in sorted((inputs / "seeds").rglob("*.csv"))}
    corpus = sorted((inputs / "corpus").glob("*.txt"))
    digests["corpus/"] = _digest([p.name.encode() + b"\0" + p.read_bytes() for p in corpus])
    for path in sorted((inputs / "located").glob("*.csv")):
        digests[str(path.relative_to(inputs))] = _digest([path.read_bytes()])
    return digests


def plan(previous: InputState | None, state: InputState, full_refresh: bool) -> Plan:
    if full_refresh:
        return Plan(False, "--full-refresh was given")
    if previous is None:
        return Plan(False, "no published build with a refresh state to start from")
    if previous.code != state.code:
        return Plan(False, "models, macros, tests, seed schema, the militancy package or an engine version changed")
    changed_shared = sorted(
        k for k in previous.shared.keys() | state.shared.keys() if previous.shared.get(k) != state.shared.get(k)
    )
    if changed_shared:
        shown = ", ".join(changed_shared[:5]) + (" ..." if len(changed_shared) > 5 else "")
        return Plan(False, f"inputs shared by every document changed ({shown})")
    changes: dict[str, str] = {}
    for document_id in sorted(previous.documents.keys() | state.documents.keys()):
        old, new = previous.documents.get(document_id), state.documents.get(document_id)
        if old is None:
            changes[document_id] = "new"
        elif new is None:
            changes[document_id] = "removed"
        elif old != new:
            changes[document_id] = "changed"
    unchanged = sum(1 for document_id in state.documents if document_id not in changes)
    changed_files = frozenset(
        key for key in state.loaded.keys() | previous.loaded.keys() if state.loaded.get(key) != previous.loaded.get(key)
    )
    return Plan(True, "only documents changed", changes, unchanged, changed_files)


def write_changes(plan_: Plan, inputs: Path, published_db: Path | None = None) -> None:
    """What a refresh recomputes, for dbt; no rows in a full build:
    - `source('build', 'document_changes')`: the new, changed and removed documents;
    - `source('build', 'event_changes')`: the events they touch, those their mentions belonged to in the published
      build (`published_db`, read-only) and those they belong to now (the checked seeds in `inputs`).
    An event resolves across every mention of it, so these events are recomputed whole
    (macros/cross_engine/incremental.sql)."""
    folder = inputs / CHANGES_DIR
    folder.mkdir(exist_ok=True)
    with (folder / CHANGES_FILE).open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(("document_id", "change"))
        writer.writerows(sorted(plan_.changes.items()))
    events = touched_events(plan_, inputs, published_db) if plan_.incremental else []
    with (folder / EVENTS_FILE).open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(("event_id",))
        writer.writerows((event_id,) for event_id in events)


def touched_events(plan_: Plan, inputs: Path, published_db: Path | None) -> list[str]:
    """Sorted ids of the events that a mention of a changed document belongs to, before or after the change."""
    if published_db is None:
        raise ValueError("an incremental refresh needs the published database to know which events it touches")
    documents = sorted(plan_.changes)
    with duckdb.connect(str(published_db), read_only=True, config=capped()) as con:
        rows = con.execute(
            """
            select event_id from intermediate.int_event_mentions_unioned
            where source_kind = 'document' and document_id in (select unnest($documents))
            union
            select event_id from read_csv($seed, header = true, all_varchar = true)
            where document_id in (select unnest($documents))
            order by event_id
            """,
            {"documents": documents, "seed": str(inputs / "seeds" / "event_mentions.csv")},
        ).fetchall()
    return [event_id for (event_id,) in rows if event_id]


# The list of changed documents: every refresh writes a new one. It tells the incremental models which rows to
# recompute, and is no data of its own: only the model that loads it is rebuilt (a model whose data inputs are
# unchanged computes the same rows for those documents as the published build holds).
CONTROL_SOURCES = ("source.militancy.build.document_changes", "source.militancy.build.event_changes")


@dataclass(frozen=True)
class Selection:
    """What dbt runs in a refresh: node names for `dbt build --select`, and the marts' tables it rebuilds."""

    names: tuple[str, ...]
    rebuilt_tables: frozenset[str]  # tables of the public marts schema that the refresh rebuilds
    summary: str


def _file_changed(node: dict[str, object], changed_files: frozenset[str], known: set[str]) -> bool:
    """Whether the seed or source `node` loads a changed file. A node that loads no file we fingerprint counts as
    changed (safe: it is rebuilt with everything downstream), unless its YAML says `meta.shared_input`: its files
    are in InputState.shared, whose change makes the plan a full build."""
    if node["resource_type"] == "seed":
        path = str(node["original_file_path"])
        return path in changed_files or path not in known
    if (node.get("meta") or {}).get("shared_input"):  # registered dataset files: a change forces a full build
        return False
    location = str((node.get("meta") or {}).get("external_location") or "")
    # The path in the location is relative to the snapshot ('corpus/*.txt'), or absolute in manifests of builds
    # made before dbt was given relative paths ('/.../inputs/corpus/*.txt'): a key counts where a path starts.
    keys = [key for key in known if re.search(rf"(^|['/]){re.escape(key)}", location)]
    return not keys or any(key in changed_files for key in keys)


def select(manifest: dict[str, object], plan_: Plan, known: set[str], schema: str) -> Selection:
    """The nodes a refresh must run (see the module's docstring for why the rest may be kept): the seeds and
    sources whose files changed, every model downstream of them, the models loading a control source, and every
    data test with at least one rebuilt parent. `known`: the keys of InputState.loaded; `schema`: the public
    marts' schema."""
    nodes: dict[str, dict[str, object]] = {**manifest["nodes"], **manifest["sources"]}  # type: ignore[dict-item]
    children: dict[str, list[str]] = manifest["child_map"]  # type: ignore[assignment]
    parents: dict[str, list[str]] = manifest["parent_map"]  # type: ignore[assignment]
    starts = [
        uid
        for uid, node in nodes.items()
        if node["resource_type"] in ("seed", "source")
        and uid not in CONTROL_SOURCES
        and _file_changed(node, plan_.changed_files, known)
    ]
    rebuilt: set[str] = set()
    stack = list(starts)
    while stack:
        uid = stack.pop()
        if uid not in rebuilt:
            rebuilt.add(uid)
            stack.extend(children.get(uid, []))
    rebuilt.update(child for control in CONTROL_SOURCES for child in children.get(control, []))
    rebuilt = {uid for uid in rebuilt if uid in manifest["nodes"] and not uid.startswith("test.")}  # type: ignore[operator]
    tests = {
        uid
        for uid, node in manifest["nodes"].items()  # type: ignore[attr-defined]
        if node["resource_type"] == "test" and any(parent in rebuilt for parent in parents.get(uid, []))
    }
    chosen = sorted(rebuilt | tests)
    tables = frozenset(
        str(nodes[uid].get("alias") or nodes[uid]["name"])
        for uid in rebuilt
        if nodes[uid]["resource_type"] == "model" and nodes[uid].get("schema") == schema
    )
    counts = {
        kind: (
            sum(1 for uid in chosen if uid.startswith(f"{kind}.")),
            sum(1 for uid in manifest["nodes"] if uid.startswith(f"{kind}.")),  # type: ignore[attr-defined]
        )
        for kind in ("seed", "model", "test")
    }
    summary = "Refresh runs " + ", ".join(f"{kind}s {n} of {total}" for kind, (n, total) in counts.items())
    summary += " (the rest cannot differ from the published build: their inputs are unchanged); unit tests 0"
    return Selection(tuple(str(nodes[uid]["name"]) for uid in chosen), tables, summary)
