"""Scale benchmark: for each size, generate a synthetic project (`militancy synth`), then measure on this machine
- `militancy validate` (seed and corpus checks with quote location),
- a full `militancy build` (snapshot, validate, dbt build with every test, Parquet export, publish): wall time and
  peak memory of the whole process tree (RSS of every descendant summed, polled every 0.1 s),
- a 1% refresh: 1% of the documents are re-curated (every seed row of theirs rewritten, text unchanged), then
  `militancy build` again: the incremental path (only those documents' rows are recomputed);
- with --dataset-refresh also: 1% of the mentions arrive as a new ACLED file (`militancy datasets add`), then
  `militancy build` (a dataset change is a full build by design: its records link across the warehouse),
- typical mart queries, warm (median of --runs runs after one warm-up run), on the published file,
- the floor: benchmarks/floor.sql (the same core transforms as plain DuckDB SQL) run by DuckDB on the same
  input files, with its own wall time and peak memory,
and print each as a ratio to the floor. It writes docs/performance.md (machine, command, table, targets).

Run: .venv/bin/python benchmarks/scale.py [--sizes 100k 1M 10M] [--seed 1] [--workdir /tmp/militancy-scale]
This is a benchmark, not a test: CI only builds a tiny synthetic project for correctness (tests/test_synth.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from militancy.duckdb_memory import memory_limit

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
FLOOR_SQL = ROOT / "benchmarks" / "floor.sql"
REPORT = ROOT / "docs" / "performance.md"
TARGETS = {"build_vs_floor": 1.25, "refresh_vs_build": 0.10, "peak_gb": 4.0, "query_ms": 100.0}

# name -> SQL; {group} is a group of typical activity (the tenth most active), chosen once per size. A query added
# later goes last: the rows kept from earlier runs (--keep-other-sizes) are padded with "n/a" on the right.
QUERIES = {
    "attacks by group and year (top 100 group-years)": """
        select group_name, year, attacks_by_start_year, killed_low, killed_high
        from marts.attacks_by_group_year
        where attacks_by_start_year > 0
        order by attacks_by_start_year desc, group_name, year
        limit 100""",
    "attacks per year, all groups": """
        select year, sum(attacks_by_start_year) as attacks, sum(killed_low) as killed_low
        from marts.attacks_by_group_year
        group by year
        order by year""",
    "one group's events with evidence": """
        select mentions.event_id, mentions.mention_id, mentions.source_kind, mentions.date_start,
            mentions.killed_low, mentions.killed_high, evidence.document_id, evidence.char_start,
            evidence.quote, evidence.record_summary
        from marts.fct_event_groups as event_groups
        inner join marts.fct_event_mentions as mentions on event_groups.event_id = mentions.event_id
        inner join marts.fct_evidence as evidence
            on evidence.fact_type = 'event_mention' and evidence.fact_id = mentions.mention_id
        where event_groups.group_id = '{group}'
        order by mentions.date_start, mentions.mention_id""",
    "one group's membership series": """
        select year, estimate_low, estimate_high, is_high_open, has_estimate
        from marts.membership_by_year
        where group_id = '{group}'
        order by year""",
    "one group's events with evidence (fct_group_event_evidence)": """
        select event_id, mention_id, source_kind, date_start, killed_low, killed_high, document_id, char_start,
            quote, record_summary
        from marts.fct_group_event_evidence
        where group_id = '{group}'
        order by date_start, mention_id""",
}


@dataclass
class Measured:
    seconds: float
    peak_bytes: int
    returncode: int
    output: str = ""
    max_load: float = 0.0  # highest 1-minute load average seen while it ran (it adds its own ~2)


@dataclass
class SizeResult:
    label: str
    mentions: int
    counts: dict[str, int] = field(default_factory=dict)
    generate_s: float | None = 0.0  # None: generated beforehand (--generated)
    validate: Measured | None = None
    build: Measured | None = None
    dbt_s: float | None = None
    dbt_by_type: dict[str, float] = field(default_factory=dict)
    dbt_slowest: list[tuple[str, float]] = field(default_factory=list)
    refresh: Measured | None = None
    refreshed_documents: int = 0
    dataset_refresh: Measured | None = None
    floor: Measured | None = None
    queries: dict[str, tuple[float, int]] = field(default_factory=dict)  # name -> (median ms, rows)
    error: str = ""
    measured_at: str = ""  # UTC start of this size's measurement


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        fields_ = text[text.rfind(")") + 2 :].split()
        tree.setdefault(int(fields_[1]), []).append(int(stat.parent.name))
    return tree


def _tree_rss(pid: int) -> int:
    """Resident memory of `pid` and all its descendants, in bytes (Linux /proc)."""
    tree, total, todo = _children(), 0, [pid]
    while todo:
        current = todo.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
                    break
        except OSError:
            pass
        todo.extend(tree.get(current, []))
    return total


def run_measured(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> Measured:
    """Run `cmd`, polling the peak RSS of its whole process tree."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    peak, load = 0, 0.0
    chunks: list[str] = []
    reader = threading.Thread(target=lambda: chunks.append(proc.stdout.read() if proc.stdout else ""))
    reader.start()
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc.pid))
        load = max(load, os.getloadavg()[0])
        time.sleep(0.1)
    reader.join()
    return Measured(time.perf_counter() - started, peak, proc.returncode, "".join(chunks), load)


