"""The marts answer correctly the questions one can check by reading the documents."""

from __future__ import annotations

import duckdb


def _one(con: duckdb.DuckDBPyConnection, sql: str) -> tuple:
    rows = con.execute(sql).fetchall()
    assert len(rows) == 1, rows
    return rows[0]


def test_rasht_ambush_keeps_conflicting_sources_side_by_side(con: duckdb.DuckDBPyConnection) -> None:
    # doc_001 and doc_002: 25 soldiers on Sept. 19; doc_003: 28 dead, "one month" before late November 2010.
    killed_low, killed_high, precision, conflict, docs = _one(
        con,
        "select killed_low, killed_high, date_precision, has_date_conflict, document_count"
        " from marts.fct_events where event_id = 'ev_2010_rasht_ambush'",
    )
    assert (killed_low, killed_high, precision, conflict, docs) == (25, 28, "range", True, 3)
    figures = con.execute(
        "select document_id, killed_low from marts.fct_event_mentions"
        " where event_id = 'ev_2010_rasht_ambush' order by document_id"
    ).fetchall()
    assert figures == [("doc_001", 25), ("doc_002", 25), ("doc_003", 28)]


def test_rasht_attribution_claimed_and_disputed(con: duckdb.DuckDBPyConnection) -> None:
    attribution, weakest, conflict, claimed = _one(
        con,
        "select attribution, weakest_attribution, has_attribution_conflict, is_claimed from marts.fct_event_groups"
        " where event_id = 'ev_2010_rasht_ambush' and group_id = 'org_imu' and role = 'perpetrator'",
    )
    assert (attribution, weakest, conflict, claimed) == ("claimed", "disputed", True, True)


def test_tashkent_1999_open_ended_figures_and_disputed_attribution(con: duckdb.DuckDBPyConnection) -> None:
    # doc_002: "(16+ killed, 100+ wounded)"; both documents report the government's accusation of the IMU and
    # doubt it ("not independently verified", "unclear", "remains disputed").
    row = _one(
        con,
        "select date_start, killed_low, killed_high, is_killed_high_open, wounded_low"
        " from marts.fct_events where event_id = 'ev_1999_tashkent_bombings'",
    )
    assert str(row[0]) == "1999-02-16" and row[1:] == (16, None, True, 100)
    attribution = _one(
        con,
        "select attribution, weakest_attribution, has_attribution_conflict from marts.fct_event_groups"
        " where event_id = 'ev_1999_tashkent_bombings' and group_id = 'org_imu' and role = 'perpetrator'",
    )
    assert attribution == ("alleged", "disputed", True)


def test_yuldashev_death_dates_disagree(con: duckdb.DuckDBPyConnection) -> None:
    # doc_002 ends his tenure "August 27, 2009"; doc_001 says he was killed "in September 2009".
    start, end, conflict = _one(
        con,
        "select date_start, date_end, has_date_conflict from marts.fct_events"
        " where event_id = 'ev_2009_yuldashev_killed'",
    )
    assert (str(start), str(end), conflict) == ("2009-08-27", "2009-09-30", True)


def test_membership_2001_spans_both_mmp_estimates(con: duckdb.DuckDBPyConnection) -> None:
    # doc_002: "2001: 1,500 - 2,000 (en dash in the text) (New York Times)" and "Late 2001: 500 (UN Security Council)".
    low, high, count, has = _one(
        con,
        "select estimate_low, estimate_high, estimate_count, has_estimate from marts.membership_by_year"
        " where group_id = 'org_imu' and year = 2001",
    )
    assert (low, high, count, has) == (500, 2000, 2, True)
    gap = _one(con, "select has_estimate from marts.membership_by_year where group_id = 'org_imu' and year = 2005")
    assert gap == (False,)


def test_attacks_by_year_zero_fills_and_orders_counts(con: duckdb.DuckDBPyConnection) -> None:
    years = [
        y
        for (y,) in con.execute(
            "select year from marts.attacks_by_group_year where group_id = 'org_imu' order by year"
        ).fetchall()
    ]
    assert years == list(range(years[0], years[-1] + 1))
    # From the first to the last year of an attack attributed to the IMU (whatever the corpus holds).
    span = con.execute(
        "select min(event_year), max(event_year) from intermediate.int_group_attacks_joined"
        " where group_id = 'org_imu' and event_year is not null"
    ).fetchone()
    assert (years[0], years[-1]) == span
    bad = con.execute(
        "select count(*) from marts.attacks_by_group_year"
        " where not (attacks_confirmed_or_claimed <= attacks and attacks <= attacks_including_disputed)"
    ).fetchone()[0]
    assert bad == 0


def test_acronym_resolves_per_document(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "select document_id, entity_id from marts.dim_entity_aliases where alias = 'IMT' order by document_id"
    ).fetchall()
    assert {
        ("doc_000", "org_islamic_movement_of_tajikistan"),
        ("doc_004", "org_islamic_movement_of_turkestan"),
    } <= set(rows)


def test_designations_from_the_mmp_list(con: duckdb.DuckDBPyConnection) -> None:
    fto = _one(
        con,
        "select listed_date, listed_precision from marts.fct_designations where designation_id = 'doc_002_des01'",
    )
    assert (str(fto[0]), fto[1]) == ("2000-09-25", "day")
    russia = _one(con, "select listed_name from marts.fct_designations where designation_id = 'doc_004_des03'")
    assert russia == ("Islamic Party of Turkestan",)


def test_every_fact_has_located_evidence(con: duckdb.DuckDBPyConnection) -> None:
    missing = con.execute(
        """
        select mention_id from marts.fct_event_mentions
        where mention_id not in (select fact_id from marts.fct_evidence where fact_type = 'event_mention')
        union all
        select estimate_id from marts.fct_membership_estimates
        where estimate_id not in (select fact_id from marts.fct_evidence where fact_type = 'membership_estimate')
        """
    ).fetchall()
    assert missing == []
    assert con.execute("select min(char_start) from marts.fct_evidence").fetchone()[0] >= 0


def test_analyses_compile_and_answer(built) -> None:  # type: ignore[no-untyped-def]
    """Every researcher question in analyses/ compiles and runs against the warehouse."""
    from militancy.build import run_dbt

    root = built.path.parent.parent
    proc = run_dbt(root, ["compile", "--select", "path:analyses"], built.path)
    assert proc.returncode == 0, proc.stdout[-2000:]
    compiled = sorted((root / "target" / "compiled" / "militancy" / "analyses").glob("*.sql"))
    assert len(compiled) >= 5
    results = {}
    with duckdb.connect(str(built.path), read_only=True) as con:
        for path in compiled:
            results[path.stem] = con.execute(path.read_text(encoding="utf-8")).fetchall()
    assert all(results.values()), [name for name, rows in results.items() if not rows]
    accused = {(row[0], row[3]) for row in results["attacks_attributed_only_by_governments"]}
    assert ("ev_1999_tashkent_bombings", "Islamic Movement of Uzbekistan") in accused
    leaders_2010 = {(row[0], row[1]) for row in results["leaders_in_year"]}
    assert ("Islamic Movement of Uzbekistan", "Abu Usman Adil") in leaders_2010
