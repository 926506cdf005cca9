"""`militancy search "words"`: BM25 full-text search over the article passages, with the facts quoted from them.

The published warehouse stays plain (readable by any DuckDB 1.x client, no extension needed): the index is built
at search time in an in-memory DuckDB that attaches the warehouse read-only, copies `marts.document_passages`
and runs the fts extension's `create_fts_index` over it (English stemmer, stop words, accents stripped). The fts
extension comes from the `duckdb-extension-fts` wheel (offline; it loads only into the exact DuckDB version it
was built for, hence duckdb==1.5.5). At this size (about 800 passages) indexing takes well under a second; the
cost grows linearly with the text (see the closing note of issue 13 for the plan past ~100k passages: a
persisted index file beside the warehouse, rebuilt by `make build`).
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb


class SearchError(RuntimeError):
    pass


@dataclass
class Hit:
    rank: int
    score: float
    document_id: str
    title: str
    passage_number: int
    char_start: int
    char_end: int
    passage_text: str
    is_article_text: bool
    facts: list[dict[str, object]] = field(default_factory=list)


def fts_extension_path() -> Path:
    import duckdb_extension_fts

    version = duckdb.__version__
    base = Path(duckdb_extension_fts.__file__).parent / "extensions"
    candidates = sorted(base.glob(f"v{version}/*/fts.duckdb_extension")) + sorted(
        base.glob(f"v{version}/fts.duckdb_extension")
    )
    if not candidates:
        raise SearchError(f"no fts extension for DuckDB {version} under {base} (pin duckdb-extension-fts=={version})")
    return candidates[0]


def search(db_path: Path, words: str, limit: int = 10, include_excluded: bool = False) -> list[Hit]:
    if not words.strip():
        raise SearchError("give some words to search for")
    if not db_path.exists():
        raise SearchError(f"no warehouse at {db_path}; run `make build` first")
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"load '{fts_extension_path()}'")
        quoted = str(db_path.resolve()).replace("'", "''")
        con.execute(f"attach '{quoted}' as wh (read_only)")
        con.execute(
            """
            create table passages as
            select p.passage_id, p.document_id, d.title, p.passage_number, p.char_start, p.char_end,
                p.passage_text, p.is_article_text
            from wh.marts.document_passages as p
            inner join wh.marts.dim_documents as d on p.document_id = d.document_id
            where p.is_article_text or ?
            """,
            [include_excluded],
        )
        con.execute(
            "pragma create_fts_index('passages', 'passage_id', 'passage_text', stemmer='english', "
            "stopwords='english', strip_accents=1, lower=1, overwrite=1)"
        )
        rows = con.execute(
            """
            with scored as (
                select *, fts_main_passages.match_bm25(passage_id, ?) as score from passages
            )
            select document_id, title, passage_number, char_start, char_end, passage_text, is_article_text, score
            from scored where score is not null
            order by score desc, document_id, passage_number
            limit ?
            """,
            [words, limit],
        ).fetchall()
        hits = [Hit(i, round(r[7], 4), *r[:7]) for i, r in enumerate(rows, start=1)]
        for hit in hits:
            facts = con.execute(
                """
                select fact_type, fact_id, quote, char_start, char_end
                from wh.marts.fct_evidence
                where document_id = ? and char_start < ? and char_end > ?
                order by char_start, fact_type, fact_id
                """,
                [hit.document_id, hit.char_end, hit.char_start],
            ).fetchall()
            hit.facts = [
                dict(zip(("fact_type", "fact_id", "quote", "char_start", "char_end"), f, strict=True)) for f in facts
            ]
    except duckdb.Error as exc:
        raise SearchError(str(exc)) from exc
    finally:
        con.close()
    return hits


def format_hits(hits: list[Hit], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([asdict(h) for h in hits], ensure_ascii=False, indent=1) + "\n"
    if not hits:
        return "no matching passages\n"
    out = []
    for h in hits:
        out.append(
            f"{h.rank}. {h.document_id} ({h.title}) passage {h.passage_number}, chars {h.char_start}-{h.char_end}, "
            f"bm25 {h.score:.3f}" + ("" if h.is_article_text else " [not article text]")
        )
        out.extend(textwrap.wrap(" ".join(h.passage_text.split()), 100, initial_indent="   ", subsequent_indent="   "))
        by_quote: dict[tuple[object, object, str], list[str]] = {}
        for f in h.facts:
            key = (f["char_start"], f["char_end"], " ".join(str(f["quote"]).split()))
            by_quote.setdefault(key, []).append(f"{f['fact_type']} {f['fact_id']}")
        for (start, end, quote), facts in by_quote.items():
            out.append(f"   [{start}-{end}] {quote}")
            out.extend(
                textwrap.wrap(", ".join(facts), 100, initial_indent="      quoted by ", subsequent_indent="      ")
            )
        out.append("")
    return "\n".join(out)
