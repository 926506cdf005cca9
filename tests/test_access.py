"""How users meet the warehouse: a BI reader during builds, SQLAlchemy, Parquet, the CLI, MetricFlow,
the docs site and the report, each exercised for real on a built warehouse."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import sqlalchemy as sa

from browser import dump_dom, screenshot
from militancy.build import BuildResult, build
from militancy.report import write_report

BIN = Path(sys.executable).parent


def _militancy(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "militancy"), *args], cwd=cwd, capture_output=True, text=True, timeout=600, check=False
    )


def test_reader_keeps_working_during_a_build(project: Path) -> None:
    db = project / "warehouse" / "militancy.duckdb"
    build(project, db, echo=None)
    reader = duckdb.connect(str(db), read_only=True)
    before = reader.execute("select title from marts.dim_documents where document_id = 'doc_000'").fetchone()[0]
    documents = project / "seeds" / "documents.csv"
    documents.write_text(
        documents.read_text(encoding="utf-8").replace(
            "Islamic Movement of Tajikistan,Wikipedia", "IMT article,Wikipedia"
        ),
        encoding="utf-8",
    )
    proc = _militancy("build", "--db", str(db), cwd=project)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    # The open reader still works and still sees the build it opened; a new reader sees the new one.
    assert reader.execute("select title from marts.dim_documents where document_id = 'doc_000'").fetchone()[0] == before
    reader.close()
    proc = _militancy(
        "query",
        "select title from marts.dim_documents where document_id = 'doc_000'",
        "--db",
        str(db),
        "--format",
        "csv",
        cwd=project,
    )
    assert proc.stdout.splitlines()[1] == "IMT article"


def test_sqlalchemy_reflection_with_duckdb_engine(built: BuildResult) -> None:
    engine = sa.create_engine(f"duckdb:///{built.path}", connect_args={"read_only": True})
    try:
        inspector = sa.inspect(engine)
        # duckdb-engine names schemas <catalog>.<schema>, as Superset shows them.
        assert "militancy.marts" in inspector.get_schema_names()
        tables = set(inspector.get_table_names(schema="marts"))
        assert {"fct_events", "attacks_by_group_year", "membership_by_year", "dim_groups"} <= tables
        columns = {c["name"]: str(c["type"]) for c in inspector.get_columns("fct_events", schema="marts")}
        assert columns["killed_low"] == "INTEGER" and columns["date_start"] == "DATE"
        table = sa.Table("attacks_by_group_year", sa.MetaData(), schema="marts", autoload_with=engine)
        with engine.connect() as conn:
            total = conn.execute(sa.select(sa.func.sum(table.c.attacks_by_start_year))).scalar_one()
        assert total > 0
    finally:
        engine.dispose()


def test_published_file_is_readable_by_duckdb_1x(built: BuildResult) -> None:
    assert duckdb.__version__.startswith("1."), "the pinned engine writes a DuckDB 1.x file"
    with duckdb.connect(str(built.path), read_only=True) as con:
        assert con.execute("select count(*) from marts.fct_events").fetchone()[0] > 0


def test_parquet_export_of_every_mart(built: BuildResult) -> None:
    parquet = built.path.parent / "parquet"
    with duckdb.connect(str(built.path), read_only=True) as con:
        marts = [
            t
            for (t,) in con.execute(
                "select table_name from information_schema.tables where table_schema = 'marts'"
            ).fetchall()
        ]
        for mart in marts:
            path = parquet / f"{mart}.parquet"
            assert path.exists(), mart
            assert (
                con.execute(f"select count(*) from read_parquet('{path}')").fetchone()[0]
                == con.execute(f"select count(*) from marts.{mart}").fetchone()[0]
            )


def test_cli_query_formats_and_errors(built: BuildResult) -> None:
    root = built.path.parent.parent
    sql = "select event_id, killed_low, killed_high from marts.fct_events where event_id = 'ev_2010_rasht_ambush'"
    as_json = _militancy("query", sql, "--db", str(built.path), "--format", "json", cwd=root)
    assert json.loads(as_json.stdout) == [{"event_id": "ev_2010_rasht_ambush", "killed_low": 25, "killed_high": 28}]
    as_csv = _militancy("query", sql, "--db", str(built.path), "--format", "csv", cwd=root)
    assert list(csv.reader(io.StringIO(as_csv.stdout)))[1] == ["ev_2010_rasht_ambush", "25", "28"]
    table = _militancy("query", sql, "--db", str(built.path), cwd=root)
    assert "ev_2010_rasht_ambush" in table.stdout and "(1 row)" in table.stdout
    bad = _militancy("query", "select * from marts.no_such_table", "--db", str(built.path), cwd=root)
    assert bad.returncode == 1 and "no_such_table" in bad.stderr


def test_metricflow_query(built: BuildResult) -> None:
    root = built.path.parent.parent
    env = {**os.environ, "DBT_PROFILES_DIR": str(root), "MILITANCY_DB_PATH": str(built.path)}
    proc = subprocess.run(
        [
            str(BIN / "mf"),
            "query",
            "--metrics",
            "attacks,attacks_strict,killed_low",
            "--group-by",
            "group__group_name,metric_time__year",
            "--order",
            "metric_time__year",
            "--csv",
            str(root / "mf.csv"),
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    rows = list(csv.DictReader((root / "mf.csv").open(encoding="utf-8")))
    imu_2010 = [
        r
        for r in rows
        if r["group__group_name"] == "Islamic Movement of Uzbekistan" and r["metric_time__year"].startswith("2010")
    ]
    with duckdb.connect(str(built.path), read_only=True) as con:
        expected = con.execute(
            "select attacks_by_start_year, attacks_confirmed_or_claimed from marts.attacks_by_group_year"
            " where group_id = 'org_imu' and year = 2010"
        ).fetchone()
    assert [(int(r["attacks"]), int(r["attacks_strict"])) for r in imu_2010] == [expected]


def test_report_draws_every_chart(built: BuildResult, tmp_path: Path) -> None:
    page = write_report(built.path, tmp_path / "site" / "report.html")
    html_text = page.read_text(encoding="utf-8")
    assert "<script" not in html_text and "http" not in html_text.replace("http://www.w3", ""), "no network needed"
    dom = dump_dom(page, tmp_path / "chromium")
    for chart, mark in (
        ("attacks-chart", 'class="bar"'),
        ("membership-chart", 'class="range"'),
        ("leadership-chart", 'class="tenure"'),
    ):
        assert f'id="{chart}"' in dom
        assert dom.count(mark) >= 3, chart
    assert dom.count("<tr>") > 50
    assert dom.count("Sources: doc_") >= 4, "every chart names its sources"
    shot = screenshot(page, tmp_path / "report.png", tmp_path / "chromium-shot")
    assert shot.stat().st_size > 20_000


def test_docs_site_renders_the_marts(built: BuildResult, tmp_path: Path) -> None:
    root = built.path.parent.parent
    proc = _militancy("docs", cwd=root)
    assert proc.returncode == 0, proc.stderr[-2000:]
    page = root / "site" / "docs.html"
    dom = dump_dom(page, tmp_path / "chromium", budget_ms=15000)
    # The manifest is embedded in the page as JSON, so look for what the app rendered: the sidebar tree entries
    # (title="<model>" attributes exist only once Angular has built the tree).
    assert 'title="fct_events"' not in page.read_text(encoding="utf-8")
    for mart in ("fct_events", "attacks_by_group_year", "membership_by_year", "fct_evidence"):
        assert f'title="{mart}"' in dom, mart
    assert ">Militancy Warehouse</h1>" in dom, "the overview page is rendered from markdown"


def test_cli_report_and_serve_docs(built: BuildResult) -> None:
    import socket
    import time
    import urllib.request

    root = built.path.parent.parent
    env_db = {"MILITANCY_DB_PATH": str(built.path)}
    report = subprocess.run(
        [str(BIN / "militancy"), "report"], cwd=root, env={**os.environ, **env_db}, capture_output=True, text=True
    )
    assert report.returncode == 0 and (root / "site" / "report.html").exists(), report.stderr
    assert _militancy("docs", cwd=root).returncode == 0
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([str(BIN / "militancy"), "serve-docs", "--port", str(port)], cwd=root)
    try:
        for _ in range(50):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/docs.html", timeout=2) as response:
                    body = response.read()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("serve-docs did not answer")
        assert b"dbt" in body and len(body) > 100_000
    finally:
        server.terminate()
        server.wait(timeout=10)
