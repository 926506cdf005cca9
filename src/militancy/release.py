"""`militancy release VERSION`: a citable, reproducible release in releases/VERSION/.

The warehouse is built and tested into a private folder (`militancy.build.build`), then a release is staged
beside it: the DuckDB file, every public mart as Parquet and CSV (rows ordered by the mart's key, one thread,
fixed Parquet settings, so the same inputs give the same bytes), the research-format exports, a codebook,
CITATION.cff, the changes since the previous release and manifest.json (sha256 of every file, row counts,
inputs). The staged folder is renamed to releases/VERSION only when complete; an existing release is never
overwritten, and VERSION must be bumped as docs/releases.md says (or `--force`).

By default a release is built without the registered dataset files whose licence forbids redistribution (GTD,
ACLED): none of their rows is in any of its files. UCDP GED (CC BY 4.0) is included, with its attribution. The
manifest and the codebook name each registered dataset, its licence and whether it is in the release.
`--include-licensed-datasets` builds with every registered file, for private use, and says so in a NOTICE.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import os
import platform
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from militancy.build import BuildError, build, run_dbt
from militancy.changelog import (
    LEVELS,
    Changelog,
    Snapshot,
    compare,
    mart_columns,
    sql_identifier,
    sql_path,
    write_changelog,
)
from militancy.codebook import write_codebook
from militancy.datasets.formats import FORMATS
from militancy.datasets.registry import RegisteredDataset, read_registry, sha256_file
from militancy.dbt_artifacts import PUBLIC_SCHEMA, Mart, load_json, public_marts, source_files
from militancy.research_exports import ExportError, write_shaped_exports

TITLE = "Militancy Warehouse"
# No licence is claimed until the project chooses one: the curated data could take an open licence, but the corpus
# texts (news articles, an MMP profile, Wikipedia) remain under their publishers' terms. `--license SPDX-ID` sets it.
LICENSE: str | None = None
LICENSE_NOTE = (
    "No licence has been chosen for the curated data yet; the document texts in document_texts remain under their "
    "publishers' terms."
)
AUTHORS = "Militancy Warehouse contributors"
RELEASES_DIR = "releases"
DB_FILE = "militancy.duckdb"
PARQUET_OPTIONS = "format parquet, compression zstd, row_group_size 100000"
CSV_OPTIONS = "format csv, header true, delimiter ',', quote '\"'"

_SEMVER = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
    r"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$"
)


class ReleaseError(RuntimeError):
    """The release was refused or failed; nothing was written to releases/."""


@dataclass(frozen=True, order=False)
class Version:
    major: int
    minor: int
    patch: int
    prerelease: tuple[str, ...] = ()
    text: str = ""

    @classmethod
    def parse(cls, text: str) -> Version:
        match = _SEMVER.match(text)
        if not match:
            raise ReleaseError(
                f"{text!r} is not a semantic version MAJOR.MINOR.PATCH (e.g. 0.3.0 or 1.0.0-rc.1; no leading 'v')"
            )
        pre = tuple(match.group(4).split(".")) if match.group(4) else ()
        return cls(int(match.group(1)), int(match.group(2)), int(match.group(3)), pre, text)

    @property
    def core(self) -> tuple[int, int, int]:
        return (self.major, self.minor, self.patch)

    def sort_key(self) -> tuple:
        # Semver precedence: a pre-release sorts before its release; numeric identifiers before alphanumeric.
        pre = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in self.prerelease)
        return (self.core, 0 if self.prerelease else 1, pre)

    def bump_from(self, previous: Version) -> str | None:
        """The level of the bump from `previous` (None when not newer)."""
        if self.sort_key() <= previous.sort_key():
            return None
        if previous.prerelease and self.core == previous.core:
            return "major"  # the release a pre-release led up to may contain anything the pre-releases did
        if self.major > previous.major:
            return "major"
        return "minor" if self.minor > previous.minor else "patch"


def existing_releases(releases_dir: Path) -> list[Version]:
    found = []
    if releases_dir.is_dir():
        for path in releases_dir.iterdir():
            if path.is_dir() and (path / "manifest.json").exists() and _SEMVER.match(path.name):
                found.append(Version.parse(path.name))
    return sorted(found, key=Version.sort_key)


def previous_release(releases_dir: Path, version: Version) -> Version | None:
    older = [v for v in existing_releases(releases_dir) if v.sort_key() < version.sort_key()]
    return older[-1] if older else None


def check_version(version: Version, previous: Version | None, log: Changelog | None, force: bool) -> tuple[str, bool]:
    """Refuse a version that is not newer or is bumped less than the changes need.

    Returns the level the changes need ("initial" for a first release) and whether --force overrode the rule."""
    if previous is None or log is None:
        return "initial", False
    needed = log.level
    bump = version.bump_from(previous)
    enough = bump is not None and LEVELS.index(bump) >= LEVELS.index(needed)
    if not enough and not force:
        reasons = "\n".join(f"  - {r}" for r in log.reasons()[:20])
        got = "not newer than" if bump is None else f"a {bump} bump from"
        raise ReleaseError(
            f"version {version.text} is {got} the previous release {previous.text}, but the changes since it need "
            f"a {needed} bump (docs/releases.md):\n{reasons}\n"
            "Choose a larger version, or pass --force to release anyway (recorded in manifest.json)."
        )
    return needed, not enough


def export_marts(db_path: Path, marts: list[Mart], out_dir: Path) -> dict[str, dict]:
    """Write each mart as parquet/<name>.parquet and csv/<name>.csv, rows ordered by key then every column."""
    (out_dir / "parquet").mkdir(parents=True, exist_ok=True)
    (out_dir / "csv").mkdir(parents=True, exist_ok=True)
    tables: dict[str, dict] = {}
    with duckdb.connect(str(db_path), read_only=True) as con:
        con.execute("set threads = 1")
        con.execute("set preserve_insertion_order = true")
        built = mart_columns(con)
        for mart in marts:
            if mart.name not in built:
                raise ReleaseError(f"dbt's manifest lists {mart.name} but the warehouse has no marts.{mart.name}")
            columns = list(built[mart.name])
            order = list(mart.key) + [c for c in columns if c not in mart.key]
            ordering = ", ".join(map(sql_identifier, order))
            query = f"select * from {PUBLIC_SCHEMA}.{sql_identifier(mart.name)} order by {ordering}"
            parquet = Path("parquet") / f"{mart.name}.parquet"
            table_csv = Path("csv") / f"{mart.name}.csv"
            con.execute(f"copy ({query}) to {sql_path(out_dir / parquet)} ({PARQUET_OPTIONS})")
            con.execute(f"copy ({query}) to {sql_path(out_dir / table_csv)} ({CSV_OPTIONS})")
            tables[mart.name] = {
                "key": list(mart.key),
                "rows": con.execute(f"select count(*) from {PUBLIC_SCHEMA}.{sql_identifier(mart.name)}").fetchone()[0],
                "columns": [{"name": c, "type": t} for c, t in built[mart.name].items()],
                "parquet": parquet.as_posix(),
                "csv": table_csv.as_posix(),
            }
    return tables


def _git(project_dir: Path, *args: str) -> str | None:
    try:
        out = subprocess.run(
            ["git", *args], cwd=project_dir, capture_output=True, text=True, check=True, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return out.strip()


def _versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for dist in ("dbt-core", "dbt-duckdb", "duckdb", "militancy-warehouse"):
        try:
            found[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            found[dist] = "not installed"
    return found


def _inputs(project_dir: Path, manifest: dict) -> dict:
    def entry(path: Path) -> dict:
        try:
            shown = path.relative_to(project_dir).as_posix()
        except ValueError:
            shown = str(path)
        return {"path": shown, "sha256": sha256_file(path), "bytes": path.stat().st_size}

    sources = {name: [entry(p) for p in files] for name, files in source_files(manifest, project_dir).items()}
    seeds = sorted((project_dir / "seeds").rglob("*.csv"))
    datasets_dir = Path(os.environ.get("MILITANCY_DATASETS_DIR") or project_dir / "datasets")
    if not datasets_dir.is_absolute():
        datasets_dir = project_dir / datasets_dir
    datasets = sorted(
        p
        for p in (datasets_dir.rglob("*") if datasets_dir.is_dir() else [])
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(datasets_dir).parts)
    )
    return {"sources": sources, "seeds": [entry(p) for p in seeds], "datasets": [entry(p) for p in datasets]}


def citation_cff(version: str, date_released: str, commit: str | None, license_id: str | None) -> str:
    lines = [
        "cff-version: 1.2.0",
        'message: "If you use this dataset, please cite it as below."',
        "type: dataset",
        f'title: "{TITLE}"',
        'abstract: "An open SQL warehouse about militant organizations, built from source documents: every figure '
        'is a claim traceable to the exact words of its document."',
        "authors:",
        f'  - name: "{AUTHORS}"',
        f'version: "{version}"',
        f'date-released: "{date_released}"',
        *([f"license: {license_id}"] if license_id else []),
        "keywords:",
        '  - "political violence"',
        '  - "militant organizations"',
        '  - "terrorism"',
        '  - "event data"',
    ]
    if commit:
        lines.append(f'commit: "{commit}"')
    return "\n".join(lines) + "\n"


def _read_doc(project_dir: Path, name: str) -> str:
    path = project_dir / "docs" / name
    if not path.exists():
        raise ReleaseError(f"{path} is missing: the codebook includes it")
    return path.read_text(encoding="utf-8")


def _release_date(date: str | None) -> str:
    if date:
        try:
            return dt.date.fromisoformat(date).isoformat()
        except ValueError as exc:
            raise ReleaseError(f"--date {date!r} is not an ISO date (YYYY-MM-DD)") from exc
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return when.date().isoformat()


def make_release(
    project_dir: Path,
    version_text: str,
    *,
    force: bool = False,
    date: str | None = None,
    license_id: str | None = LICENSE,
    releases_dir: Path | None = None,
    echo: Callable[[str], None] | None = print,
    include_licensed_datasets: bool = False,
) -> Path:
    """Build, test and write releases/VERSION; return its path. Raises ReleaseError (nothing written) or
    BuildError / SeedError from the build. `include_licensed_datasets`: build with the dataset files whose
    licence forbids redistribution too (a private release, marked as such)."""
    say = echo or (lambda _line: None)
    project_dir = project_dir.resolve()
    version = Version.parse(version_text)
    releases_dir = (releases_dir or project_dir / RELEASES_DIR).resolve()
    releases_dir.mkdir(parents=True, exist_ok=True)
    target = releases_dir / version.text
    if target.exists():
        raise ReleaseError(f"{target} already exists; a release is never overwritten. Choose a new version.")
    released = existing_releases(releases_dir)
    if released and version.sort_key() <= released[-1].sort_key():
        raise ReleaseError(
            f"version {version.text} is not newer than the latest release {released[-1].text} in {releases_dir}: "
            "versions only increase (docs/releases.md). Choose a version above it."
        )
    date_released = _release_date(date)
    work = Path(tempfile.mkdtemp(prefix=f".{version.text}.", dir=releases_dir))
    try:
        staged = _stage(
            project_dir, version, work, date_released, license_id, releases_dir, force, say, include_licensed_datasets
        )
        try:
            target.mkdir()  # claims the version atomically: fails if another run made it meanwhile
        except FileExistsError as exc:
            raise ReleaseError(f"{target} appeared while building; a release is never overwritten.") from exc
        try:
            os.replace(staged, target)  # one atomic rename onto the empty folder just claimed
        except OSError:
            target.rmdir()
            raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    say(f"Release written: {target}")
    return target


def _stage(
    project_dir: Path,
    version: Version,
    work: Path,
    date_released: str,
    license_id: str | None,
    releases_dir: Path,
    force: bool,
    say: Callable[[str], None],
    include_licensed_datasets: bool = False,
) -> Path:
    built_db = work / "build" / DB_FILE
    datasets = dataset_licences(project_dir, include_licensed_datasets)
    for entry in datasets:
        if not entry["included"]:
            say(f"Leaving out {entry['dataset_id']}: {entry['licence']} (--include-licensed-datasets for private use)")
    allowed = None if include_licensed_datasets else frozenset(f.name for f in FORMATS.values() if f.redistributable)
    say(f"Building and testing {TITLE} {version.text} in {built_db.parent} ...")
    # A citable release is built from nothing.
    result = build(project_dir, built_db, echo=say, full_refresh=True, dataset_formats=allowed)
    artifacts = work / "dbt"
    proc = run_dbt(project_dir, ["docs", "generate", "--target-path", str(artifacts)], result.path)
    if proc.returncode != 0:
        raise BuildError(f"dbt docs generate failed:\n{proc.stdout[-3000:]}")
    manifest, catalog = load_json(artifacts / "manifest.json"), load_json(artifacts / "catalog.json")
    marts = public_marts(manifest, catalog)

    stage = work / "release"
    stage.mkdir()
    with duckdb.connect(str(result.path)) as con:
        con.execute("checkpoint")
    shutil.copyfile(result.path, stage / DB_FILE)
    say("Writing Parquet and CSV of every public mart ...")
    tables = export_marts(stage / DB_FILE, marts, stage)
    try:
        export_rows = write_shaped_exports(stage / DB_FILE, stage / "exports")
    except ExportError as exc:
        raise ReleaseError(str(exc)) from exc
    exports = {
        name: {"file": f"exports/{name}", "rows": rows, "sha256": sha256_file(stage / "exports" / name)}
        for name, rows in export_rows.items()
    }

    previous = previous_release(releases_dir, version)
    log = None
    if previous is not None:
        new = Snapshot.from_release_parts(f"release {version.text}", stage, tables, exports)
        log = compare(Snapshot.from_release(releases_dir / previous.text), new)
    needed, forced = check_version(version, previous, log, force)
    if log is not None:
        write_changelog(log, stage)

    git_commit = _git(project_dir, "rev-parse", "HEAD")
    git_dirty = bool(_git(project_dir, "status", "--porcelain")) if git_commit else None
    if git_dirty:
        say(f"Note: the working tree has uncommitted changes; commit {git_commit} alone does not rebuild this release.")
    (stage / "CITATION.cff").write_text(
        citation_cff(version.text, date_released, git_commit, license_id), encoding="utf-8"
    )
    write_codebook(
        stage,
        version.text,
        date_released=date_released,
        marts=marts,
        row_counts={t: info["rows"] for t, info in tables.items()},
        export_rows=export_rows,
        curation_md=_read_doc(project_dir, "curation.md"),
        releases_md=_read_doc(project_dir, "releases.md"),
        datasets=datasets,
    )
    private = [d for d in datasets if d["included"] and not d["redistributable"]]
    if private:
        names = ", ".join(f"{d['dataset_id']} ({d['licence']})" for d in private)
        (stage / "NOTICE.txt").write_text(
            "PRIVATE RELEASE: NOT FOR REDISTRIBUTION.\n\n"
            "This release was written with --include-licensed-datasets and holds rows of datasets whose licence "
            f"forbids redistributing them: {names}.\n"
            "Keep it for your own use; publish only a release written without that option.\n",
            encoding="utf-8",
        )
    files = {
        path.relative_to(stage).as_posix(): {"sha256": sha256_file(path), "bytes": path.stat().st_size}
        for path in sorted(stage.rglob("*"))
        if path.is_file()
    }
    document = {
        "title": TITLE,
        "version": version.text,
        "date_released": date_released,
        "license": license_id,
        "license_note": None if license_id else LICENSE_NOTE,
        "previous_version": previous.text if previous else None,
        "version_rule": {"required_bump": needed, "forced": forced},
        "git": {"commit": git_commit, "dirty": git_dirty} if git_commit else None,
        "software": _versions(),
        "inputs": _inputs(project_dir, manifest),
        "datasets": datasets,
        "private_release": bool(private),
        "tables": tables,
        "exports": exports,
        "files": files,
    }
    (stage / "manifest.json").write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return stage


def dataset_licences(project_dir: Path, include_licensed: bool) -> list[dict]:
    """Each registered dataset file with its licence and whether a release includes its rows."""

    def row(entry: RegisteredDataset) -> dict:
        fmt = FORMATS[entry.format]
        return {
            "dataset_id": entry.dataset_id,
            "format": entry.format,
            "release": entry.release,
            "licence": fmt.licence,
            "redistributable": fmt.redistributable,
            "included": fmt.redistributable or include_licensed,
        }

    return [row(e) for e in read_registry(project_dir)]


def _snapshot(project_dir: Path, ref: str | None) -> Snapshot:
    """A release (version under releases/, or a release folder), or, for None, the current published build."""
    if ref is None:
        from militancy.build import db_path_from_env

        db = db_path_from_env(project_dir)
        manifest_file = project_dir / "target" / "manifest.json"
        if not db.exists() or not manifest_file.exists():
            raise ReleaseError(f"no current build ({db}, target/manifest.json); run `make build` first")
        return Snapshot.from_warehouse(f"current build ({db.name})", db, public_marts(load_json(manifest_file)))
    folder = Path(ref)
    if not (folder / "manifest.json").exists():
        folder = project_dir / RELEASES_DIR / ref
    if not (folder / "manifest.json").exists():
        known = ", ".join(v.text for v in existing_releases(project_dir / RELEASES_DIR)) or "none"
        raise ReleaseError(f"no release {ref!r} (no {folder / 'manifest.json'}); releases: {known}")
    return Snapshot.from_release(folder)


def changelog_between(project_dir: Path, old: str, new: str | None = None) -> Changelog:
    """Facts added, removed and changed from release `old` to release `new` (default: the current build)."""
    project_dir = project_dir.resolve()
    return compare(_snapshot(project_dir, old), _snapshot(project_dir, new))
