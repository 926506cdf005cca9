"""Propose links between dataset records and document event mentions with Splink (probabilistic record linkage
on DuckDB), for a curator to accept or reject in seeds/datasets/dataset_link_decisions.csv.

The model is a Fellegi-Sunter model with fixed, documented m and u probabilities (a handful of records cannot
train one): date intervals (same day, overlapping, within a month), place (same place entity; within 25 or 100 km
by coordinates; same country by ISO code; different countries), groups (sharing a resolved organization), event
type (same type, same category) and killed figures (ranges that overlap, within a factor of two). Pairs are
blocked by country (ISO 3166-1 alpha-3: a dataset record's own country, a document place's country), and by year
only where a side's country is unknown: a record in the Central African Republic is never compared with an event
in Tajikistan. Each proposal carries the match probability and the evidence for it in words. Records a curator
already decided are not proposed again.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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

DIALECTS = ("duckdb", "spark")
# The few spellings the two engines do not share; everything else in the model is the same SQL on both.
_SPELLING = {
    "duckdb": {
        "groups": "list(distinct actors.entity_id order by actors.entity_id)",
        "size": "len",
        "overlap": "list_has_any",
    },
    "spark": {
        "groups": "array_sort(collect_set(actors.entity_id))",
        "size": "size",
        "overlap": "arrays_overlap",
    },
}

_SIDE_SQL = """
select
    mentions.mention_id as unique_id,
    mentions.event_id,
    mentions.dataset_format,
    mentions.record_id,
    mentions.date_start,
    mentions.date_end,
    cast(year(mentions.date_start) as integer) as event_year,
    coalesce(records.country_iso3, countries.iso3) as country_iso3,
    mentions.location_id,
    coalesce(records.latitude, coordinates.latitude) as latitude,
    coalesce(records.longitude, coordinates.longitude) as longitude,
    mentions.event_type,
    event_types.category as event_category,
    mentions.killed_low,
    mentions.killed_high,
    groups.group_ids
