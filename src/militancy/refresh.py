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
recompute the rows of the new, changed and removed documents (read from `changes/documents.csv`), and every other
model and test runs as in a full build.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from militancy.seed_schema import SEEDS
from militancy.validate import Validation

STATE_FILE = "refresh_state.json"
CHANGES_DIR = "changes"
CHANGES_FILE = "documents.csv"
# Seeds whose rows are read across documents (joined by entity, type or event, not by document).
SHARED_SEEDS = ("entities", "entity_aliases", "event_types", "coreference_decisions")
# Folders and files of the snapshot that are code: a change in any of them forces a full build.
CODE_PARTS = ("dbt_project.yml", "profiles.yml", "models", "macros", "analyses", "tests/data")
VERSIONED = ("dbt-core", "dbt-duckdb", "duckdb")


@dataclass(frozen=True)
class InputState:
    code: str
    shared: dict[str, str]
    documents: dict[str, str]

    def to_json(self) -> str:
        return json.dumps({"code": self.code, "shared": self.shared, "documents": self.documents}, indent=1)

    @classmethod
    def read(cls, path: Path) -> InputState | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(str(data["code"]), dict(data["shared"]), dict(data["documents"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None


@dataclass(frozen=True)
class Plan:
    """Full (with the reason) or incremental (with each changed document and how it changed)."""

    incremental: bool
    reason: str
    changes: dict[str, str] = field(default_factory=dict)  # document_id -> new | changed | removed
    unchanged: int = 0

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
    parts += [f.name.encode() + b"\0" + f.read_bytes() for f in sorted(package.glob("*.py"))]
    for name in VERSIONED:
        try:
            parts.append(f"{name}=={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            parts.append(f"{name} missing".encode())
    return _digest(parts)


def _row_bytes(seed: str, row: dict[str, str]) -> bytes:
    return json.dumps([seed, [row[c] for c in SEEDS[seed].column_names]], ensure_ascii=False).encode()


def input_state(inputs: Path, validation: Validation) -> InputState:
    """Fingerprint a validated snapshot (after its dataset copies were checked into `inputs/datasets`)."""
    tables = {name: [row for _, row in rows] for name, rows in validation.tables.items()}
    shared = {
        f"seed:{name}": _digest(sorted(_row_bytes(name, row) for row in tables.get(name, []))) for name in SHARED_SEEDS
    }
    for path in sorted((inputs / "seeds" / "datasets").rglob("*.csv")):
        shared[f"dataset seed:{path.name}"] = _digest([path.read_bytes()])
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
    return InputState(code_hash(inputs), shared, documents)


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
    return Plan(True, "only documents changed", changes, unchanged)


def write_changes(plan_: Plan, inputs: Path) -> None:
    """The changed documents, for dbt (`source('build', 'document_changes')`); no rows in a full build."""
    folder = inputs / CHANGES_DIR
    folder.mkdir(exist_ok=True)
    with (folder / CHANGES_FILE).open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(("document_id", "change"))
        writer.writerows(sorted(plan_.changes.items()))
