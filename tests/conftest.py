"""Fixtures: a private copy of the project in a temporary folder, and a real warehouse built from it."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from militancy.build import BuildResult, build, copy_parts

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("dbt_project.yml", "profiles.yml", "seeds", "models", "macros", "analyses", "tests/data", "corpus")


def copy_project(dest: Path) -> Path:
    """Copy what dbt needs (not the venv, target or warehouse) so a test can change it freely."""
    return copy_parts(ROOT, dest, PROJECT_PARTS)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """One real warehouse built from a copy of the project, shared by the read-only tests."""
    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    return build(root, root / "warehouse" / "militancy.duckdb", echo=None)


@pytest.fixture()
def con(built: BuildResult):
    connection = duckdb.connect(str(built.path), read_only=True)
    yield connection
    connection.close()