from {source}intermediate.int_event_mentions_unioned as mentions
left join {source}staging.stg_curation__event_types as event_types on mentions.event_type = event_types.event_type
left join {source}intermediate.int_dataset_records_unioned as records on mentions.mention_id = records.dataset_record_id
left join {source}marts.dim_countries as countries on mentions.country_id = countries.place_id
left join {source}staging.stg_datasets__place_coordinates as coordinates on mentions.location_id = coordinates.place_id
left join (
    select actors.mention_id, {groups} as group_ids
    from {source}intermediate.int_event_actors_unioned as actors
    inner join {source}staging.stg_curation__entities as entities on actors.entity_id = entities.entity_id
    where entities.entity_type = 'organization' and actors.role in ('perpetrator', 'claimant', 'other')
    group by actors.mention_id
) as groups on mentions.mention_id = groups.mention_id
where mentions.source_kind = '{kind}'
"""
# Compared and described columns of each side (Splink keeps them in its predictions as <column>_l / <column>_r).
SIDE_COLUMNS = (
    "unique_id",
    "event_id",
    "dataset_format",
    "record_id",
    "date_start",
    "date_end",
    "event_year",
    "country_iso3",
    "location_id",
    "latitude",
    "longitude",
    "event_type",
    "event_category",
    "killed_low",
    "killed_high",
    "group_ids",
)


def side_sql(dialect: str, kind: str, catalog: str | None = None) -> str:
    """The dataset records (kind 'dataset') or document mentions (kind 'document') of the built warehouse, in the
    SQL of `dialect`, its tables in `catalog` (DuckDB: the attached warehouse) or the current one."""
    source = f'"{catalog}".' if catalog else ""
    return _SIDE_SQL.format(source=source, groups=_SPELLING[dialect]["groups"], kind=kind)


def _level(sql: str, label: str, m: float | None = None, u: float | None = None, null: bool = False) -> dict:
    level: dict = {"sql_condition": sql, "label_for_charts": label}
    if null:
        level["is_null_level"] = True
    else:
        level["m_probability"] = m
        level["u_probability"] = u
    return level


def km(lat1: str, lon1: str, lat2: str, lon2: str) -> str:
    """Great-circle distance in km between two points given as column names (NULL when one is missing): the same
    SQL on DuckDB and Spark."""
    return (
        f"(2 * 6371 * asin(sqrt(power(sin(radians({lat2} - {lat1}) / 2), 2) + cos(radians({lat1})) "
        f"* cos(radians({lat2})) * power(sin(radians({lon2} - {lon1}) / 2), 2))))"
    )


KM = km("latitude_l", "longitude_l", "latitude_r", "longitude_r")


def _comparisons(dialect: str) -> list:
    import splink.comparison_library as cl

    size, overlap = _SPELLING[dialect]["size"], _SPELLING[dialect]["overlap"]
    # "within a month": the later start at most 31 days after the earlier end (no date_diff: its arguments differ)
    within_month = "greatest(date_start_l, date_start_r) <= least(date_end_l, date_end_r) + interval '31' day"
    overlap_days = "date_start_l <= date_end_r and date_start_r <= date_end_l"
    week_l, week_r = (f"date_end_{s} <= date_start_{s} + interval '6' day" for s in "lr")
    covers = "killed_low_{0} <= coalesce(killed_high_{1}, killed_low_{1})"
    killed_overlap = f"{covers.format('l', 'r')} and {covers.format('r', 'l')}"
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
                _level(f"{overlap_days} and {week_l} and {week_r}", "overlap, both within a week", 0.25, 0.004),
                # A document's "in September 2015" or "in spring" overlaps a month of records: weak evidence.
                _level(overlap_days, "intervals overlap", 0.13, 0.05),
                _level(within_month, "within a month", 0.05, 0.03),
                _level("else", "further apart", 0.02, 0.915),
            ],
        ),
        cl.CustomComparison(
            output_column_name="place",
            comparison_levels=[
                _level("country_iso3_l is null or country_iso3_r is null", "a country unknown", null=True),
                _level("location_id_l = location_id_r", "same place", 0.45, 0.005),
                _level(f"{KM} <= 25", "within 25 km", 0.25, 0.01),
                _level(f"{KM} <= 100", "within 100 km", 0.12, 0.04),
                _level("country_iso3_l = country_iso3_r", "same country", 0.16, 0.3),
                _level("else", "different countries", 0.02, 0.645),
            ],
        ),
        cl.CustomComparison(
            output_column_name="groups",
            comparison_levels=[
                _level(
                    f"group_ids_l is null or group_ids_r is null or {size}(group_ids_l) = 0 or {size}(group_ids_r) = 0",
                    "groups unknown",
                    null=True,
                ),
                _level(f"{overlap}(group_ids_l, group_ids_r)", "a group in common", 0.85, 0.05),
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
                # Most events kill few: 1 = 1 is weak evidence, 25 = 25 strong.
                _level(
                    f"{killed_overlap} and greatest(killed_low_l, killed_low_r) > 5",
                    "killed figures overlap, above 5",
                    0.45,
                    0.02,
                ),
                _level(killed_overlap, "killed figures overlap", 0.25, 0.15),
                _level(
                    "killed_low_l <= 2 * coalesce(killed_high_r, killed_low_r) + 1 "
                    "and killed_low_r <= 2 * coalesce(killed_high_l, killed_low_l) + 1",
                    "killed within a factor of two",
                    0.2,
                    0.2,
                ),
                _level("else", "killed figures disagree", 0.1, 0.63),
            ],
        ),
    ]


def settings(dialect: str):  # -> splink SettingsCreator
    """The linkage model: the same comparisons, blocking rules and prior on every engine (fixed m and u: nothing
    is estimated, so both engines score each pair with the same arithmetic)."""
    from splink import SettingsCreator, block_on

    return SettingsCreator(
        link_type="link_only",
        comparisons=_comparisons(dialect),
        blocking_rules_to_generate_predictions=[
            block_on("country_iso3"),
            "l.event_year = r.event_year and (l.country_iso3 is null or r.country_iso3 is null)",
        ],
        probability_two_random_records_match=PRIOR,
        additional_columns_to_retain=["event_id", "dataset_format", "record_id"],
        retain_matching_columns=True,
        retain_intermediate_calculation_columns=False,
    )


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
    """Proposals from the DuckDB warehouse at `db_path` (read-only), linked by Splink on DuckDB."""
    with duckdb.connect() as con:
        # attached under its own name: the warehouse's views name their tables with it
        catalog = Path(db_path).stem
        con.execute(f"attach '{db_path}' as \"{catalog}\" (read_only)")
        records, mentions = side_sql("duckdb", "dataset", catalog), side_sql("duckdb", "document", catalog)
        return link(con, records, mentions, _decided(project_dir), threshold)


def propose_spark(spark: Any, project_dir: Path, threshold: float = 0.5) -> list[Proposal]:
    """Proposals from the Spark warehouse of `spark` (a SparkSession on the project's metastore), linked by Splink
    on Spark."""
    return link(spark, side_sql("spark", "dataset"), side_sql("spark", "document"), _decided(project_dir), threshold)


def link(
    engine: Any, records_sql: str, mentions_sql: str, decided: set[tuple[str, str]], threshold: float = 0.5
) -> list[Proposal]:
    """Score every (dataset record, document mention) pair in the same country or year; keep, per record and
    corpus event, the best pair at or above `threshold`. `engine` is a DuckDB connection or a SparkSession: the
    two queries run there and Splink links there (DuckDBAPI or SparkAPI, same settings). Records in `decided`
    (format, record id) are not proposed again. Only the predictions at or above the threshold leave the engine;
    they are ranked and described by DuckDB, the same SQL whichever engine scored them."""
    from splink import DuckDBAPI, Linker

    logging.getLogger("splink").setLevel(logging.WARNING)
    spark = not isinstance(engine, duckdb.DuckDBPyConnection)
    undecided = (
        "select * from ({sql}) as side where not exists (select 1 from link_decided as decided "
        "where decided.dataset_format = side.dataset_format and decided.record_id = side.record_id)"
    )
    rows = sorted(decided)
    if spark:
        from splink.backends.spark import SparkAPI

        schema = "dataset_format string, record_id string"
        engine.createDataFrame(rows, schema).createOrReplaceTempView("link_decided")
        records = engine.sql(undecided.format(sql=records_sql)).cache()
        mentions = engine.sql(mentions_sql).cache()
        if records.isEmpty():
            return []
        # persist: intermediate tables stay in Spark memory (no checkpoint folder to configure); the model needs
        # none of the jar's similarity UDFs
        db_api = SparkAPI(spark_session=engine, break_lineage_method="persist", register_udfs_automatically=False)
    else:
        engine.execute("create or replace temp table link_decided (dataset_format varchar, record_id varchar)")
        if rows:
            engine.executemany("insert into link_decided values (?, ?)", rows)
        engine.execute(f"create or replace table memory.records as {undecided.format(sql=records_sql)}")
        engine.execute(f"create or replace table memory.mentions as {mentions_sql}")
        engine.execute("use memory")
        records, mentions = engine.table("records"), engine.table("mentions")
        if not engine.execute("select count(*) from records").fetchone()[0]:
            return []
        db_api = DuckDBAPI(connection=engine)
    dialect = "spark" if spark else "duckdb"
    linker = Linker([db_api.register(records), db_api.register(mentions)], settings(dialect))
    scored = linker.inference.predict(threshold_match_probability=threshold)
    columns = ["match_probability", "match_weight"] + [f"{c}_{s}" for c in SIDE_COLUMNS for s in "lr"]
    if spark:
        predictions = scored.as_spark_dataframe().select(*columns).toArrow()
    else:
        predictions = scored.as_duckdbpyrelation().select(*columns).to_arrow_table()
    return describe(predictions)


DESCRIBED_KM = km("r_latitude", "r_longitude", "m_latitude", "m_longitude")


def describe(predictions: Any) -> list[Proposal]:
    """Rank and describe Splink's predictions (an Arrow table with each side's columns as <column>_l/_r): per
    record and corpus event the best mention, with the evidence for it in words."""
    # the record's side is the one with a record id (Splink may put either input on the left)
    record = ", ".join(f"case when record_id_l is not null then {c}_l else {c}_r end as r_{c}" for c in SIDE_COLUMNS)
    mention = ", ".join(f"case when record_id_l is not null then {c}_r else {c}_l end as m_{c}" for c in SIDE_COLUMNS)
    with duckdb.connect() as con:
        con.register("predictions", predictions)
        rows = con.execute(
            f"""
            with pairs as (
                select match_probability, match_weight, {record}, {mention}
                from predictions
            ),
            described as (
                select
                    r_dataset_format as dataset_format,
                    r_record_id as record_id,
                    m_event_id as event_id,
                    m_unique_id as mention_id,
                    match_probability,
                    match_weight,
                    concat(r_date_start, '..', r_date_end, ' vs ', m_date_start, '..', m_date_end) as date_evidence,
                    concat(
                        coalesce(r_location_id, r_country_iso3, '?'), ' vs ',
                        coalesce(m_location_id, m_country_iso3, '?'),
                        case
                            when r_latitude is not null and m_latitude is not null
                            then concat(' (', cast(round({DESCRIBED_KM}) as integer), ' km)')
                        end
                    ) as place_evidence,
                    concat(
                        coalesce(array_to_string(r_group_ids, ' '), '?'), ' vs ',
                        coalesce(array_to_string(m_group_ids, ' '), '?')
                    ) as group_evidence,
                    concat(r_event_type, ' vs ', m_event_type) as type_evidence,
                    concat(
                        coalesce(cast(r_killed_low as varchar), '?'), '-',
                        coalesce(cast(r_killed_high as varchar), '?'), ' vs ',
                        coalesce(cast(m_killed_low as varchar), '?'), '-',
                        coalesce(cast(m_killed_high as varchar), '?')
                    ) as figure_evidence,
                    row_number() over (
                        partition by r_dataset_format, r_record_id, m_event_id
                        order by match_probability desc, m_unique_id
                    ) as pair_rank
                from pairs
            )
            select * exclude (pair_rank) from described
            where pair_rank = 1
            order by dataset_format, record_id, match_probability desc, event_id
            """
        ).fetchall()
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


def read_proposals(path: Path) -> list[Proposal]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        Proposal(
            **{
                **row,
                "match_probability": float(row["match_probability"]),
                "match_weight": float(row["match_weight"]),
            }
        )
        for row in rows
    ]


SPARK_VENV = ".venv-spark"
PROBABILITY_TOLERANCE = 1e-6  # the proposals file's rounding unit (6 decimals)


def propose_on_spark(
    project_dir: Path, threshold: float = 0.5, spark_dir: Path | None = None, python: Path | None = None
) -> list[Proposal]:
    """Proposals from the project's Spark warehouse (`dbt build --target spark`; MILITANCY_SPARK_DIR or
    `spark_dir` locates it), linked by Splink's Spark backend in the Spark venv (`make spark-install`)."""
    import subprocess
    import sys
    import tempfile

    import militancy

    python = python or project_dir / SPARK_VENV / "bin" / "python"
    if not python.exists():
        raise RuntimeError(f"{python} not found: run `make spark-install` first")
    env = {**os.environ, "PYTHONPATH": str(Path(militancy.__file__).resolve().parents[1])}
    if spark_dir is not None:
        env["MILITANCY_SPARK_DIR"] = str(spark_dir)
    with tempfile.TemporaryDirectory(prefix="militancy-link-") as scratch:
        out = Path(scratch) / PROPOSALS_NAME
        cmd = [str(python), "-m", "militancy.datasets.linking", str(project_dir), str(threshold), str(out)]
        proc = subprocess.run(cmd, cwd=project_dir, env=env, capture_output=True, text=True)
        if proc.returncode:
            print(proc.stdout[-3000:], proc.stderr[-6000:], file=sys.stderr)
            raise RuntimeError(f"linking on Spark failed (exit {proc.returncode})")
        return read_proposals(out)


