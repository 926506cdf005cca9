"""The DuckDB-vs-Spark mart comparison (engine_compare), on real files laid out as Spark writes its tables.
(`make test-spark` runs it on the real builds of both engines.)"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from militancy.engine_compare import compare, partition_columns, public_marts

ROWS = [("a", 1, 0.1, "2001-09-11", True), ("b", 2, 1 / 3, None, False), ("c", None, None, "2003-01-01", None)]


def _duckdb(path: Path) -> Path:
    with duckdb.connect(str(path)) as con:
        con.execute("create schema marts")
        con.execute("create table marts.t (id varchar, n integer, x double, d date, b boolean)")
        con.executemany("insert into marts.t values (?, ?, ?, ?, ?)", ROWS)
    return path


def _spark_table(tables: Path, rows: list[tuple], name: str = "t") -> None:
    """Parquet files under <tables>/marts.db/<name>/, split in two parts as Spark writes them."""
    folder = tables / "marts.db" / name
    folder.mkdir(parents=True)
    with duckdb.connect() as con:
        con.execute("create table t (id varchar, n integer, x double, d date, b boolean)")
        for part, chunk in enumerate((rows[:1], rows[1:])):
            con.execute("delete from t")
            if chunk:
                con.executemany("insert into t values (?, ?, ?, ?, ?)", chunk)
            con.execute(f"copy t to '{folder}/part-0000{part}.snappy.parquet' (format parquet)")


@pytest.fixture()
def duck(tmp_path: Path) -> Path:
    return _duckdb(tmp_path / "duck.duckdb")


def test_equal_in_another_order_and_within_float_tolerance(duck: Path, tmp_path: Path) -> None:
    rows = [ROWS[2], (ROWS[1][0], ROWS[1][1], ROWS[1][2] + 1e-13, *ROWS[1][3:]), ROWS[0]]
    _spark_table(tmp_path / "spark", rows)
    (diff,) = compare(duck, tmp_path / "spark", [("marts", "t")])
    assert not diff, diff.problems


def test_a_changed_value_names_the_rows_and_the_column(duck: Path, tmp_path: Path) -> None:
    _spark_table(tmp_path / "spark", [ROWS[0], ("b", 2, 0.34, None, False), ROWS[2]])
    (diff,) = compare(duck, tmp_path / "spark", [("marts", "t")])
    assert diff
    text = "\n".join(diff.problems)
    assert "only in DuckDB: id='b'" in text
    assert "only in Spark: id='b', n=2, x=0.34" in text
    assert "first differing columns (id='b'): x" in text


def test_a_duplicated_row_and_a_missing_row_differ(duck: Path, tmp_path: Path) -> None:
    _spark_table(tmp_path / "spark", [ROWS[0], ROWS[0], ROWS[1]])
    (diff,) = compare(duck, tmp_path / "spark", [("marts", "t")])
    assert not any(p.startswith("row count") for p in diff.problems)  # same count, other rows
    assert any(p.startswith("only in DuckDB: id='c'") for p in diff.problems)
    assert any(p.startswith("only in Spark: id='a'") for p in diff.problems)


def test_missing_table_and_row_count(duck: Path, tmp_path: Path) -> None:
    (tmp_path / "spark").mkdir()
    (missing,) = compare(duck, tmp_path / "spark", [("marts", "t")])
    assert "missing in the Spark build" in missing.problems[0]
    _spark_table(tmp_path / "spark", ROWS[:2])
    (short,) = compare(duck, tmp_path / "spark", [("marts", "t")])
    assert "row count: DuckDB 3, Spark 2" in short.problems


def test_public_marts_come_from_the_manifest(tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.json"
    nodes = {
        "model.m.a": {"resource_type": "model", "name": "a", "access": "public", "schema": "marts"},
        "model.m.b": {"resource_type": "model", "name": "b", "access": "protected", "schema": "intermediate"},
        "test.m.c": {"resource_type": "test", "name": "c", "schema": "marts"},
    }
    manifest.write_text(json.dumps({"nodes": nodes}), encoding="utf-8")
    assert public_marts(manifest) == [("marts", "a")]


def _partitioned_spark_table(tables: Path, rows: list[tuple]) -> None:
    """As Spark writes a table partitioned by id: one folder per value (NULL in Spark's default folder), the
    partition column absent from the files."""
    with duckdb.connect() as con:
        con.execute("create table t (id varchar, n integer, x double, d date, b boolean)")
        con.executemany("insert into t values (?, ?, ?, ?, ?)", rows)
        for (value,) in con.execute("select distinct id from t").fetchall():
            folder = tables / "marts.db" / "t" / f"id={value if value is not None else '__HIVE_DEFAULT_PARTITION__'}"
            folder.mkdir(parents=True)
            where = "id is null" if value is None else f"id = '{value}'"
            con.execute(
                f"copy (select n, x, d, b from t where {where}) to '{folder}/part-00000.parquet' (format parquet)"
            )


def test_a_partitioned_table_has_its_partition_column_last(duck: Path, tmp_path: Path) -> None:
    _partitioned_spark_table(tmp_path / "spark", [ROWS[2], ROWS[0], ROWS[1]])
    (diff,) = compare(duck, tmp_path / "spark", [("marts", "t")], {("marts", "t"): ["id"]})
    assert not diff, diff.problems
    # The same files read as if unpartitioned (no id column at all), or with another partition column, differ.
    (unpartitioned,) = compare(duck, tmp_path / "spark", [("marts", "t")])
    assert unpartitioned.problems
    (wrong,) = compare(duck, tmp_path / "spark", [("marts", "t")], {("marts", "t"): ["n"]})
    assert "columns differ" in wrong.problems[0]


def test_a_partitioned_table_with_another_value_differs(duck: Path, tmp_path: Path) -> None:
    _partitioned_spark_table(tmp_path / "spark", [ROWS[0], ROWS[1], ("d", *ROWS[2][1:])])
    (diff,) = compare(duck, tmp_path / "spark", [("marts", "t")], {("marts", "t"): ["id"]})
    assert "only in DuckDB: id='c'" in "\n".join(diff.problems)


def test_partition_columns_come_from_the_spark_manifest(tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.json"
    nodes = {
        "model.m.a": {"resource_type": "model", "schema": "marts", "alias": "a", "config": {"partition_by": ["d"]}},
        "model.m.b": {"resource_type": "model", "schema": "marts", "alias": "b", "config": {"partition_by": "e"}},
        "model.m.c": {"resource_type": "model", "schema": "marts", "alias": "c", "config": {"partition_by": None}},
    }
    manifest.write_text(json.dumps({"nodes": nodes}), encoding="utf-8")
    assert partition_columns(manifest) == {("marts", "a"): ["d"], ("marts", "b"): ["e"]}
