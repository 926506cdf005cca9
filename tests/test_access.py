"""How users meet the warehouse: a BI reader during builds, SQLAlchemy, Parquet, the CLI, MetricFlow,
the docs site and the report, each exercised for real on a built warehouse."""

from __future__ import annotations

import csv
import hashlib
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


@pytest.mark.build
def test_reader_keeps_working_during_a_build(project: Path) -> None:
    db = project / "warehouse" / "militancy.duckdb"
    build(project, db, echo=None, with_tests=False)
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


@pytest.mark.browser
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


@pytest.mark.browser
def test_docs_site_renders_the_marts(built: BuildResult, tmp_path: Path) -> None:
    """Built while a BI tool holds the published file open read-only, as the README advises."""
    root = built.path.parent.parent
    with duckdb.connect(str(built.path), read_only=True):
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


# --- the query surface cannot change or leak anything ---------------------------------------------------------

HOSTILE = [
    ("attach '{db}' as w; drop table w.marts.fct_events", "one statement at a time"),
    ("attach '{db}' as w", "this is ATTACH"),
    ("copy (select 1) to '{db}'", "this is COPY"),
    ("copy marts.fct_events to '{root}/leak.csv'", "this is COPY"),
    ("export database '{root}/dump'", "this is EXPORT"),
    ("select * from read_text('/etc/hostname')", "Permission Error"),
    ("select * from read_csv('/etc/passwd')", "Permission Error"),
    ("select * from glob('/*')", "Permission Error"),
    ("select * from read_parquet('https://example.com/x.parquet')", "Permission Error"),
    ("install httpfs", "this is LOAD"),
    ("load '/tmp/evil.duckdb_extension'", "this is LOAD"),
    ("set enable_external_access = true", "this is SET"),
    ("select 1; drop table marts.fct_events", "one statement at a time"),
    ("create table marts.x as select 1", "this is CREATE"),
    ("drop table marts.fct_events", "this is DROP"),
    ("call pragma_version()", "this is CALL"),
    ("checkpoint", "this is CALL"),
]


