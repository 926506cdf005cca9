"""`militancy`: build, test, document and query the warehouse.

militancy build                 validate seeds, build + test into a new file, publish it atomically
                                (only changed documents are recomputed; --full-refresh builds from nothing)
militancy test [--fast]         every check: generated files, ruff, sqlfluff, build, docs, metadata, pytest
                                (--fast: generated files, ruff and the pure-Python tests, under a minute)
militancy spark-test [--keep D] build one snapshot on DuckDB and on Spark local, compare every public mart
militancy validate              check the seed CSVs only (file, line and column of every problem)
militancy query "SQL"           run one read statement against the published warehouse in a sandbox
                                (--format table|csv|json, --file F or - for stdin, --analysis NAME --var k=v)
militancy docs                  write the static dbt docs site to site/docs.html
militancy serve-docs            serve site/ on http://127.0.0.1:8080
militancy report                write the static HTML report to site/report.html
militancy gen-yml [--check]     regenerate (or check) the YAML derived from the seed schema
militancy doc-info FILE         sha256 and character count of a corpus file, for documents.csv
militancy ingest PATH...        add .txt/.html/.pdf files to corpus/ and propose their rows in review/<doc_id>/
militancy annotate DOC          candidate seed rows with quotes and offsets in review/<doc_id>/
militancy accept DOC            move the kept review rows into seeds/ and validate (seeds restored on failure)
militancy search "words"        BM25 full-text search over article text: passages, offsets, facts quoted
militancy release VERSION       build, test and write the citable release releases/VERSION/ (docs/releases.md)
militancy changelog OLD [NEW]   facts added, removed and changed between two releases (or a release and the build)
militancy synth --mentions N --out DIR   a synthetic project of N mentions (1M, 10M ...) for scale tests
militancy datasets ...          register, check and link UCDP GED / GTD / ACLED files (`militancy datasets -h`)

Every failure is a message and exit code 1; `militancy --debug ...` shows the traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from militancy import build as builder
from militancy.cli import datasets, documents, query, releases, warehouse

# Each command group registers its own parsers (one module per group; docs: CONTRIBUTING.md, "A command").
GROUPS = (warehouse, query, documents, releases, datasets)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="militancy", description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    for group in GROUPS:
        group.register(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    args = parser().parse_args([a for a in argv if a != "--debug"])
    args.debug = debug
    try:
        return int(args.func(args))
    except (KeyboardInterrupt, builder.Interrupted) as exc:
        if args.debug:
            raise
        reason = str(exc) if isinstance(exc, builder.Interrupted) else "interrupted"
        print(f"militancy {args.command}: {reason}", file=sys.stderr)
        return 1
    except Exception as exc:
        if args.debug:
            raise
        message = " ".join(str(exc).split()) or type(exc).__name__
        print(f"militancy {args.command}: {message[:1000]} (run with --debug for the traceback)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
