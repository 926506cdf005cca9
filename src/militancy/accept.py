"""`militancy accept DOC`: move a document's reviewed rows from review/<doc_id>/ into seeds/, then validate.

Every review file named like a seed (documents.csv, entity_aliases.csv, ...) must have the seed's columns
followed only by `review_*` columns. Rows whose `review_decision` is `keep` are appended to the seed (without
the review columns); `drop` rows are skipped; any other value, or a file without the column, stops the accept,
naming file, line and column, so no machine candidate enters the seeds unread. DOC must name a folder directly in
review/ (not a path), and a document already accepted says so. Ids must be new. After appending, the whole project is
validated (militancy.validate); on any problem every seed file is restored byte for byte and the review folder
is left as it was. On success the review folder moves to review/accepted/<doc_id>.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import time
from pathlib import Path

from militancy.ingest import DECISION, REVIEW_DIR
from militancy.seed_schema import SEEDS
from militancy.validate import Problem, SeedError, validate

# A document id names a folder directly under review/: no separators, no `..`, not the accepted/ folder.
DOCUMENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
FACT_KINDS = ("event_mentions", "membership_estimates", "leadership_tenures", "group_relationships", "designations")


def _reviewed_rows(path: Path, name: str, problems: list[Problem]) -> list[dict[str, str]]:
    columns = list(SEEDS[name].column_names)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header = list(reader.fieldnames or [])
        extra = header[len(columns) :]
        if header[: len(columns)] != columns or any(not c.startswith("review_") for c in extra):
            problems.append(Problem(str(path), 1, "", f"header must be the seed's columns {columns} + review_*"))
            return []
        if DECISION not in header:
            problems.append(
                Problem(str(path), 1, DECISION, f"no {DECISION} column: add it and set keep or drop for every row")
            )
            return []
        kept = []
        for row in reader:
            decision = (row.get(DECISION) or "").strip()
            if decision == "drop":
                continue
            if decision != "keep":
                problems.append(
                    Problem(str(path), reader.line_num, DECISION, f"{decision!r}: set keep or drop for every row")
                )
                continue
            kept.append({c: row[c] for c in columns})
    return kept


def _existing_keys(project_dir: Path, name: str) -> set[str]:
    with (project_dir / "seeds" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return {row[SEEDS[name].key] for row in csv.DictReader(handle)}


def _csv_text(rows: list[dict[str, str]], columns: list[str]) -> str:
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=columns, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.accept.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def accept(project_dir: Path, document_id: str) -> dict[str, int]:
    """Append the kept rows to seeds/ and validate; restore seeds/ exactly on failure. Returns rows per seed."""
    project_dir = project_dir.resolve()
    review = project_dir / REVIEW_DIR
    folder = review / document_id
    if (
        not DOCUMENT_ID.fullmatch(document_id)
        or document_id == "accepted"
        or folder.resolve().parent != review.resolve()
    ):
        raise SeedError(
            [Problem(str(folder), 0, "", f"{document_id!r} is not a document id (a folder directly in {review})")]
        )
    if not folder.is_dir():
        done = review / "accepted"  # an earlier accept of the same id moved its folder here (<id> or <id>.<time>)
        if (done / document_id).exists() or any(done.glob(f"{document_id}.*")):
            raise SeedError([Problem(str(folder), 0, "", f"{document_id} is already accepted (review/accepted/)")])
        raise SeedError([Problem(str(folder), 0, "", "no review folder (run `militancy ingest` / `annotate`)")])
    problems: list[Problem] = []
    batches: dict[str, list[dict[str, str]]] = {}
    for name in SEEDS:
        path = folder / f"{name}.csv"
        if path.exists():
            batches[name] = _reviewed_rows(path, name, problems)
    for name, rows in batches.items():
        key = SEEDS[name].key
        existing = _existing_keys(project_dir, name)
        for row in rows:
            if row[key] in existing:
                problems.append(Problem(str(folder / f"{name}.csv"), 0, key, f"id {row[key]!r} is already in seeds"))
            existing.add(row[key])
    if problems:
        raise SeedError(problems)
    for row in batches.get("documents", []):
        if not row["fact_kinds"]:
            kinds = [k for k in FACT_KINDS if any(r["document_id"] == row["document_id"] for r in batches.get(k, []))]
            row["fact_kinds"] = ";".join(kinds)
    snapshot = {p: p.read_bytes() for p in (project_dir / "seeds").glob("*.csv")}
    try:
        for name, rows in batches.items():
            if not rows:
                continue
            path = project_dir / "seeds" / f"{name}.csv"
            current = snapshot[path].decode("utf-8")
            if current and not current.endswith("\n"):
                current += "\n"
            _write_atomic(path, (current + _csv_text(rows, list(SEEDS[name].column_names))).encode("utf-8"))
        validate(project_dir)
    except BaseException:
        for path, data in snapshot.items():
            if path.read_bytes() != data:
                _write_atomic(path, data)
        raise
    done = project_dir / REVIEW_DIR / "accepted" / document_id
    if done.exists():
        done = done.with_name(f"{document_id}.{int(time.time())}")
    done.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(folder), str(done))
    return {name: len(rows) for name, rows in batches.items()}
