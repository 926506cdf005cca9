"""Build one input snapshot on DuckDB and on Spark local, and prove every public mart equal on both engines.

`militancy spark-test` (`make test-spark`): the snapshot, validation and located offsets of a normal build
(build.prepare_inputs), then `dbt build --target dev` (DuckDB, into a scratch file) and `dbt build --target spark`
(dbt-spark's session method, from the Spark venv `.venv-spark`, into a scratch Spark warehouse), then a row-for-row,
order-insensitive comparison of every model with `access: public` in the manifest. Spark writes each table as
Parquet files under `<warehouse>/<schema>.db/<table>/`; DuckDB reads them there, so the comparison needs no Spark
client. Doubles are compared after rounding to FLOAT_DIGITS decimals (the engines may sum in another order);
everything else exactly. Where the project has dataset records, `militancy datasets link` then runs on both builds
(Splink on DuckDB; Splink's Spark backend over the Spark tables, in the Spark venv) and the proposals must be the
same. The published warehouse is never touched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from militancy import dbt_artifacts, refresh
from militancy.build import prepare_inputs, run_dbt
from militancy.dbt_artifacts import PUBLIC_SCHEMA

SPARK_VENV = ".venv-spark"
FLOAT_DIGITS = 9
SHOWN_ROWS = 5
FLOAT_TYPES = ("DOUBLE", "FLOAT", "REAL")


class CompareError(RuntimeError):
    """A build failed or a mart differs between the engines."""


@dataclass
class MartDiff:
    name: str
    problems: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.problems)


def spark_dbt(project_dir: Path) -> str:
    """The dbt of the Spark venv (MILITANCY_SPARK_DBT overrides it)."""
    path = os.environ.get("MILITANCY_SPARK_DBT") or str(project_dir / SPARK_VENV / "bin" / "dbt")
    if not Path(path).exists():
        raise CompareError(f"{path} not found: run `make spark-install` first")
    return path


def partition_columns(manifest_path: Path) -> dict[tuple[str, str], list[str]]:
    """(schema, table) -> partition columns, for the models of a (Spark) manifest configured with partition_by."""
    nodes = dbt_artifacts.load_json(manifest_path)["nodes"].values()
    found = {}
    for node in nodes:
        partition_by = node["resource_type"] == "model" and node["config"].get("partition_by")
        if partition_by:
            found[(node["schema"], node["alias"])] = [partition_by] if isinstance(partition_by, str) else partition_by
    return found


def public_marts(manifest_path: Path) -> list[tuple[str, str]]:
    """(schema, table) of every public mart (dbt_artifacts.public_marts: the models of the public schema, which
    dbt_project.yml makes `access: public`), sorted."""
    return [(PUBLIC_SCHEMA, mart.name) for mart in dbt_artifacts.public_marts(dbt_artifacts.load_json(manifest_path))]


def _dbt(inputs: Path, args: list[str], db: Path | str, say: Callable[[str], None], **kwargs: object) -> None:
    started = time.monotonic()
    proc = run_dbt(inputs, args, db, None, **kwargs)  # type: ignore[arg-type]
    say(f"  dbt {' '.join(args[:3])}: {time.monotonic() - started:.0f} s")
    if proc.returncode != 0:
        raise CompareError(f"dbt {' '.join(args)} failed:\n{proc.stdout[-6000:]}")


def prepare_spark_sources(inputs: Path, say: Callable[[str], None]) -> None:
    """Registered dataset files to Parquet (written by DuckDB with the SQL it reads them with), for Spark."""
    (inputs / "datasets" / "parquet").mkdir(parents=True, exist_ok=True)
    say("DuckDB: registered dataset files to Parquet for Spark")
    _dbt(inputs, ["run-operation", "export_dataset_sources", "--target", "lint"], ":memory:", say)


def duckdb_build(inputs: Path, duck: Path, say: Callable[[str], None]) -> None:
    """`dbt build --target dev` of the snapshot `inputs` into the new DuckDB file `duck`."""
    say("DuckDB: dbt build")
    duck.parent.mkdir(parents=True, exist_ok=True)
    _dbt(inputs, ["build", "--target", "dev", "--target-path", "target-duckdb"], duck, say)


# dbt's own generic tests (dbt-spark's to keep portable), left out of the Spark build: the DuckDB build of the same
# snapshot runs them, and the comparison proves every public mart equal row for row. The project's own test SQL
# (its generic tests, singular tests and unit tests) runs on Spark too.
DBT_BUILTIN_TESTS = ("test_name:not_null", "test_name:unique", "test_name:relationships", "test_name:accepted_values")


def spark_build(
    project_dir: Path,
    inputs: Path,
    spark_dir: Path,
    say: Callable[[str], None],
    selection: Sequence[str] = ("--exclude", *DBT_BUILTIN_TESTS),
) -> None:
    """`dbt build --target spark` of the snapshot `inputs` into the Spark warehouse and metastore in `spark_dir`
    (a second run on the same folder sees the first run's tables: incremental models refresh). `selection`:
    dbt build arguments (default: every node but dbt's built-in generic tests; e.g. `--resource-type seed
    --resource-type model`)."""
    say(f"Spark local: dbt build {' '.join(selection)}".rstrip())
    _dbt(
        inputs,
        ["build", *selection, "--target", "spark", "--target-path", "target-spark"],
        ":memory:",
        say,
        dbt=spark_dbt(project_dir),
        extra_env={"MILITANCY_SPARK_DIR": str(spark_dir)},
    )


def build_both(project_dir: Path, work: Path, say: Callable[[str], None] = print) -> tuple[Path, Path, Path]:
    """Build one snapshot of `project_dir` with both engines under `work`; return (DuckDB file, Spark table
    folder, inputs folder: its target-duckdb/ and target-spark/ hold each engine's manifest)."""
    project_dir = project_dir.resolve()
    inputs = work / "inputs"
    prepare_inputs(project_dir, inputs, say)
    refresh.write_changes(refresh.Plan(False, "engine comparison"), inputs)  # full builds: no changed documents
    duck = work / "duckdb" / "militancy.duckdb"
    spark_dir = work / "spark"
    spark_dir.mkdir()
    prepare_spark_sources(inputs, say)
    duckdb_build(inputs, duck, say)
    spark_build(project_dir, inputs, spark_dir, say)
    return duck, spark_dir / "tables", inputs


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def columns_of(con: duckdb.DuckDBPyConnection, relation: str) -> list[tuple[str, str]]:
    """(name, type) of every column of a relation (a table name or a table function), in order."""
    return [(row[0], row[1]) for row in con.execute(f"describe select * from {relation}").fetchall()]


def compare_relations(
    con: duckdb.DuckDBPyConnection,
    name: str,
    left: str,
    right: str,
    labels: tuple[str, str] = ("DuckDB", "Spark"),
) -> MartDiff:
    """Compare two relations readable by `con`: the same column names in the same order, and the same multiset of
    rows (`except all` both ways, so a duplicated row counts; doubles rounded to FLOAT_DIGITS decimals; the right
    side cast to the left side's types). Names the first rows found on one side only and their differing columns.
    The one row-for-row comparison of the project: DuckDB vs Spark (compare_mart), incremental vs full refresh."""
    diff = MartDiff(name)
    left_columns, right_columns = columns_of(con, left), columns_of(con, right)
    left_names, right_names = [c for c, _ in left_columns], [c for c, _ in right_columns]
    if left_names != right_names:
        diff.problems.append(f"columns differ: {labels[0]} {left_names} / {labels[1]} {right_names}")
        return diff
    left_select = ", ".join(
        f"round({_quote(c)}, {FLOAT_DIGITS}) as {_quote(c)}" if t in FLOAT_TYPES else _quote(c) for c, t in left_columns
    )
    right_select = ", ".join(
        f"round(cast({_quote(c)} as double), {FLOAT_DIGITS}) as {_quote(c)}"
        if t in FLOAT_TYPES
        else f"cast({_quote(c)} as {t}) as {_quote(c)}"
        for c, t in left_columns
    )
    con.execute(f"create or replace temp view compared_left as select {left_select} from {left}")
    con.execute(f"create or replace temp view compared_right as select {right_select} from {right}")
    left_count = con.execute("select count(*) from compared_left").fetchone()[0]
    right_count = con.execute("select count(*) from compared_right").fetchone()[0]
    if left_count != right_count:
        diff.problems.append(f"row count: {labels[0]} {left_count}, {labels[1]} {right_count}")
    sides = (("compared_left", "compared_right"), ("compared_right", "compared_left"))
    only_left, only_right = (
        con.execute(f"select * from (select * from {a} except all select * from {b}) limit {SHOWN_ROWS}").fetchall()
        for a, b in sides
    )
    for label, rows in ((labels[0], only_left), (labels[1], only_right)):
        for row in rows:
            diff.problems.append(
                f"only in {label}: " + ", ".join(f"{c}={v!r}" for c, v in zip(left_names, row, strict=True))
            )
    for a_row, b_row in zip(only_left, only_right, strict=False):
        differing = [c for c, a, b in zip(left_names, a_row, b_row, strict=True) if a != b]
        diff.problems.append(f"first differing columns ({left_names[0]}={a_row[0]!r}): {', '.join(differing)}")
    return diff


def compare_mart(
    con: duckdb.DuckDBPyConnection, schema: str, table: str, spark_tables: Path, partitions: Sequence[str] = ()
) -> MartDiff:
    """Compare one mart of the DuckDB build (attached as `duck`) with the Parquet files Spark wrote for it.
    `partitions`: the Spark table's partition columns; Spark stores them in the folder names
    (`document_id=doc_000/`) and puts them last in the table, so Spark's columns must be DuckDB's in the same order
    with exactly these moved to the end; then the rows are compared in DuckDB's column order."""
    name = f"{schema}.{table}"
    folder = spark_tables / f"{schema}.db" / table
    pattern = "/".join(["*"] * len(partitions) + ["*.parquet"])
    files = sorted(str(p) for p in folder.glob(pattern)) if folder.is_dir() else []
    exists = con.execute(
        "select count(*) from information_schema.tables "
        "where table_catalog = 'duck' and table_schema = ? and table_name = ?",
        [schema, table],
    ).fetchone()[0]
    if not exists:
        return MartDiff(name, ["missing in the DuckDB build"])
    duck = f"duck.{_quote(schema)}.{_quote(table)}"
    if not files:
        duck_count = con.execute(f"select count(*) from {duck}").fetchone()[0]
        if not folder.is_dir():
            return MartDiff(name, [f"missing in the Spark build ({folder})"])
        return MartDiff(name, [f"Spark wrote no rows, DuckDB has {duck_count}"] if duck_count else [])
    # Partition values as written (no type guessing: 'doc_007' stays a string); Spark's folder for NULL
    # (__HIVE_DEFAULT_PARTITION__) reads as NULL.
    spark = (
        f"read_parquet({[*files]!r}, hive_partitioning = true, hive_types_autocast = false)"
        if partitions
        else f"read_parquet({[*files]!r})"
    )
    duck_names = [c for c, _ in columns_of(con, duck)]
    spark_names = [c for c, _ in columns_of(con, spark)]
    expected = [c for c in duck_names if c not in partitions] + list(partitions)
    if spark_names != expected:
        moved = f" (partition columns {list(partitions)} last)" if partitions else ""
        return MartDiff(name, [f"columns differ: DuckDB {duck_names}{moved} / Spark {spark_names}"])
    in_duck_order = f"(select {', '.join(_quote(c) for c in duck_names)} from {spark})"
    return compare_relations(con, name, duck, in_duck_order)


def compare(
    duck: Path,
    spark_tables: Path,
    marts: Sequence[tuple[str, str]],
    partitions: dict[tuple[str, str], list[str]] | None = None,
) -> list[MartDiff]:
    partitions = partitions or {}
    with duckdb.connect() as con:
        con.execute(f"attach '{duck}' as duck (read_only)")
        return [
            compare_mart(con, schema, table, spark_tables, partitions.get((schema, table), ()))
            for schema, table in marts
        ]


def compare_builds(duck: Path, spark_tables: Path, inputs: Path, say: Callable[[str], None]) -> list[MartDiff]:
    """Every public mart of the DuckDB build's manifest, compared with the Spark build's tables (partitioned as
    the Spark build's manifest says)."""
    manifest = inputs / "target-duckdb" / "manifest.json"
    marts = public_marts(manifest)
    if not marts:
        raise CompareError(f"no public model in {manifest}")
    diffs = compare(duck, spark_tables, marts, partition_columns(inputs / "target-spark" / "manifest.json"))
    say(f"Compared {len(marts)} public marts, DuckDB vs Spark local: {sum(1 for d in diffs if d)} differ")
    return diffs


LINK_THRESHOLD = 0.01  # low, so that weak candidate pairs are compared too


def compare_linking(
    project_dir: Path, inputs: Path, spark_dir: Path, duck: Path, say: Callable[[str], None] = print
) -> list[MartDiff]:
    """`militancy datasets link` on both builds of the snapshot `inputs`: Splink on DuckDB over the DuckDB
    warehouse `duck`, Splink's Spark backend over the Spark warehouse in `spark_dir` (same model); the proposals
    must be the same (dataset_linking.differences)."""
    from militancy.datasets import linking as dataset_linking

    with duckdb.connect(str(duck), read_only=True) as con:
        records = con.execute("select count(*) from marts.fct_dataset_records").fetchone()[0]
    if not records:
        say("Dataset linking: no dataset records in this project, nothing to compare")
        return []
    started = time.monotonic()
    on_duckdb = dataset_linking.propose(duck, inputs, threshold=LINK_THRESHOLD)
    python = project_dir.resolve() / SPARK_VENV / "bin" / "python"
    try:
        on_spark = dataset_linking.propose_on_spark(inputs, LINK_THRESHOLD, spark_dir=spark_dir, python=python)
    except RuntimeError as exc:
        return [MartDiff("dataset link proposals", [str(exc)])]
    diff = MartDiff("dataset link proposals", dataset_linking.differences(on_duckdb, on_spark))
    say(
        f"Dataset linking ({records} records, match probability >= {LINK_THRESHOLD}): {len(on_duckdb)} proposals "
        f"on DuckDB, {len(on_spark)} on Spark, {'different' if diff else 'the same'} "
        f"({time.monotonic() - started:.0f} s)"
    )
    return [diff]


def run(project_dir: Path, work: Path | None = None, say: Callable[[str], None] = print) -> list[MartDiff]:
    """Build both engines in `work` (a temporary folder by default, removed afterwards) and compare."""
    owned = work is None
    work = Path(tempfile.mkdtemp(prefix="militancy-engines-")) if work is None else work
    try:
        duck, spark_tables, inputs = build_both(project_dir, work, say)
        linking = compare_linking(project_dir, inputs, spark_tables.parent, duck, say)
        return [*compare_builds(duck, spark_tables, inputs, say), *linking]
    finally:
        if owned:
            shutil.rmtree(work, ignore_errors=True)
