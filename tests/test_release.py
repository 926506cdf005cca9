"""Releases: real builds in temporary folders. Two releases from the same inputs are byte-identical; every file
is in the manifest with its sha256; the codebook and CITATION.cff are complete; a release is never overwritten;
the changelog finds added, removed and changed facts with their evidence; versions follow docs/releases.md."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from pathlib import Path

import duckdb
import pytest
import yaml

from conftest import ROOT, copy_project, register_dataset_fixtures
from militancy.changelog import Changelog, FactChange
from militancy.cli import main
from militancy.release import ReleaseError, Version, changelog_between, check_version, make_release
from militancy.validate import SeedError

CONTENT_DIRS = ("parquet", "csv", "exports")
ONE_FILE_PER_DATASET = (
    ("gtd", "gtd_fixture.csv"),
    ("acled", "acled_fixture.csv"),
    ("ucdp-ged", "ucdp_ged_fixture.csv"),
)


def project_with_docs(dest: Path) -> Path:
    root = copy_project(dest)
    shutil.copytree(ROOT / "docs", root / "docs")
    return root


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Release 0.1.0 from one copy of the project; release 0.1.1 from a second copy of the same inputs, made
    after 0.1.0 was copied into its releases/ folder (so the version rule and changelog run too). Both have the
    GTD, ACLED and UCDP GED fixtures registered: a release must leave out the first two (their licences)."""
    first = project_with_docs(tmp_path_factory.mktemp("first") / "project")
    register_dataset_fixtures(first, ONE_FILE_PER_DATASET)
    a = make_release(first, "0.1.0", date="2026-01-15", echo=None)
    second = project_with_docs(tmp_path_factory.mktemp("second") / "project")
    shutil.copytree(first / "datasets", second / "datasets")  # the same registry (its added_at_utc is data)
    (second / "releases").mkdir()
    shutil.copytree(a, second / "releases" / "0.1.0")
    b = make_release(second, "0.1.1", date="2026-01-16", echo=None)
    return a, b


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def content_files(release: Path) -> dict[str, str]:
    return {
        p.relative_to(release).as_posix(): digest(p)
        for folder in CONTENT_DIRS
        for p in sorted((release / folder).glob("*"))
    }