@pytest.mark.parametrize(("sql", "refusal"), HOSTILE)
def test_hostile_queries_are_refused_in_one_line(
    built: BuildResult, sql: str, refusal: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from militancy.cli import main

    root = built.path.parent.parent
    monkeypatch.chdir(root)
    before = hashlib.sha256(built.path.read_bytes()).hexdigest()
    assert main(["query", sql.format(db=built.path, root=root), "--db", str(built.path)]) == 1
    err = capsys.readouterr().err
    assert refusal in err and len(err.strip().splitlines()) == 1, err
    assert hashlib.sha256(built.path.read_bytes()).hexdigest() == before
    assert not (root / "leak.csv").exists() and not (root / "dump").exists()


def test_read_statements_still_work(built: BuildResult, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from militancy.cli import main

    monkeypatch.chdir(built.path.parent.parent)
    for sql in ("describe marts.fct_events", "show tables", "summarize marts.dim_documents", "explain select 1"):
        assert main(["query", sql, "--db", str(built.path)]) == 0, capsys.readouterr().err


def test_csv_output_neutralises_formula_cells(built: BuildResult, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from militancy.cli import main

    monkeypatch.chdir(built.path.parent.parent)
    sql = "select '=HYPERLINK(\"http://x\",\"y\")' as a, '+1' as b, '@SUM(A1)' as c, -5 as d, 'plain' as e"
    assert main(["query", sql, "--db", str(built.path), "--format", "csv"]) == 0
    row = list(csv.reader(io.StringIO(capsys.readouterr().out)))[1]
    assert row == ['\'=HYPERLINK("http://x","y")', "'+1", "'@SUM(A1)", "-5", "plain"]
    assert main(["query", sql, "--db", str(built.path), "--format", "csv", "--raw-csv"]) == 0
    assert list(csv.reader(io.StringIO(capsys.readouterr().out)))[1][0] == '=HYPERLINK("http://x","y")'


def test_query_never_cuts_silently_and_reads_sql_from_files(built: BuildResult, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from militancy.cli import main

    root = built.path.parent.parent
    monkeypatch.chdir(root)
    sql = "select quote from marts.fct_evidence where length(quote) > 100 order by evidence_id limit 3"
    assert main(["query", sql, "--db", str(built.path)]) == 0
    table = capsys.readouterr().out
    assert sum(line.endswith("\u2026") for line in table.splitlines()) == 3
    assert "(3 values cut at 60 characters" in table
    assert main(["query", sql, "--db", str(built.path), "--max-width", "0"]) == 0
    whole = capsys.readouterr().out
    with duckdb.connect(str(built.path), read_only=True) as con:
        quotes = [q for (q,) in con.execute(sql).fetchall()]
    assert "cut at" not in whole and all(q.replace("\n", "\u21b5") in whole for q in quotes)
    (root / "q.sql").write_text(sql, encoding="utf-8")
    assert main(["query", "--file", str(root / "q.sql"), "--db", str(built.path), "--format", "json"]) == 0
    quotes = [r["quote"] for r in json.loads(capsys.readouterr().out)]
    assert len(quotes) == 3 and all(len(q) > 100 for q in quotes)
    proc = subprocess.run(
        [str(BIN / "militancy"), "query", "-", "--db", str(built.path), "--format", "csv"],
        input="select 41 + 1 as answer",
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.stdout.splitlines() == ["answer", "42"]


def test_analysis_by_name_with_variables(built: BuildResult) -> None:
    root = built.path.parent.parent
    args = ["query", "--analysis", "leaders_in_year", "--var", "year=2004", "--db", str(built.path), "--format", "json"]
    proc = _militancy(*args, cwd=root)
    assert proc.returncode == 0, proc.stderr
    leaders = {(r["group_name"], r["person_name"]) for r in json.loads(proc.stdout)}
    assert ("Islamic Movement of Uzbekistan", "Tahir Yuldashev") in leaders
    assert ("Islamic Movement of Uzbekistan", "Abu Usman Adil") not in leaders, "he led from 2009"
    # An "alleged leader" killed in 2006 whose start no document gives may have led in 2004: listed, and said so.
    kamalov = [r for r in json.loads(proc.stdout) if r["person_name"] == "Rafik Kamalov"]
    assert [r["year_basis"] for r in kamalov] == ["start_unknown"]


def test_analysis_values_are_typed_and_bound_never_pasted(built: BuildResult) -> None:
    """A value that would widen the query if pasted into the SQL is refused by type (integer) or bound as a plain
    string that matches no key; a misspelled name is refused, not answered for the default."""
    root = built.path.parent.parent
    db = ["--db", str(built.path), "--format", "json"]
    pasted = _militancy(
        "query", "--analysis", "leaders_in_year", "--var", "year=2004-01-01' as date) or (true) or (", *db, cwd=root
    )
    assert pasted.returncode == 1 and "must be an integer" in pasted.stderr and pasted.stdout == ""
    widened = _militancy("query", "--analysis", "trace_a_number", "--var", "event_id=x' or '1'='1", *db, cwd=root)
    assert widened.returncode == 0, widened.stderr
    assert json.loads(widened.stdout) == []
    misspelled = _militancy("query", "--analysis", "leaders_in_year", "--var", "yr=2004", *db, cwd=root)
    assert (
        misspelled.returncode == 1 and "no parameter 'yr'" in misspelled.stderr and "year (integer" in misspelled.stderr
    )


def test_sandbox_queries_stop_at_their_time_and_memory_limits(built: BuildResult) -> None:
    """Both limits stop the query with a message naming the limit and its flag (an interrupt, not a wait: the
    time limit is 1 s on a query of hours)."""
    root = built.path.parent.parent
    db = ["--db", str(built.path)]
    endless = _militancy(
        "query", "select count(*) from range(100000000000) a, range(100) b", "--timeout", "1", *db, cwd=root
    )
    assert endless.returncode == 1 and "time limit (--timeout" in endless.stderr, endless.stderr
    hungry = _militancy("query", "select list(a) from range(300000000) t(a)", "--memory-limit", "100MB", *db, cwd=root)
    assert hungry.returncode == 1 and "memory, the sandbox's limit (--memory-limit" in hungry.stderr, hungry.stderr
    hinted = _militancy("query", "select * from fct_event", *db, cwd=root)
    assert hinted.returncode == 1 and 'Did you mean "marts.fct_events"' in hinted.stderr, hinted.stderr


def _hold_writer(db: Path) -> subprocess.Popen[str]:
    """Another process with the published file open read-write (a misconfigured notebook)."""
    code = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('open', flush=True); time.sleep(120)"
    holder = subprocess.Popen([sys.executable, "-c", code, str(db)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
    return holder


def test_report_docs_and_query_give_one_line_while_a_writer_holds_the_file(project: Path) -> None:
    db = project / "warehouse" / "militancy.duckdb"
    (project / "warehouse" / "builds" / "x").mkdir(parents=True)
    with duckdb.connect(str(project / "warehouse" / "builds" / "x" / "militancy.duckdb")) as con:
        con.execute("create schema marts; create table marts.t as select 1 as x")
    db.symlink_to("builds/x/militancy.duckdb")
    holder = _hold_writer(db)
    try:
        env = {"MILITANCY_DB_PATH": str(db)}
        for args in (["report"], ["docs"], ["query", "select 1"]):
            proc = subprocess.run(
                [str(BIN / "militancy"), *args],
                cwd=project,
                env={**os.environ, **env},
                capture_output=True,
                text=True,
                check=False,
            )
            assert proc.returncode == 1, args
            assert len(proc.stderr.strip().splitlines()) == 1 and "locked by a process" in proc.stderr, proc.stderr
    finally:
        holder.kill()
        holder.wait()


def test_doc_info_messages_and_debug_tracebacks(tmp_path: Path, project: Path) -> None:
    missing = _militancy("doc-info", str(tmp_path / "nope.txt"), cwd=project)
    assert (
        missing.returncode == 1 and missing.stderr.strip() == f"militancy doc-info: no such file: {tmp_path}/nope.txt"
    )
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"Dushanbe caf\xe9\n")
    bad = _militancy("doc-info", str(latin), cwd=project)
    assert bad.returncode == 1 and "not UTF-8" in bad.stderr and "Traceback" not in bad.stderr
    (project / "seeds" / "entities.csv").unlink()
    (project / "seeds" / "entities.csv").mkdir()
    quiet = _militancy("build", cwd=project)
    assert quiet.returncode == 1 and "is a folder" in quiet.stderr and "Traceback" not in quiet.stderr
    crash = _militancy("query", "select 1", "--db", str(tmp_path), cwd=project)
    assert crash.returncode == 1 and len(crash.stderr.strip().splitlines()) == 1
    loud = _militancy("--debug", "report", cwd=project)
    assert "no warehouse" in loud.stderr