def _dbt_seconds(project: Path) -> tuple[float | None, dict[str, float], list[tuple[str, float]]]:
    """dbt's own elapsed time of the last build (run_results.json), the summed node time per resource type
    (seed, model, test, unit_test; two threads, so the sums exceed the elapsed time) and the slowest nodes."""
    path = project / "target" / "run_results.json"
    if not path.exists():
        return None, {}, []
    data = json.loads(path.read_text(encoding="utf-8"))
    by_type: dict[str, float] = {}
    for node in data["results"]:
        kind = node["unique_id"].split(".", 1)[0]
        by_type[kind] = by_type.get(kind, 0.0) + node["execution_time"]
    slowest = sorted(((n["unique_id"], n["execution_time"]) for n in data["results"]), key=lambda x: -x[1])[:8]
    return float(data["elapsed_time"]), by_type, slowest


def _typical_group(db: Path) -> str:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "select group_id from marts.fct_event_groups group by group_id order by count(*) desc, group_id"
        ).fetchall()
    return rows[min(9, len(rows) - 1)][0]


def time_queries(db: Path, runs: int) -> dict[str, tuple[float, int]]:
    group = _typical_group(db)
    results: dict[str, tuple[float, int]] = {}
    with duckdb.connect(str(db), read_only=True) as con:
        for name, sql in QUERIES.items():
            sql = sql.format(group=group)
            rows = len(con.execute(sql).fetchall())  # warm-up
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                con.execute(sql).fetchall()
                times.append((time.perf_counter() - started) * 1000)
            results[name] = (statistics.median(times), rows)
    return results


FLOOR_RUNNER = """
import sys, duckdb, pathlib
sql = pathlib.Path(sys.argv[1]).read_text(encoding="utf-8").replace("{project}", sys.argv[2])
con = duckdb.connect(sys.argv[3])
con.execute(sql)
"""


