"""Precision and recall of `militancy annotate` against the curated seeds, leave-one-document-out.

Each curated document is annotated with a dictionary that leaves out every alias (and canonical name) first
seen in that document, as if it were new, and without a document date unless the seeds give a day-precise
published_date (none of the five does, so relative dates stay unresolved here). Kinds compared:

- entities: (entity_id, alias as written) pairs against the document's entity_aliases rows;
- events: candidate event sentences against the curated event mentions' quotes (and their supporting quotes):
  a candidate counts when it overlaps one; a mention is found when a candidate overlaps it;
- dates: the date expressions on candidate events against the curated mentions' date_text (located inside
  their quote); `agree` = matched pairs with the same interval (date_start, date_end);
- quantities: figures on candidate events and estimates against curated *_text figures of mentions and
  membership estimates; `agree` = matched pairs with the same (low, high);
- actors: (entity, overlapping sentence) for perpetrator/claimant/commander candidates against curated event
  actors in those roles; `agree` = matched pairs with the same attribution level.

Run: .venv/bin/python benchmarks/annotate_quality.py  (about 10 s; reads seeds/ and corpus/ only)
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

from militancy.annotate import annotate, base_date, load_dictionary
from militancy.seed_schema import COUNT_NAMES

ROOT = Path(__file__).resolve().parents[1]
ACTOR_ROLES = ("perpetrator", "claimant", "commander")


def read(name: str) -> list[dict[str, str]]:
    with (ROOT / "seeds" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def span_in(text: str, quote: str, part: str, base: int | None = None) -> tuple[int, int] | None:
    """Offsets of `part` inside the first occurrence of `quote` in `text` (or at `base`)."""
    start = text.find(quote) if base is None else base
    if start < 0 or not part:
        return None
    inner = quote.find(part)
    return (start + inner, start + inner + len(part)) if inner >= 0 else None


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(gold: list, pred: list, same) -> tuple[int, int, float | None, float | None]:  # type: ignore[no-untyped-def]
    p = sum(any(same(g, x) for g in gold) for x in pred)
    r = sum(any(same(g, x) for x in pred) for g in gold)
    return len(gold), len(pred), (p / len(pred) if pred else None), (r / len(gold) if gold else None)


def agreement(gold: list, pred: list, same, value) -> float | None:  # type: ignore[no-untyped-def]
    pairs = [(g, x) for x in pred for g in gold if same(g, x)]
    return sum(value(g) == value(x) for g, x in pairs) / len(pairs) if pairs else None


def evaluate(document: dict[str, str]) -> dict[str, tuple]:
    doc = document["document_id"]
    text = (ROOT / "corpus" / document["file_name"]).read_text(encoding="utf-8")
    out = annotate(ROOT, doc, load_dictionary(ROOT, leave_out_document=doc), base_date(document))
    rows = out.rows
    results = {}

    gold_alias = {(r["entity_id"], r["alias"]) for r in read("entity_aliases") if r["document_id"] == doc}
    pred_alias = {(r["entity_id"], r["alias"]) for r in rows["entity_aliases"]}
    results["entities"] = (*score(list(gold_alias), list(pred_alias), lambda g, x: g == x), None)

    mentions = [r for r in read("event_mentions") if r["document_id"] == doc]
    supporting = [r for r in read("supporting_quotes") if r["document_id"] == doc and r["fact_type"] == "event_mention"]
    gold_events = []
    for m in mentions:
        spans = [
            span_in(text, q, q)
            for q in [m["quote"]] + [s["quote"] for s in supporting if s["fact_id"] == m["mention_id"]]
        ]
        gold_events.append([s for s in spans if s])
    pred_events = [(int(r["review_char_start"]), int(r["review_char_end"])) for r in rows["event_mentions"]]
    results["events"] = (*score(gold_events, pred_events, lambda g, x: any(overlaps(s, x) for s in g)), None)

    def dated(rows_: list[dict[str, str]], offset_key: str | None) -> list[tuple]:
        found = []
        for r in rows_:
            base = int(r[offset_key]) if offset_key else None
            span = span_in(text, r["quote"], r["date_text"], base)
            if span:
                found.append((span, (r["date_start"], r["date_end"])))
        return found

    gold_dates, pred_dates = dated(mentions, None), dated(rows["event_mentions"], "review_char_start")
    same_span = lambda g, x: overlaps(g[0], x[0])  # noqa: E731
    results["dates"] = (
        *score(gold_dates, pred_dates, same_span),
        agreement(gold_dates, pred_dates, same_span, lambda v: v[1]),
    )

    def figures(rows_: list[dict[str, str]], offset_key: str | None) -> list[tuple]:
        found = []
        for r in rows_:
            base = int(r[offset_key]) if offset_key else None
            prefixes = COUNT_NAMES if "killed_text" in r else ("estimate",)
            for prefix in prefixes:
                span = span_in(text, r["quote"], r[f"{prefix}_text"], base)
                if span:
                    found.append((span, (r[f"{prefix}_low"], r[f"{prefix}_high"])))
        return found

    estimates = [r for r in read("membership_estimates") if r["document_id"] == doc]
    gold_q = figures(mentions, None) + figures(estimates, None)
    pred_rows = rows["event_mentions"] + [
        {**r, "review_char_start": str(text.find(r["quote"]))} for r in rows["membership_estimates"]
    ]
    pred_q = figures(pred_rows, "review_char_start")
    results["quantities"] = (*score(gold_q, pred_q, same_span), agreement(gold_q, pred_q, same_span, lambda v: v[1]))

    mention_ids = {m["mention_id"] for m in mentions}
    gold_actors = [
        (r["entity_id"], span_in(text, r["quote"], r["quote"]), r["attribution"])
        for r in read("event_actors")
        if r["mention_id"] in mention_ids and r["role"] in ACTOR_ROLES and text.find(r["quote"]) >= 0
    ]
    pred_actors = [
        (r["entity_id"], (int(r["review_char_start"]), int(r["review_char_end"])), r["attribution"])
        for r in rows["event_actors"]
        if r["role"] in ACTOR_ROLES
    ]
    same_actor = lambda g, x: g[0] == x[0] and overlaps(g[1], x[1])  # noqa: E731
    results["actors"] = (
        *score(gold_actors, pred_actors, same_actor),
        agreement(gold_actors, pred_actors, same_actor, lambda v: v[2]),
    )
    return results


def pct(value: float | None) -> str:
    return "   -" if value is None else f"{value * 100:4.0f}"


def main() -> int:
    print(f"{'document':<9} {'kind':<11} {'gold':>5} {'cand':>5} {'P%':>4} {'R%':>4} {'agree%':>6}")
    totals: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0.0, 0.0])
    for document in read("documents"):
        for kind, (n_gold, n_pred, p, r, agree) in evaluate(document).items():
            print(f"{document['document_id']:<9} {kind:<11} {n_gold:>5} {n_pred:>5} {pct(p)} {pct(r)} {pct(agree):>6}")
            t = totals[kind]
            t[0] += n_gold
            t[1] += n_pred
            t[2] += (p or 0) * n_pred
            t[3] += (r or 0) * n_gold
    for kind, (n_gold, n_pred, tp_p, tp_r) in totals.items():
        p = tp_p / n_pred if n_pred else None
        r = tp_r / n_gold if n_gold else None
        print(f"{'all':<9} {kind:<11} {n_gold:>5.0f} {n_pred:>5.0f} {pct(p)} {pct(r)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
