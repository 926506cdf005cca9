"""Publishing commands: release, changelog, synth."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from militancy import build as builder
from militancy.cli.arguments import from_parser, whole_number
from militancy.project import project_root
from militancy.validate import SeedError


def cmd_release(args: argparse.Namespace) -> int:
    from militancy.release import ReleaseError, make_release

    try:
        make_release(
            project_root(),
            args.version,
            force=args.force,
            date=args.date,
            license_id=args.license,
            include_licensed_datasets=args.include_licensed_datasets,
        )
    except (ReleaseError, SeedError, builder.BuildError) as exc:
        print(f"militancy release: {exc}\nNo release was written.", file=sys.stderr)
        return 1
    return 0


def cmd_changelog(args: argparse.Namespace) -> int:
    from militancy.release import ReleaseError, changelog_between

    try:
        log = changelog_between(project_root(), args.old, args.new)
    except ReleaseError as exc:
        print(f"militancy changelog: {exc}", file=sys.stderr)
        return 1
    if args.out:
        from militancy.changelog import write_changelog

        for path in write_changelog(log, Path(args.out), stem="CHANGELOG"):
            print(f"Written: {path}")
    else:
        print(log.to_markdown(), end="")
    return 0


def _mentions(text: str) -> int:
    from militancy import synth

    return synth.parse_size(text)


def cmd_synth(args: argparse.Namespace) -> int:
    from militancy import synth

    out = Path(args.out)
    counts = synth.generate(out, args.mentions, args.seed)
    print(f"wrote a synthetic project to {out}:")
    for name, value in counts.items():
        print(f"  {name:<10} {value:>10,}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the parsers of: release, changelog, synth."""
    r = sub.add_parser("release", help="write a citable release to releases/VERSION")
    r.add_argument("version", help="semantic version, e.g. 0.3.0 (bumped as docs/releases.md says)")
    r.add_argument("--force", action="store_true", help="release even if VERSION is bumped less than the rule asks")
    r.add_argument("--date", help="date-released (YYYY-MM-DD; default $SOURCE_DATE_EPOCH or today, UTC)")
    r.add_argument("--license", help="SPDX id of the data licence for CITATION.cff (default: none claimed)")
    r.add_argument(
        "--include-licensed-datasets",
        action="store_true",
        help="also build with the GTD / ACLED files (their licences forbid redistribution): a private release, "
        "marked by NOTICE.txt",
    )
    r.set_defaults(func=cmd_release)
    c = sub.add_parser("changelog", help="facts added, removed and changed between two versions")
    c.add_argument("old", help="a release version (releases/OLD) or release folder")
    c.add_argument("new", nargs="?", help="a release version or folder (default: the current published build)")
    c.add_argument("--out", help="write CHANGELOG.md and changelog.csv into this folder instead of printing")
    c.set_defaults(func=cmd_changelog)
    y = sub.add_parser("synth", help="write a synthetic project of N mentions for scale tests (docs/performance.md)")
    y.add_argument("--mentions", required=True, type=from_parser(_mentions), help="e.g. 2k, 100k, 1M, 10M")
    y.add_argument("--seed", type=whole_number(0), default=1, help="same seed and size, same bytes")
    y.add_argument("--out", required=True, help="a new (or empty) folder")
    y.set_defaults(func=cmd_synth)
