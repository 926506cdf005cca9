"""Fixtures: a private copy of the project in a temporary folder, and a real warehouse built from it.

Tiers (CONTRIBUTING.md): a test that runs dbt, or reads a warehouse that a fixture builds, carries the marker
`build`; `make test-fast` runs the rest (`-m "not build and not spark"`). Tests that share a warehouse built once
per session or module are each defined in, and used by, one test file; `militancy test` runs pytest-xdist with
`--dist loadfile` (a file's tests on one worker), so each is built once. (Not `loadgroup`: with pytest 9 the
`xdist_group` marks of pytest-xdist 3.8 no longer reach its scheduler, and grouped fixtures were built twice.)"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from militancy.build import PARSE_CACHE, BuildResult, build, copy_parts, keep_artifacts, mart_row_counts

ROOT = Path(__file__).resolve().parents[1]
DATASET_FIXTURES = ROOT / "tests" / "fixtures" / "datasets"
# The dataset fixture files, every variant: registered together by the dataset, release and Spark tests.
DATASET_FIXTURE_FILES = (
    ("ucdp-ged", "ucdp_ged_fixture.csv"),
    ("ucdp-ged", "ucdp_ged_no_header_fixture.csv"),
    ("gtd", "gtd_fixture.csv"),
    ("acled", "acled_fixture.csv"),
    ("ucdp-ged", "real/ucdp_ged_231_car_excerpt.csv"),  # real GED 23.1 rows (CC BY 4.0): two split events
    ("acled", "acled_pre2023_fixture.csv"),  # the pre-2023 layout, written by R (NA), re-saved by Excel (9-May-20)
)
PROJECT_PARTS = ("dbt_project.yml", "profiles.yml", "seeds", "models", "macros", "analyses", "tests/data", "corpus")
# `militancy test` builds and publishes the project's warehouse just before it runs pytest, from the same inputs the
# session fixture would build again: it names that published file here, and `built` reads a copy of it.
PUBLISHED_ENV = "MILITANCY_TEST_PUBLISHED"
# Fixtures that build a warehouse (or a release, or a refresh): the tests using them are marked `build`. Each but
# `built` (under `militancy test` a copy of the build just published) is defined in the one test file that uses it.
SHARED_BUILDS = ("built_with_datasets", "published", "refreshed", "releases", "synthetic", "spark_refresh", "built")


def copy_project(dest: Path) -> Path:
    """Copy what dbt needs (not the venv, target or warehouse) so a test can change it freely; with the parse cache
    of the build `militancy test` just published in its target/, where a build of the copy starts dbt from it."""
    copy_parts(ROOT, dest, PROJECT_PARTS)
    published = os.environ.get(PUBLISHED_ENV)
    cache = Path(published).resolve().parent / PARSE_CACHE if published else None
    if cache is not None and cache.is_file():
        (dest / "target").mkdir(exist_ok=True)
        shutil.copy2(cache, dest / "target" / PARSE_CACHE)
    return dest


def register_dataset_fixtures(project: Path, files: tuple[tuple[str, str], ...] = DATASET_FIXTURE_FILES) -> None:
    """Register dataset fixture files (default: every one) in `project` (`militancy datasets add`)."""
    from militancy.datasets import registry

    for fmt, name in files:
        registry.add(project, DATASET_FIXTURES / name, fmt)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if any(name in getattr(item, "fixturenames", ()) for name in SHARED_BUILDS):
            item.add_marker(pytest.mark.build)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def _published_copy(published: Path, root: Path) -> BuildResult | None:
    """A copy of the release `militancy test` just published (database, Parquet, and the dbt artifacts its build left
    in the checkout's target/, which `mf` reads), in the copied project, when it was built from exactly what
    copy_project copies (no registered dataset files in the checkout)."""
    release = published.resolve().parent
    if (ROOT / "datasets" / "registry.csv").exists() or not (release / "parquet").is_dir():
        return None
    warehouse = root / "warehouse"
    warehouse.mkdir(parents=True)
    shutil.copy2(release / published.name, warehouse / published.name)
    shutil.copytree(release / "parquet", warehouse / "parquet")
    keep_artifacts(ROOT / "target", root / "target")
    db = warehouse / published.name
    return BuildResult(db, 0.0, mart_row_counts(db), release)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """One real warehouse built from a copy of the project, shared by the read-only tests."""
    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    published = os.environ.get(PUBLISHED_ENV)
    reused = _published_copy(Path(published), root) if published else None
    return reused or build(root, root / "warehouse" / "militancy.duckdb", echo=None)


@pytest.fixture()
def con(built: BuildResult):
    connection = duckdb.connect(str(built.path), read_only=True)
    yield connection
    connection.close()
