"""Fixtures: a private copy of the project in a temporary folder, and a real warehouse built from it."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from militancy.build import BuildResult, build

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("dbt_project.yml", "profiles.yml", "seeds", "models", "macros", "analyses", "tests/data", "corpus")


def copy_project(dest: Path) -> Path:
    """Copy what dbt needs (not the venv, target or warehouse) so a test can change it freely."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        target = dest / part
        if src.is_dir():
            shutil.copytree(src, target, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target)
    return dest


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