def differences(left: list[Proposal], right: list[Proposal], tolerance: float = PROBABILITY_TOLERANCE) -> list[str]:
    """How two proposal lists differ: pairs (format, record, event, mention) and evidence exactly, match probability
    within `tolerance` (and weight within 1e-3, its rounding unit). Empty when they agree."""

    def keyed(proposals: list[Proposal]) -> dict[tuple[str, str, str], Proposal]:
        return {(p.dataset_format, p.record_id, p.event_id): p for p in proposals}

    a, b = keyed(left), keyed(right)
    problems = [f"only in the first: {a[k]}" for k in sorted(a.keys() - b.keys())]
    problems += [f"only in the second: {b[k]}" for k in sorted(b.keys() - a.keys())]
    for key in sorted(a.keys() & b.keys()):
        p, q = a[key], b[key]
        if abs(p.match_probability - q.match_probability) > tolerance or abs(p.match_weight - q.match_weight) > 1e-3:
            problems.append(f"{key}: probability {p.match_probability} vs {q.match_probability}")
        if (p.mention_id, *(getattr(p, f) for f in PROPOSAL_COLUMNS[6:])) != (
            q.mention_id,
            *(getattr(q, f) for f in PROPOSAL_COLUMNS[6:]),
        ):
            problems.append(f"{key}: evidence differs\n    {p}\n    {q}")
    return problems


def main(argv: list[str] | None = None) -> int:
    """In the Spark venv: PROJECT_DIR THRESHOLD OUT -> link the Spark warehouse, write the proposals to OUT."""
    import sys

    from militancy.spark_local import session

    project_dir, threshold, out = (argv or sys.argv[1:])[:3]
    spark = session(Path(project_dir))
    try:
        write_proposals(propose_spark(spark, Path(project_dir), float(threshold)), Path(out))
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
