"""Synthetic test copies of real documents, for the incremental-refresh tests and benchmark.

A copy is a new document (`doc_9...`) whose text is byte for byte that of a real document (so every quote is in
it) under a new file name, with that document's own seed rows under new ids and a title marked SYNTHETIC TEST COPY.
Shared rows (entities, aliases, event types, coreference decisions) are not copied; nor are supporting quotes of
shared facts, which would be the same evidence twice. The copies' mentions report the same events as the
originals (more sources of the same event). Nothing here is a fact about the world beyond the copied rows.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from militancy.refresh import SHARED_SEEDS
from militancy.seed_schema import SEEDS


def read_seed(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_seed(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def belongs(row: dict[str, str], document_id: str) -> bool:
    """A row is a document's when it names the document, or (event actors) one of the document's mentions."""
    return row.get("document_id") == document_id or row.get("mention_id", "").startswith(f"{document_id}_")


def _renamed(value: str, source_id: str, new_id: str) -> str:
    return new_id + value[len(source_id) :] if value == source_id or value.startswith(f"{source_id}_") else value


def add_copies(project: Path, copies: dict[str, str]) -> None:
    """Add one synthetic copy per entry `new document id -> id of the real document copied`."""
    for name in SEEDS:
        if name in SHARED_SEEDS:
            continue
        path = project / "seeds" / f"{name}.csv"
        columns, rows = read_seed(path)
        by_document: dict[str, list[dict[str, str]]] = {}
        for row in rows:
            document_id = row.get("document_id") or row.get("mention_id", "").rsplit("_", 1)[0]
            by_document.setdefault(document_id, []).append(row)
        added: list[dict[str, str]] = []
        for new_id, source_id in copies.items():
            for row in by_document.get(source_id, []):
                if not belongs(row, source_id):
                    continue
                copy = {column: _renamed(value, source_id, new_id) for column, value in row.items()}
                if not copy.get("fact_id", new_id).startswith(new_id):
                    continue  # a supporting quote of a shared fact
                if name == "documents":
                    text = (project / "corpus" / row["file_name"]).read_bytes()
                    if hashlib.sha256(text).hexdigest() != row["sha256"]:
                        raise ValueError(f"corpus/{row['file_name']} does not match its sha256")
                    copy["file_name"] = f"{new_id.removeprefix('doc_')}_synthetic_copy_of_{source_id}.txt"
                    (project / "corpus" / copy["file_name"]).write_bytes(text)
                    copy["title"] = f"SYNTHETIC TEST COPY of {source_id}: {row['title']}"
                added.append(copy)
        write_seed(path, columns, rows + added)


def remove_document(project: Path, document_id: str) -> None:
    """Remove a document's corpus file and every seed row that belongs to it."""
    for name in SEEDS:
        path = project / "seeds" / f"{name}.csv"
        columns, rows = read_seed(path)
        if name == "documents":
            (project / "corpus" / next(r for r in rows if r["document_id"] == document_id)["file_name"]).unlink()
        write_seed(path, columns, [row for row in rows if not belongs(row, document_id)])


def edit_row(project: Path, seed: str, key: str, **values: str) -> None:
    """Change columns of the row with key `key` in a seed."""
    path = project / "seeds" / f"{seed}.csv"
    columns, rows = read_seed(path)
    row = next(r for r in rows if r[SEEDS[seed].key] == key)
    row.update(values)
    write_seed(path, columns, rows)
