"""Propose links between dataset records and document event mentions with Splink (probabilistic record linkage
on DuckDB), for a curator to accept or reject in seeds/datasets/dataset_link_decisions.csv.

The model is a Fellegi-Sunter model with fixed, documented m and u probabilities (a handful of records cannot
train one): date intervals (same day, overlapping, within a month), place (same place entity, same country),
groups (sharing a resolved organization), event type (same type, same category) and killed figures (ranges that
overlap, within a factor of two). Each proposal carries the match probability and the evidence for it in words.
Records a curator already decided are not proposed again.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
from dataclasses import dataclass
from pathlib import Path

import duckdb

PROPOSALS_NAME = "link_proposals.csv"
DECISIONS_SEED = Path("seeds/datasets/dataset_link_decisions.csv")
DECISION_COLUMNS = ("dataset_format", "record_id", "event_id", "decision", "match_probability", "reason", "decided_on")
PROPOSAL_COLUMNS = (
    "dataset_format",
    "record_id",
    "event_id",
    "mention_id",
    "match_probability",
    "match_weight",
    "date_evidence",
    "place_evidence",
    "group_evidence",
    "type_evidence",
    "figure_evidence",
)
PRIOR = 0.01  # probability that a dataset record and a document mention in the same country or year match

_SIDE_SQL = """
select
    mentions.mention_id as unique_id,
    mentions.event_id,
    mentions.dataset_format,
    mentions.record_id,
    mentions.date_start,
    mentions.date_end,
    cast(year(mentions.date_start) as integer) as event_year,
    mentions.country_id,
    mentions.location_id,
    mentions.event_type,
    event_types.category as event_category,
    mentions.killed_low,
    mentions.killed_high,
    groups.group_ids
