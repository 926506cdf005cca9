"""`militancy datasets ...`: bring UCDP GED, GTD and ACLED downloads into the warehouse.

militancy datasets add PATH --format ucdp-ged|gtd|acled [--release R] [--replace] [--strict]
                                      check the file (CSV or XLSX; the variant is detected from its header)
                                      and register a UTF-8 copy in datasets/<format>/
militancy datasets list              the registered files (release, rows, checksums, licence note)
militancy datasets check             re-check every registered file (also done before every build)
militancy datasets remove ID         unregister a file and delete its stored copy
militancy datasets link [--threshold P] [--target dev|spark]
                                      propose record <-> document-mention links (Splink) to datasets/link_proposals.csv
                                      (spark: from the Spark build, linked by Splink's Spark backend)
militancy datasets decide FORMAT RECORD_ID EVENT_ID accept|reject --reason TEXT
                                      record a curated link decision in seeds/datasets/dataset_link_decisions.csv
militancy datasets gazetteer [--check]
                                      (re)write seeds/datasets/place_coordinates.csv from the offline gazetteer
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from militancy.datasets import registry as datasets
from militancy.project import project_root
from militancy.readonly import format_rows


def _root() -> Path:
    return project_root()


def cmd_add(args: argparse.Namespace) -> int:
    root = _root()
    try:
        entry = datasets.add(
            root, Path(args.path), args.format, release=args.release, replace=args.replace, strict=args.strict
        )
    except datasets.AlreadyRegistered as exc:
        print(f"militancy datasets add: {exc.problems[0].message}. Nothing was registered.")
        return 0
    except datasets.DatasetError as exc:
        print(f"militancy datasets add: {exc}\nNothing was registered.", file=sys.stderr)
        return 1
    print(f"Registered {entry.dataset_id}: {entry.row_count} records ({entry.layout_version})")
    print(f"  detected: {entry.variant}")
    print(f"  stored as datasets/{entry.file_name} (UTF-8, with header; original {entry.original_encoding})")
    print(f"  original sha256 {entry.original_sha256}\n  stored   sha256 {entry.sha256}")
    if entry.warnings:
        rules = {r.rule_id: r for r in datasets.FORMATS[entry.format].warnings}
        print("  loaded with the publisher's inconsistencies flagged (see marts.fct_dataset_warnings):")
        for part in entry.warnings.split("; "):
            rule_id, count = part.rsplit(" ", 1)
            print(f"    {count} record(s) {rule_id}: {rules[rule_id].description}")
        print("  (--strict refuses such a file instead)")
    print(f"  licence: {entry.licence_note}")
    print("Run `make build` to load it.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    entries = datasets.read_registry(_root())
    if not entries:
        print("No dataset registered. Add one with: militancy datasets add PATH --format ucdp-ged|gtd|acled")
        return 0
    columns = ["dataset_id", "format", "release", "row_count", "variant", "warnings", "original_name", "sha256"]
    rows = [tuple(getattr(e, c) for c in columns) for e in entries]
    print(format_rows(columns, rows, args.output), end="")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    try:
        entries = datasets.check_registered(_root())
    except datasets.DatasetError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"{len(entries)} registered dataset file(s) ok")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    try:
        entry = datasets.remove(_root(), args.dataset_id)
    except datasets.DatasetError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Removed {entry.dataset_id} (datasets/{entry.file_name})")
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    from militancy import build as builder
    from militancy.datasets import linking as dataset_linking

    root = _root()
    if args.target == "spark":  # the tables `dbt build --target spark` wrote, linked by Splink's Spark backend
        try:
            proposals = dataset_linking.propose_on_spark(root, threshold=args.threshold)
        except RuntimeError as exc:
            print(f"militancy datasets link: {exc}", file=sys.stderr)
            return 1
    else:
        db = Path(args.db) if args.db else builder.db_path_from_env(root)
        if not db.exists():
            print(f"militancy datasets link: no warehouse at {db}; run `make build` first", file=sys.stderr)
            return 1
        proposals = dataset_linking.propose(db, root, threshold=args.threshold)
    out = datasets.datasets_dir(root) / dataset_linking.PROPOSALS_NAME
    dataset_linking.write_proposals(proposals, out)
    print(f"{len(proposals)} proposal(s) at match probability >= {args.threshold} written to {out}")
    for p in proposals[:20]:
        print(f"  {p.match_probability:.3f}  {p.dataset_format} {p.record_id} -> {p.event_id}")
    print("Decide each with: militancy datasets decide FORMAT RECORD_ID EVENT_ID accept|reject --reason '...'")
    return 0


def _proposed_probability(root: Path, args: argparse.Namespace) -> float | None:
    from militancy.datasets import linking as dataset_linking

    path = datasets.datasets_dir(root) / dataset_linking.PROPOSALS_NAME
    if not path.exists():
        return None
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if (row["dataset_format"], row["record_id"], row["event_id"]) == (
                args.format,
                args.record_id,
                args.event_id,
            ):
                return float(row["match_probability"])
    return None


def cmd_decide(args: argparse.Namespace) -> int:
    from militancy.datasets import linking as dataset_linking

    root = _root()
    try:
        dataset_linking.record_decision(
            root,
            args.format,
            args.record_id,
            args.event_id,
            args.decision,
            args.reason,
            _proposed_probability(root, args),
        )
    except ValueError as exc:
        print(f"militancy datasets decide: {exc}", file=sys.stderr)
        return 1
    print(f"Recorded: {args.decision} {args.format} {args.record_id} -> {args.event_id}. Run `make build`.")
    return 0


def cmd_gazetteer(args: argparse.Namespace) -> int:
    from militancy.datasets import gazetteer

    current = gazetteer.write_seed(_root(), check=args.check)
    if args.check and not current:
        print(f"{gazetteer.SEED} is out of date: run `militancy datasets gazetteer`", file=sys.stderr)
        return 1
    print(f"{gazetteer.SEED} {'is up to date' if current else 'written'}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `datasets` command group to the main parser."""
    p = sub.add_parser("datasets", help="register and link UCDP GED / GTD / ACLED files", description=__doc__)
    p.formatter_class = argparse.RawTextHelpFormatter
    group = p.add_subparsers(dest="datasets_command", required=True)
    a = group.add_parser("add", help="check and register a dataset file")
    a.add_argument("path")
    a.add_argument("--format", required=True, choices=sorted(datasets.FORMATS))
    a.add_argument("--release", help="release name (default: the file name without extension)")
    a.add_argument("--replace", action="store_true", help="replace a file registered under the same id")
    a.add_argument(
        "--strict",
        action="store_true",
        help="refuse records the publisher ships inconsistent (GED low > best, ...) instead of loading them flagged",
    )
    a.set_defaults(func=cmd_add)
    li = group.add_parser("list", help="list the registered files")
    li.add_argument("--output", choices=("table", "csv", "json"), default="table")
    li.set_defaults(func=cmd_list)
    group.add_parser("check", help="re-check every registered file").set_defaults(func=cmd_check)
    r = group.add_parser("remove", help="unregister a file")
    r.add_argument("dataset_id")
    r.set_defaults(func=cmd_remove)
    lk = group.add_parser("link", help="propose links to corpus events (Splink)")
    lk.add_argument("--threshold", type=float, default=0.5, help="lowest match probability proposed")
    lk.add_argument("--db", help="warehouse file (default: the published one)")
    lk.add_argument(
        "--target",
        choices=("dev", "spark"),
        default="dev",
        help="dev: the DuckDB warehouse, linked on DuckDB; spark: the Spark warehouse of `dbt build --target spark`"
        " (MILITANCY_SPARK_DIR, default warehouse/spark), linked on Spark (same model)",
    )
    lk.set_defaults(func=cmd_link)
    d = group.add_parser("decide", help="accept or reject a proposed link")
    d.add_argument("format", choices=sorted(datasets.FORMATS))
    d.add_argument("record_id")
    d.add_argument("event_id")
    d.add_argument("decision", choices=("accept", "reject"))
    d.add_argument("--reason", required=True)
    d.set_defaults(func=cmd_decide)
    g = group.add_parser("gazetteer", help="write the place coordinates seed")
    g.add_argument("--check", action="store_true")
    g.set_defaults(func=cmd_gazetteer)
