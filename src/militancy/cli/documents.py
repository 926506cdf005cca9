"""Curation commands: ingest, annotate, accept."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from militancy.project import project_root
from militancy.validate import SeedError


def cmd_ingest(args: argparse.Namespace) -> int:
    from militancy.ingest import IngestError, ingest

    try:
        done = ingest(project_root(), [Path(p) for p in args.paths])
    except IngestError as exc:
        print(f"militancy ingest: refused: {exc}", file=sys.stderr)
        return 1
    for item in done:
        print(
            f"{item.document_id}: corpus/{item.corpus_file.name} ({item.char_count} characters); review the "
            f"proposed rows in {item.review_dir}/, then `militancy annotate {item.document_id}`"
        )
    return 0


def cmd_annotate(args: argparse.Namespace) -> int:
    from militancy.annotate import AnnotateError, annotate, write_candidates

    root = project_root()
    try:
        candidates = annotate(root, args.doc)
        folder = write_candidates(root, candidates, force=args.force)
    except AnnotateError as exc:
        print(f"militancy annotate: {exc}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(rows)} {name}" for name, rows in candidates.rows.items())
    print(
        f"{args.doc}: {counts or 'no candidates'}; {len(candidates.dates)} dates, "
        f"{len(candidates.quantities)} quantities -> {folder}/"
    )
    print(f"Set review_decision to keep or drop on every row (edit what needs it), then `militancy accept {args.doc}`.")
    return 0


def cmd_accept(args: argparse.Namespace) -> int:
    from militancy.accept import accept

    try:
        counts = accept(project_root(), args.doc)
    except SeedError as exc:
        print(f"militancy accept: {exc}\nseeds/ is unchanged.", file=sys.stderr)
        return 1
    print(f"{args.doc}: accepted " + ", ".join(f"{n} {name}" for name, n in counts.items()) + "; seeds valid.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the parsers of: ingest, annotate, accept."""
    i = sub.add_parser("ingest", help="add files to corpus/ and propose their documents rows")
    i.add_argument("paths", nargs="+")
    i.set_defaults(func=cmd_ingest)
    a = sub.add_parser("annotate", help="write candidate seed rows for a document to review/")
    a.add_argument("doc", help="document id, e.g. doc_005")
    a.add_argument("--force", action="store_true", help="overwrite existing candidate files")
    a.set_defaults(func=cmd_annotate)
    c = sub.add_parser("accept", help="move reviewed rows into seeds/ and validate")
    c.add_argument("doc")
    c.set_defaults(func=cmd_accept)