def test_same_inputs_give_byte_identical_parquet_and_csv(releases: tuple[Path, Path]) -> None:
    a, b = releases
    files_a, files_b = content_files(a), content_files(b)
    assert len(files_a) > 40
    assert files_a == files_b
    changes = (b / "CHANGES.md").read_text(encoding="utf-8")
    assert "Version bump required: **patch**" in changes and "No change to any public table" in changes
    assert (b / "changes.csv").read_text(encoding="utf-8").count("\n") == 1  # the header only
    manifest = json.loads((b / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["previous_version"] == "0.1.0"
    assert manifest["version_rule"] == {"required_bump": "patch", "forced": False}


def test_manifest_lists_every_file_rows_and_inputs(releases: tuple[Path, Path]) -> None:
    a, _ = releases
    manifest = json.loads((a / "manifest.json").read_text(encoding="utf-8"))
    on_disk = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()} - {"manifest.json"}
    assert set(manifest["files"]) == on_disk
    for name, info in manifest["files"].items():
        assert info["sha256"] == digest(a / name)
    with duckdb.connect(str(a / "militancy.duckdb"), read_only=True) as con:
        marts = {
            t
            for (t,) in con.execute(
                "select table_name from information_schema.tables where table_schema = 'marts'"
            ).fetchall()
        }
        assert set(manifest["tables"]) == marts
        for table, info in manifest["tables"].items():
            count = con.execute(f'select count(*) from marts."{table}"').fetchone()[0]
            assert info["rows"] == count
            assert con.execute(f"select count(*) from read_parquet('{a / info['parquet']}')").fetchone()[0] == count
    corpus = {e["path"]: e["sha256"] for e in manifest["inputs"]["sources"]["corpus.document_files"]}
    assert corpus == {f"corpus/{p.name}": digest(p) for p in sorted((ROOT / "corpus").glob("*.txt"))}
    seeds = {e["path"]: e["sha256"] for e in manifest["inputs"]["seeds"]}
    # Every seed is an input, those in subfolders (seeds/datasets/) too.
    assert seeds == {p.relative_to(ROOT).as_posix(): digest(p) for p in sorted((ROOT / "seeds").rglob("*.csv"))}
    assert manifest["software"]["duckdb"] == duckdb.__version__
    assert manifest["tables"]["fct_events"]["key"] == ["event_id"]


def test_csv_rows_are_ordered_by_key_and_complete(releases: tuple[Path, Path]) -> None:
    a, _ = releases
    manifest = json.loads((a / "manifest.json").read_text(encoding="utf-8"))
    for table, info in manifest["tables"].items():
        with (a / info["csv"]).open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            assert reader.fieldnames == [c["name"] for c in info["columns"]]
            rows = list(reader)
        assert len(rows) == info["rows"], table
        types = {c["name"]: c["type"] for c in info["columns"]}
        keys = [tuple(int(r[k]) if types[k] in ("integer", "bigint") else r[k] for k in info["key"]) for r in rows]
        assert keys == sorted(keys) and len(set(keys)) == len(keys), table


def test_citation_cff_and_codebook(releases: tuple[Path, Path]) -> None:
    a, _ = releases
    cff = yaml.safe_load((a / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert {"message", "title", "authors", "version", "date-released"} <= set(cff)
    assert "license" not in cff, "no licence is claimed until the project chooses one"
    assert (cff["version"], cff["date-released"], cff["type"]) == ("0.1.0", "2026-01-15", "dataset")
    assert all("name" in author or "family-names" in author for author in cff["authors"])
    codebook = (a / "codebook.md").read_text(encoding="utf-8")
    manifest = json.loads((a / "manifest.json").read_text(encoding="utf-8"))
    for table, info in manifest["tables"].items():
        section = codebook.split(f"\n### {table}\n", 1)[1].split("\n### ", 1)[0]
        for column in info["columns"]:
            assert f"| `{column['name']}` | {column['type']} |" in section, (table, column["name"])
    events = codebook.split("\n### fct_events\n", 1)[1].split("\n### ", 1)[0]
    assert "codes: `day`, `days`, `month`, `season`, `year`, `range`, `unknown`" in events
    assert "references `dim_groups.group_id`" in codebook
    assert "## Curation rules" in codebook and "### Quantities: one rule" in codebook
    assert "| `best` |" in codebook and "| `iday` |" in codebook
    assert "<table>" in (a / "codebook.html").read_text(encoding="utf-8")


def test_a_release_is_never_overwritten(releases: tuple[Path, Path]) -> None:
    a, _ = releases
    before = digest(a / "manifest.json")
    with pytest.raises(ReleaseError, match="never overwritten"):
        make_release(a.parents[1], "0.1.0", echo=None)
    with pytest.raises(ReleaseError, match="not a semantic version"):
        make_release(a.parents[1], "v0.2", echo=None)
    with pytest.raises(ReleaseError, match=r"not newer than the latest release 0\.1\.0"):
        make_release(a.parents[1], "0.0.9", echo=None)  # refused before anything is built
    assert digest(a / "manifest.json") == before
    assert sorted(p.name for p in (a.parent).iterdir() if not p.name.startswith(".")) == ["0.1.0"]


def test_a_failed_release_leaves_nothing(tmp_path: Path) -> None:
    root = project_with_docs(tmp_path / "project")
    mentions = root / "seeds" / "event_mentions.csv"
    text = mentions.read_text(encoding="utf-8")
    mentions.write_text(text.replace("The Islamic Movement of Tajikistan has claimed", "Somebody claimed", 1), "utf-8")
    with pytest.raises(SeedError):
        make_release(root, "0.1.0", echo=None)
    assert [p.name for p in (root / "releases").iterdir()] == []


def _edit_release(
    src: Path, dest: Path, sql_by_table: dict[str, str], keys: dict[str, list[str]] | None = None
) -> Path:
    """A copy of a release whose Parquet tables are replaced by the given queries (`t` = the old table)."""
    shutil.copytree(src, dest)
    manifest = json.loads((dest / "manifest.json").read_text(encoding="utf-8"))
    manifest["version"] = dest.name
    with duckdb.connect() as con:
        for table, sql in sql_by_table.items():
            info = manifest["tables"][table]
            path = dest / info["parquet"]
            con.execute(f"create or replace table t as select * from read_parquet('{path}')")
            con.execute(f"copy ({sql}) to '{path}' (format parquet)")
            described = con.execute(f"describe select * from read_parquet('{path}')").fetchall()
            info["columns"] = [{"name": r[0], "type": r[1].lower()} for r in described]
            info["key"] = (keys or {}).get(table, info["key"])
    (dest / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return dest


def test_changelog_finds_added_removed_and_changed_facts(releases: tuple[Path, Path], tmp_path: Path) -> None:
    a, _ = releases
    new = _edit_release(
        a,
        tmp_path / "0.2.0",
        {
            "fct_event_groups": (
                "select * replace (case when event_id = 'ev_2010_rasht_ambush' and role = 'perpetrator' "
                "then 'suspected' else weakest_attribution end as weakest_attribution) from t"
            ),
            "fct_events": (
                "select * replace (case when event_id = 'ev_2010_rasht_ambush' then 99 else killed_low end "
                "as killed_low) from t where event_id <> 'ev_2009_imt_police_bombing' "
                "union all select * replace ('ev_2030_test_event' as event_id) from t "
                "where event_id = 'ev_2010_rasht_ambush'"
            ),
        },
    )
    log = changelog_between(a.parents[1], str(a), str(new))
    assert log.level == "minor"
    events = {(f.change, f.fact_id, f.column): f for f in log.facts if f.table == "fct_events"}
    assert set(events) == {
        ("changed", "ev_2010_rasht_ambush", "killed_low"),
        ("removed", "ev_2009_imt_police_bombing", ""),
        ("added", "ev_2030_test_event", ""),
    }
    changed = events[("changed", "ev_2010_rasht_ambush", "killed_low")]
    assert changed.new_value == "99" and changed.old_value not in (None, "99")
    assert changed.evidence and changed.document_ids  # the event's mention quotes
    with duckdb.connect(str(a / "militancy.duckdb"), read_only=True) as con:
        quotes = [
            q
            for (q,) in con.execute(
                "select quote from marts.fct_event_mentions where event_id = 'ev_2010_rasht_ambush'"
            ).fetchall()
        ]
    assert any(q in changed.evidence for q in quotes)
    removed = events[("removed", "ev_2009_imt_police_bombing", "")]
    assert json.loads(removed.old_value)["event_id"] == "ev_2009_imt_police_bombing" and removed.evidence
    groups = [f for f in log.facts if f.table == "fct_event_groups"]
    assert groups and all(f.column == "weakest_attribution" and f.new_value == "suspected" for f in groups)
    assert all(f.evidence and f.fact_id.startswith("ev_2010_rasht_ambush|") for f in groups)  # the actor quotes
    table = list(csv.DictReader(log.to_csv().splitlines()))
    assert {r["change"] for r in table} == {"added", "removed", "changed"}
    assert "## fct_events" in log.to_markdown()


def test_a_removed_column_is_a_major_change(releases: tuple[Path, Path], tmp_path: Path) -> None:
    a, _ = releases
    new = _edit_release(a, tmp_path / "1.0.0", {"dim_places": "select * exclude (aliases) from t"})
    log = changelog_between(a.parents[1], str(a), str(new))
    assert log.level == "major"
    assert "column removed: dim_places.aliases" in log.reasons()
    assert not [f for f in log.facts if f.table == "dim_places"]  # the other columns are unchanged


def test_a_new_surrogate_key_keeps_the_old_fact_ids(releases: tuple[Path, Path], tmp_path: Path) -> None:
    a, _ = releases
    new = _edit_release(
        a,
        tmp_path / "0.2.0",
        {"fct_event_groups": "select event_id || '|' || group_id || '|' || role as surrogate_id, * from t"},
        keys={"fct_event_groups": ["surrogate_id"]},
    )
    log = changelog_between(a.parents[1], str(a), str(new))
    assert log.level == "minor"
    assert len(log.keys_changed) == 1 and log.keys_changed[0].endswith(" -> (surrogate_id)")
    assert log.columns_added == ["fct_event_groups.surrogate_id"] and not log.facts


def test_changelog_command_prints_or_writes(releases: tuple[Path, Path], monkeypatch, capsys, tmp_path) -> None:
    a, b = releases
    monkeypatch.chdir(a.parents[1])
    assert main(["changelog", str(a), str(b)]) == 0
    assert "Changes from release 0.1.0 to release 0.1.1" in capsys.readouterr().out
    assert main(["changelog", "0.1.0", str(b), "--out", str(tmp_path / "log")]) == 0
    assert sorted(p.name for p in (tmp_path / "log").iterdir()) == ["CHANGELOG.md", "changelog.csv"]
    assert main(["changelog", "9.9.9"]) == 1
    assert "no release '9.9.9'" in capsys.readouterr().err


def _log(**changes: list) -> Changelog:
    return Changelog("old", "new", **changes)


def test_the_version_rule() -> None:
    v = Version.parse
    assert v("1.0.0-rc.1").sort_key() < v("1.0.0").sort_key() < v("1.0.1").sort_key()
    assert v("1.0.0-alpha.2").sort_key() < v("1.0.0-alpha.10").sort_key()
    assert v("0.3.0").bump_from(v("0.2.5")) == "minor" and v("1.0.0").bump_from(v("0.9.9")) == "major"
    assert v("0.2.0").bump_from(v("0.2.0")) is None
    fact = [FactChange("changed", "fct_events", "ev_x", "killed_low", "1", "2")]
    assert check_version(v("0.1.1"), v("0.1.0"), _log(), force=False) == ("patch", False)
    assert check_version(v("0.2.0"), v("0.1.0"), _log(facts=fact), force=False) == ("minor", False)
    with pytest.raises(ReleaseError, match="need a minor bump"):
        check_version(v("0.1.1"), v("0.1.0"), _log(facts=fact), force=False)
    assert check_version(v("0.1.1"), v("0.1.0"), _log(facts=fact), force=True) == ("minor", True)
    with pytest.raises(ReleaseError, match="need a major bump"):
        check_version(v("0.2.0"), v("0.1.0"), _log(columns_removed=["fct_events.killed_low"]), force=False)
    assert check_version(v("1.0.0"), v("0.1.0"), _log(tables_removed=["fct_events"]), force=False)[0] == "major"
    with pytest.raises(ReleaseError, match="not newer than"):
        check_version(v("0.1.0"), v("0.1.0"), _log(), force=False)
    assert check_version(v("1.0.0"), v("1.0.0-rc.1"), _log(facts=fact), force=False) == ("minor", False)
    assert check_version(v("0.1.0"), None, None, force=False) == ("initial", False)


# --- licensed datasets ------------------------------------------------------------------------------------------

# Strings only the GTD and ACLED fixtures hold (their record ids and summaries); none may be in a default release.
LICENSED_MARKERS = ("201009190001", "TJK9001", "militants ambushed a military convoy", "a convoy was ambushed")


def _cells_containing(con: duckdb.DuckDBPyConnection, needle: str) -> list[str]:
    """Every table or view column (any schema) with a value containing `needle`, as schema.table.column."""
    found = []
    columns = con.execute(
        "select table_schema, table_name, column_name from information_schema.columns "
        "where data_type = 'VARCHAR' and table_schema not in ('information_schema', 'pg_catalog')"
    ).fetchall()
    for schema, table, column in columns:
        hit = con.execute(
            f'select count(*) from "{schema}"."{table}" where contains("{column}", ?)', [needle]
        ).fetchone()[0]
        if hit:
            found.append(f"{schema}.{table}.{column}")
    return found


def test_a_release_holds_no_row_of_a_dataset_whose_licence_forbids_it(releases: tuple[Path, Path]) -> None:
    release, _ = releases
    manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    held = {d["format"]: d["included"] for d in manifest["datasets"]}
    assert held == {"gtd": False, "acled": False, "ucdp-ged": True} and manifest["private_release"] is False
    assert not (release / "NOTICE.txt").exists()
    assert "| gtd__gtd_fixture | gtd | gtd_fixture | GTD End User Agreement" in (release / "codebook.md").read_text()
    for path in release.rglob("*"):
        if path.suffix in (".csv", ".md", ".html", ".json", ".cff"):
            text = path.read_text(encoding="utf-8")
            assert not [m for m in LICENSED_MARKERS if m in text], path
    with duckdb.connect(str(release / "militancy.duckdb"), read_only=True) as con:
        for marker in LICENSED_MARKERS:
            assert _cells_containing(con, marker) == [], marker
        # The redistributable UCDP records are there, with their ids.
        assert (
            con.execute("select count(*) from marts.fct_dataset_records where dataset_format = 'ucdp-ged'").fetchone()[
                0
            ]
            == 2
        )
        for parquet in sorted((release / "parquet").glob("*.parquet")):
            rel = con.read_parquet(str(parquet))
            text_columns = [c for c, t in zip(rel.columns, rel.types, strict=True) if str(t) == "VARCHAR"]
            for column in text_columns:
                for marker in LICENSED_MARKERS:
                    assert rel.filter(f"contains(\"{column}\", '{marker}')").count("*").fetchone()[0] == 0


def test_licensed_datasets_are_named_with_their_licence(project: Path) -> None:
    from militancy.datasets import registry as datasets
    from militancy.release import dataset_licences

    datasets.add(project, ROOT / "tests" / "fixtures" / "datasets" / "gtd_fixture.csv", "gtd")
    assert dataset_licences(project, include_licensed=False)[0]["included"] is False
    private = dataset_licences(project, include_licensed=True)[0]
    assert private["included"] is True and private["redistributable"] is False
    assert "no redistribution" in private["licence"]