def add_refresh_file(project: Path, rows: int, seed: int) -> None:
    """1% of the mentions as a new ACLED file (new record ids), registered like a user's new download."""
    from militancy import synth
    from militancy.datasets import synthetic as synthetic_datasets

    groups = synth.groups_of(project)
    overrides = {
        **synth.dataset_overrides("acled", groups),
        "event_id_cnty": "'SYNR' || cast(i + 1 as varchar)",
    }
    scratch = project / ".refresh"
    path = synthetic_datasets.write(
        "acled", scratch / f"synthetic_acled_refresh_{seed}.csv", rows, project_dir=project, overrides=overrides
    )
    proc = subprocess.run(
        [str(BIN / "militancy"), "datasets", "add", str(path), "--format", "acled"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    shutil.rmtree(scratch, ignore_errors=True)
    if proc.returncode:
        raise RuntimeError(f"datasets add failed: {proc.stdout}{proc.stderr}")


def recurate_documents(project: Path, share: float = 0.01) -> int:
    """Re-curate `share` of the documents: the notes of each of their event mentions change (quotes, figures and
    text stay valid), so the build sees exactly those documents as changed. Returns how many."""
    import csv

    path = project / "seeds" / "event_mentions.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    documents = sorted({row["document_id"] for row in rows})
    step = max(1, round(1 / share))
    chosen = set(documents[::step])
    for row in rows:
        if row["document_id"] in chosen:
            row["notes"] = (row["notes"] + " " if row["notes"] else "") + "Re-curated (benchmark refresh)."
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(chosen)


def measure(
    label: str, mentions: int, seed: int, workdir: Path, runs: int, dataset_refresh: bool, generated: Path | None
) -> SizeResult:
    from militancy import synth

    result = SizeResult(label, mentions, measured_at=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"))
    base = workdir / label
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True)
    project = base / "project"
    started = time.perf_counter()
    if generated:
        # a project `militancy synth` wrote beforehand with the same size and seed (generation is not a target,
        # and at 10M it takes half an hour): copied, since the refresh edits its seeds; the dataset files and the
        # corpus (6.6 GB at 10M), which nothing here edits, are hard links
        linked = ("datasets", "corpus")
        shutil.copytree(
            generated,
            project,
            symlinks=True,
            ignore=lambda folder, names: [n for n in names if Path(folder) == generated and n in linked],
        )
        for part in linked:
            if (generated / part).exists():
                shutil.copytree(generated / part, project / part, copy_function=os.link)
        synth.use_this_code(project)
        result.counts = {**synth.split(mentions), "groups": synth.group_count(mentions)}
        result.generate_s = None
        print(f"[{label}] copied {generated} in {time.perf_counter() - started:.1f} s", flush=True)
    else:
        result.counts = synth.generate(project, mentions, seed)
        result.generate_s = time.perf_counter() - started
        print(f"[{label}] generated in {result.generate_s:.1f} s: {result.counts}", flush=True)
    militancy = str(BIN / "militancy")
    result.validate = run_measured([militancy, "validate"], project)
    print(f"[{label}] validate {result.validate.seconds:.1f} s", flush=True)
    if result.validate.returncode:
        result.error = "validation failed: " + result.validate.output[-2000:]
        print(result.error, flush=True)
        return result
    result.build = run_measured([militancy, "build"], project)
    if result.build.returncode:
        result.error = "full build failed: " + result.build.output[-2000:]
        print(result.error, flush=True)
        return result
    result.dbt_s, result.dbt_by_type, result.dbt_slowest = _dbt_seconds(project)
    print(f"[{label}] full build {result.build.seconds:.1f} s, peak {result.build.peak_bytes / 1e9:.2f} GB", flush=True)
    db = project / "warehouse" / "militancy.duckdb"
    result.queries = time_queries(db, runs)
    result.refreshed_documents = recurate_documents(project)
    result.refresh = run_measured([militancy, "build"], project)
    if result.refresh.returncode:
        result.error = "1% documents refresh failed: " + result.refresh.output[-2000:]
    elif "Incremental refresh" not in result.refresh.output:
        result.error = "the 1% documents refresh was not incremental: " + result.refresh.output[-1000:]
    print(f"[{label}] 1% documents refresh {result.refresh.seconds:.1f} s", flush=True)
    if dataset_refresh:
        add_refresh_file(project, max(1, mentions // 100), seed)
        result.dataset_refresh = run_measured([militancy, "build"], project)
        if result.dataset_refresh.returncode:
            result.error = "1% dataset refresh failed: " + result.dataset_refresh.output[-2000:]
        print(f"[{label}] 1% dataset refresh {result.dataset_refresh.seconds:.1f} s", flush=True)
    floor_db = base / "floor.duckdb"
    floor_db.unlink(missing_ok=True)
    # the floor reads the same inputs as the full build did (before the refresh file was added)
    refresh_files = list((project / "datasets" / "acled").glob("*refresh*"))
    hidden = [p.rename(p.with_suffix(".hidden")) for p in refresh_files]
    try:
        result.floor = run_measured(
            [sys.executable, "-c", FLOOR_RUNNER, str(FLOOR_SQL), str(project), str(floor_db)], project
        )
    finally:
        for path in hidden:
            path.rename(path.with_suffix(".csv"))
    if result.floor.returncode:
        result.error = "floor failed: " + result.floor.output[-2000:]
    print(f"[{label}] floor {result.floor.seconds:.1f} s", flush=True)
    return result


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    memory = next(
        int(line.split()[1]) // 1024 // 1024
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    import dbt.version

    return (
        f"{os.cpu_count()} cores ({cpu}), {memory} GB RAM, {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, duckdb {duckdb.__version__}, dbt-core {dbt.version.__version__}; "
        f"load average at start {os.getloadavg()[0]:.2f} (the machine is shared with other jobs)"
    )


def _ratio(value: float | None, floor: float | None) -> str:
    return f"{value / floor:.{1 if value >= floor else 2}f}x" if value and floor else "n/a"


def _gb(measured: Measured | None) -> str:
    return f"{measured.peak_bytes / 1e9:.2f}" if measured else "n/a"


def _load(measured: Measured | None) -> str:
    return f"{measured.max_load:.1f}" if measured else "n/a"


def _s(measured: Measured | None) -> str:
    return f"{measured.seconds:.1f}" if measured else "n/a"


def kept_rows(path: Path, labels: list[str]) -> dict[str, list[str]]:
    """From the existing report, the generated lines of sizes not measured in this run, per section ("table",
    "queries", "steps", "verdicts"), and a note naming the run they come from. A 10M run then keeps the 100k and
    1M rows of an earlier run instead of dropping them."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    top = text.partition(NOTES_LINK)[0]
    kept: dict[str, list[str]] = {"table": [], "queries": [], "steps": [], "verdicts": [], "note": []}
    old_labels: set[str] = set()
    section = "table"
    for line in top.splitlines():
        if line.startswith("Warm query times"):
            section = "queries"
        elif line.startswith("Where dbt's time goes"):
            section = "steps"
        elif line.startswith("## Targets"):
            section = "verdicts"
        for prefix in ("| ", "- "):
            label = line[len(prefix) :].split(" ", 1)[0].rstrip(":") if line.startswith(prefix) else ""
            if label and label[0].isdigit() and label not in labels and _is_size(label):
                kept[section].append(line)
                old_labels.add(label)
    if old_labels:
        kept["note"].append(
            f"- Rows for {', '.join(sorted(old_labels, key=_size_order))} are kept from earlier runs; the last "
            "column of each row says when it was measured, with which memory limit and under what load (rows "
            'from before that column say "not recorded"). Compare ratios more than seconds across runs.'
        )
    return kept


def _is_size(label: str) -> bool:
    try:
        _size_order(label)
    except ValueError:
        return False
    return True


def _size_order(label: str) -> int:
    from militancy.synth import parse_size

    return parse_size(label)


def report(
    results: list[SizeResult], command: str, not_run: list[str], kept: dict[str, list[str]] | None = None
) -> str:
    kept = kept or {}
    lines = [
        "# Performance at scale",
        "",
        "Generated by `benchmarks/scale.py` (do not edit by hand; re-run the script). "
        f"Measured {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}.",
        "",
        f"- Machine: {machine()}.",
        f"- Command: `{command}`",
        "- Input: `militancy synth --mentions N --seed S` (src/militancy/synth.py). A **mention** is one row that "
        "reports an event: a curated document mention (a row of seeds/event_mentions.csv, backed by an exact quote "
        "in its document) or one dataset record (a row of a UCDP GED, GTD or ACLED file). The mix is 5% document "
        "mentions, 20% UCDP GED, 10% GTD, 65% ACLED; each document mention also has an event actor row with its "
        "own quote; one group per 2,500 mentions, with power-law activity.",
        "- Full build: `militancy build` from scratch (snapshot, validation with quote location, dbt build with "
        "every data and unit test, Parquet export, atomic publish). Peak memory: resident memory of the whole "
        "process tree (militancy + dbt), summed, polled every 0.1 s. DuckDB's memory_limit is "
        f"{memory_limit()} (profiles.yml's default 3GB; MILITANCY_MEMORY_LIMIT), for dbt and the build's own "
        "connections alike (src/militancy/duckdb_memory.py).",
        "- 1% refresh: 1% of the documents are re-curated (the notes of every event mention of theirs change; "
        "text, quotes and figures stay valid), then `militancy build` again, which refreshes incrementally: it "
        "copies the published file and recomputes only those documents' rows in the per-document marts "
        "(src/militancy/refresh.py). Dataset refresh (with --dataset-refresh): 1% of the mentions arrive as a new "
        "ACLED file (`militancy datasets add`); a dataset change is a full build by design.",
        "- Floor: `benchmarks/floor.sql` run by DuckDB directly on the same files (load the CSVs and corpus, "
        "locate every quote, read the dataset files, match actors through aliases, resolve events, attacks by "
        "group and year, evidence, membership series), without validation, tests, docs or export.",
        "- Queries: on the published file, read-only, median of warm runs (after one warm-up).",
        *kept.get("note", []),
        "",
        "| size | mentions | generate s | validate s | floor s | floor peak GB | full build s | (dbt s) "
        "| build / floor | build peak GB | 1% documents refresh s | refresh / build | 1% dataset refresh s "
        "| measured; DuckDB memory_limit; highest 1-min load in build / refresh / floor |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        *(line + " not recorded |" * (15 - line.count("|")) for line in kept.get("table", [])),
    ]
    limit = memory_limit()
    for r in results:
        floor_s = r.floor.seconds if r.floor and not r.floor.returncode else None
        build_s = r.build.seconds if r.build and not r.build.returncode else None
        refresh_s = r.refresh.seconds if r.refresh and not r.refresh.returncode else None
        generate_s = "beforehand" if r.generate_s is None else f"{r.generate_s:.1f}"
        lines.append(
            f"| {r.label} | {r.mentions:,} | {generate_s} | {_s(r.validate)} | {_s(r.floor)} | {_gb(r.floor)} "
            f"| {_s(r.build)} | {f'{r.dbt_s:.1f}' if r.dbt_s else 'n/a'} | {_ratio(build_s, floor_s)} "
            f"| {_gb(r.build)} | {_s(r.refresh)} ({r.refreshed_documents:,} documents) "
            f"| {_ratio(refresh_s, build_s)} | {_s(r.dataset_refresh)} "
            f"| {r.measured_at}; {limit}; {' / '.join(_load(m) for m in (r.build, r.refresh, r.floor))} |"
        )
    lines += ["", "Warm query times (median ms; rows returned):", ""]
    names = list(QUERIES)
    lines.append("| size | " + " | ".join(names) + " |")
    lines.append("|---|" + "---|" * len(names))
    for line in kept.get("queries", []):  # a query added since that run: its cell says so
        lines.append(line + " n/a (not in that run) |" * (len(names) + 2 - line.count("|")))
    for r in results:
        cells = [f"{r.queries[n][0]:.1f} ({r.queries[n][1]:,})" if n in r.queries else "n/a" for n in names]
        lines.append(f"| {r.label} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "Where dbt's time goes in the full build (node seconds summed per kind, 2 threads; slowest nodes):",
        "",
    ]
    lines += kept.get("steps", [])
    for r in results:
        kinds = ", ".join(f"{k} {v:.1f} s" for k, v in sorted(r.dbt_by_type.items(), key=lambda x: -x[1]))
        slow = ", ".join(
            f"{name.split('.')[-1] if not name.startswith('test.') else name.split('.')[2]} {sec:.1f} s"
            for name, sec in r.dbt_slowest
        )
        lines.append(f"- {r.label}: {kinds or 'n/a'}. Slowest: {slow or 'n/a'}.")
    for r in results:
        if r.error:
            lines += ["", f"Error at {r.label}: {r.error[:1500]}"]
    if not_run:
        lines += ["", f"Not run in this measurement: {', '.join(not_run)}."]
    lines += ["", "## Targets (at 10M mentions on 2 cores)", ""]
    lines += [
        "- full build <= 1.25x the floor; 1% incremental refresh <= 10% of a full build; peak memory <= 4 GB; "
        "each typical mart query <= 100 ms warm.",
        "",
    ]
    lines += kept.get("verdicts", [])
    lines += _verdicts(results)
    return "\n".join(lines) + "\n"


def _verdicts(results: list[SizeResult]) -> list[str]:
    out: list[str] = []
    for r in results:
        if not (r.build and r.floor) or r.build.returncode or r.floor.returncode:
            continue
        ratio = r.build.seconds / r.floor.seconds
        peak = r.build.peak_bytes / 1e9
        slow = [n for n, (ms, _) in r.queries.items() if ms > TARGETS["query_ms"]]
        refresh = r.refresh.seconds / r.build.seconds if r.refresh and not r.refresh.returncode else None
        target = TARGETS["build_vs_floor"]
        verdict = "met" if ratio <= target else f"missed by a factor {ratio / target:.1f}"
        out.append(
            f"- {r.label}: build/floor {ratio:.1f}x (target {target}x: {verdict}); "
            f"peak {peak:.2f} GB ({'met' if peak <= TARGETS['peak_gb'] else 'missed'}); "
            f"1% refresh {f'{refresh:.0%} of a full build' if refresh is not None else 'n/a'} "
            f"({'met' if refresh is not None and refresh <= TARGETS['refresh_vs_build'] else 'missed'}); "
            f"queries over 100 ms: {', '.join(slow) if slow else 'none'}."
        )
    return out


NOTES_LINK = (
    "What these numbers say, and what was changed because of them: [performance-notes.md](performance-notes.md)."
)


def notes_link() -> str:
    """The report's last line: the hand-written analysis lives in docs/performance-notes.md, which no script writes."""
    return "\n" + NOTES_LINK + "\n"


def main() -> None:
    from militancy.synth import parse_size

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", default=["100k", "1M", "10M"])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/militancy-scale"))
    parser.add_argument("--runs", type=int, default=7, help="warm runs per query (median)")
    parser.add_argument("--report", type=Path, default=REPORT, help="where to write the Markdown report")
    parser.add_argument("--no-report", action="store_true")
    parser.add_argument("--dataset-refresh", action="store_true", help="also time a 1%% dataset refresh")
    parser.add_argument("--not-run", nargs="*", default=[], help="sizes to list as not run in the report")
    parser.add_argument(
        "--keep-other-sizes",
        action="store_true",
        help="keep the report's rows of sizes not measured in this run (marked as from the earlier run)",
    )
    parser.add_argument(
        "--generated",
        type=Path,
        help="for a single size: use this project written beforehand by `militancy synth` (same size and seed) "
        "instead of generating one",
    )
    args = parser.parse_args()
    if args.generated and len(args.sizes) != 1:
        parser.error("--generated goes with exactly one size")
    kept = kept_rows(args.report, args.sizes) if args.keep_other_sizes else None
    results = []
    for label in args.sizes:
        result = measure(
            label, parse_size(label), args.seed, args.workdir, args.runs, args.dataset_refresh, args.generated
        )
        results.append(result)
        text = report(results, "python benchmarks/scale.py " + " ".join(sys.argv[1:]), args.not_run, kept)
        if not args.no_report:
            args.report.write_text(text + notes_link(), encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