from intermediate.int_event_mentions_unioned as mentions
left join staging.stg_curation__event_types as event_types on mentions.event_type = event_types.event_type
left join (
    select actors.mention_id, list(distinct actors.entity_id order by actors.entity_id) as group_ids
    from intermediate.int_event_actors_unioned as actors
    inner join staging.stg_curation__entities as entities on actors.entity_id = entities.entity_id
    where entities.entity_type = 'organization' and actors.role in ('perpetrator', 'claimant', 'other')
    group by actors.mention_id
) as groups on mentions.mention_id = groups.mention_id
where mentions.source_kind = ?
"""


def _level(sql: str, label: str, m: float | None = None, u: float | None = None, null: bool = False) -> dict:
    level: dict = {"sql_condition": sql, "label_for_charts": label}
    if null:
        level["is_null_level"] = True
    else:
        level["m_probability"] = m
        level["u_probability"] = u
    return level


def _comparisons() -> list:
    import splink.comparison_library as cl

    gap = "date_diff('day', least(date_end_l, date_end_r), greatest(date_start_l, date_start_r))"
    return [
        cl.CustomComparison(
            output_column_name="date",
            comparison_levels=[
                _level("date_start_l is null or date_start_r is null", "a date unknown", null=True),
                _level(
                    "date_start_l = date_end_l and date_start_r = date_end_r and date_start_l = date_start_r",
                    "same day",
                    0.55,
                    0.001,
                ),
                _level("date_start_l <= date_end_r and date_start_r <= date_end_l", "intervals overlap", 0.38, 0.02),
                _level(f"{gap} <= 31", "within a month", 0.05, 0.03),
                _level("else", "further apart", 0.02, 0.949),
            ],
        ),
        cl.CustomComparison(
            output_column_name="place",
            comparison_levels=[
                _level("country_id_l is null or country_id_r is null", "a country unknown", null=True),
                _level("location_id_l = location_id_r", "same place", 0.6, 0.02),
                _level("country_id_l = country_id_r", "same country", 0.38, 0.3),
                _level("else", "different countries", 0.02, 0.68),
            ],
        ),
        cl.CustomComparison(
            output_column_name="groups",
            comparison_levels=[
                _level(
                    "group_ids_l is null or group_ids_r is null or len(group_ids_l) = 0 or len(group_ids_r) = 0",
                    "groups unknown",
                    null=True,
                ),
                _level("list_has_any(group_ids_l, group_ids_r)", "a group in common", 0.85, 0.05),
                _level("else", "no group in common", 0.15, 0.95),
            ],
        ),
        cl.CustomComparison(
            output_column_name="type",
            comparison_levels=[
                _level("event_type_l is null or event_type_r is null", "a type unknown", null=True),
                _level("event_type_l = event_type_r", "same event type", 0.6, 0.1),
                _level("event_category_l = event_category_r", "same category", 0.3, 0.3),
                _level("else", "different categories", 0.1, 0.6),
            ],
        ),
        cl.CustomComparison(
            output_column_name="killed",
            comparison_levels=[
                _level("killed_low_l is null or killed_low_r is null", "a figure unknown", null=True),
                _level(
                    "killed_low_l <= coalesce(killed_high_r, killed_low_r) "
                    "and killed_low_r <= coalesce(killed_high_l, killed_low_l)",
                    "killed figures overlap",
                    0.7,
                    0.1,
                ),
                _level(
                    "killed_low_l <= 2 * coalesce(killed_high_r, killed_low_r) + 1 "
                    "and killed_low_r <= 2 * coalesce(killed_high_l, killed_low_l) + 1",
                    "killed within a factor of two",
                    0.2,
                    0.2,
                ),
                _level("else", "killed figures disagree", 0.1, 0.7),
            ],
        ),
    ]


@dataclass(frozen=True)
class Proposal:
    dataset_format: str
    record_id: str
    event_id: str
    mention_id: str
    match_probability: float
    match_weight: float
    date_evidence: str
    place_evidence: str
    group_evidence: str
    type_evidence: str
    figure_evidence: str


def _decided(project_dir: Path) -> set[tuple[str, str]]:
    with (project_dir / DECISIONS_SEED).open(encoding="utf-8", newline="") as handle:
        return {(r["dataset_format"], r["record_id"]) for r in csv.DictReader(handle)}


def propose(db_path: Path, project_dir: Path, threshold: float = 0.5) -> list[Proposal]:
    """Score every (dataset record, document mention) pair in the same country or year; keep, per record and
    corpus event, the best pair at or above `threshold`. Reads the published warehouse read-only."""
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    with duckdb.connect(str(db_path), read_only=True) as warehouse:
        records = warehouse.execute(_SIDE_SQL, ["dataset"]).to_arrow_table()
        mentions = warehouse.execute(_SIDE_SQL, ["document"]).to_arrow_table()
    decided = _decided(project_dir)
    con = duckdb.connect()
    con.register("records_all", records)
    con.register("mentions_all", mentions)
    con.execute("create table records as select * from records_all")
    con.execute("create table mentions as select * from mentions_all")
    if decided:
        con.execute("create temp table decided (dataset_format varchar, record_id varchar)")
        con.executemany("insert into decided values (?, ?)", sorted(decided))
        con.execute(
            "delete from records where (dataset_format, record_id) in (select (dataset_format, record_id) from decided)"
        )
    if not con.execute("select count(*) from records").fetchone()[0]:
        return []
    logging.getLogger("splink").setLevel(logging.WARNING)
    db_api = DuckDBAPI(connection=con)
    settings = SettingsCreator(
        link_type="link_only",
        comparisons=_comparisons(),
        blocking_rules_to_generate_predictions=[block_on("country_id"), block_on("event_year")],
        probability_two_random_records_match=PRIOR,
        additional_columns_to_retain=["event_id", "dataset_format", "record_id"],
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker([db_api.register(con.table("records")), db_api.register(con.table("mentions"))], settings)
    predictions = linker.inference.predict(threshold_match_probability=threshold).as_duckdbpyrelation()
    con.register("predictions", predictions)
    rows = con.execute(
        """
        with pairs as (
            select
                coalesce(p.dataset_format_l, p.dataset_format_r) as dataset_format,
                coalesce(p.record_id_l, p.record_id_r) as record_id,
                case when p.record_id_l is not null then p.unique_id_l else p.unique_id_r end as record_uid,
                case when p.record_id_l is not null then p.unique_id_r else p.unique_id_l end as mention_uid,
                p.match_probability,
                p.match_weight
            from predictions as p
        ),
        described as (
            select
                pairs.dataset_format,
                pairs.record_id,
                m.event_id,
                m.unique_id as mention_id,
                pairs.match_probability,
                pairs.match_weight,
                concat(r.date_start, '..', r.date_end, ' vs ', m.date_start, '..', m.date_end) as date_evidence,
                concat(coalesce(r.location_id, r.country_id, '?'), ' vs ', coalesce(m.location_id, m.country_id, '?'))
                    as place_evidence,
                concat(
                    coalesce(array_to_string(r.group_ids, ' '), '?'), ' vs ',
                    coalesce(array_to_string(m.group_ids, ' '), '?')
                ) as group_evidence,
                concat(r.event_type, ' vs ', m.event_type) as type_evidence,
                concat(
                    coalesce(cast(r.killed_low as varchar), '?'), '-', coalesce(cast(r.killed_high as varchar), '?'),
                    ' vs ',
                    coalesce(cast(m.killed_low as varchar), '?'), '-', coalesce(cast(m.killed_high as varchar), '?')
                ) as figure_evidence,
                row_number() over (
                    partition by pairs.dataset_format, pairs.record_id, m.event_id
                    order by pairs.match_probability desc, m.unique_id
                ) as pair_rank
            from pairs
            inner join records as r on pairs.record_uid = r.unique_id
            inner join mentions as m on pairs.mention_uid = m.unique_id
        )
        select * exclude (pair_rank) from described
        where pair_rank = 1
        order by dataset_format, record_id, match_probability desc, event_id
        """
    ).fetchall()
    con.close()
    return [
        Proposal(*row[:4], round(float(row[4]), 6), round(float(row[5]), 3), *row[6:])  # type: ignore[arg-type]
        for row in rows
    ]


def write_proposals(proposals: list[Proposal], path: Path) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(PROPOSAL_COLUMNS)
    for p in proposals:
        writer.writerow([getattr(p, c) for c in PROPOSAL_COLUMNS])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(out.getvalue(), encoding="utf-8")


def record_decision(
    project_dir: Path,
    dataset_format: str,
    record_id: str,
    event_id: str,
    decision: str,
    reason: str,
    match_probability: float | None = None,
) -> None:
    """Append one curated decision to the seed (a record decided twice is refused: edit the row instead)."""
    if decision not in ("accept", "reject"):
        raise ValueError(f"decision must be accept or reject, not {decision!r}")
    if not reason.strip():
        raise ValueError("a decision needs its reason")
    path = project_dir / DECISIONS_SEED
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for line, row in enumerate(rows, start=2):
        same = (row["dataset_format"], row["record_id"], row["event_id"]) == (dataset_format, record_id, event_id)
        accepted = row["decision"] == "accept" and (row["dataset_format"], row["record_id"]) == (
            dataset_format,
            record_id,
        )
        if same or (decision == "accept" and accepted):
            raise ValueError(f"{path} line {line} already decides {dataset_format} {record_id}: edit that row")
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(
            [
                dataset_format,
                record_id,
                event_id,
                decision,
                "" if match_probability is None else f"{match_probability:.6f}",
                reason,
                dt.date.today().isoformat(),
            ]
        )
