"""Changelog of facts between two snapshots of the public marts (two releases, or a release and the current build).

Facts are matched by their stable ids: each mart's key from its primary-key test (mention_id, event_id,
estimate_id, tenure_id, relationship_id, designation_id, entity and alias ids, (event_id, group_id, role), ...).
A fact is added, removed, or changed (one record per changed column, with old and new value). Each record
carries its evidence: the row's own quote and document, else the quotes fct_evidence holds for its id, else the
quotes of the marts that hold its key (an event's mentions and actors; an event group's actor rows).

The same comparison decides the version bump a release needs (docs/releases.md): a removed table or column
or a changed column type is MAJOR; any added, removed or changed fact, an added table or column, or a changed
key is MINOR; nothing but documentation is PATCH.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from militancy.dbt_artifacts import PUBLIC_SCHEMA, Mart

LEVELS = ("patch", "minor", "major")
EVIDENCE_TABLE = "fct_evidence"
MAX_EVIDENCE = 5
CSV_COLUMNS = ("change", "table", "fact_id", "column", "old_value", "new_value", "document_ids", "evidence")


def sql_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def mart_columns(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, str]]:
    """Every table of the public schema with its columns (in table order) and their lower-case types."""
    rows = con.execute(
        "select table_name, column_name, data_type from information_schema.columns "
        "where table_schema = ? order by table_name, ordinal_position",
        [PUBLIC_SCHEMA],
    ).fetchall()
    columns: dict[str, dict[str, str]] = {}
    for table, column, dtype in rows:
        columns.setdefault(table, {})[column] = dtype.lower()
    return columns


@dataclass(frozen=True)
class Snapshot:
    """The public marts of one version: a SQL relation per mart, its key and its columns with types."""

    label: str
    relations: dict[str, str]
    keys: dict[str, tuple[str, ...]]
    columns: dict[str, dict[str, str]]
    attach: tuple[tuple[str, Path], ...] = ()  # (alias, DuckDB file) to attach read-only first
    files: dict[str, str] = field(default_factory=dict)  # export file -> sha256, compared as a whole

    @classmethod
    def from_release(cls, release_dir: Path) -> Snapshot:
        manifest = json.loads((release_dir / "manifest.json").read_text(encoding="utf-8"))
        return cls.from_release_parts(
            f"release {manifest['version']}", release_dir, manifest["tables"], manifest.get("exports", {})
        )

    @classmethod
    def from_release_parts(cls, label: str, release_dir: Path, tables: dict, exports: dict) -> Snapshot:
        """A release folder's Parquet files, described by the `tables` and `exports` parts of its manifest."""
        relations = {name: f"read_parquet({sql_path(release_dir / info['parquet'])})" for name, info in tables.items()}
        keys = {name: tuple(info["key"]) for name, info in tables.items()}
        columns = {name: {c["name"]: c["type"] for c in info["columns"]} for name, info in tables.items()}
        files = {name: info["sha256"] for name, info in exports.items()}
        return cls(label, relations, keys, columns, files=files)

    @classmethod
    def from_warehouse(cls, label: str, db_path: Path, marts: list[Mart]) -> Snapshot:
        """The marts of a built DuckDB file; keys from dbt's manifest (`militancy.dbt_artifacts.public_marts`)."""
        alias = "snapshot_db"
        with duckdb.connect(str(db_path), read_only=True) as con:
            columns = mart_columns(con)
        keys = {m.name: m.key for m in marts if m.name in columns}
        for table, cols in columns.items():
            keys.setdefault(table, tuple(cols))
        relations = {t: f"{alias}.{PUBLIC_SCHEMA}.{sql_identifier(t)}" for t in columns}
        return cls(label, relations, keys, columns, attach=((alias, db_path),))


@dataclass(frozen=True)
class FactChange:
    change: str  # added, removed, changed
    table: str
    fact_id: str
    column: str = ""
    old_value: str | None = None
    new_value: str | None = None
    document_ids: str = ""
    evidence: str = ""


@dataclass
class Changelog:
    old: str
    new: str
    tables_added: list[str] = field(default_factory=list)
    tables_removed: list[str] = field(default_factory=list)
    columns_added: list[str] = field(default_factory=list)  # "table.column"
    columns_removed: list[str] = field(default_factory=list)
    types_changed: list[str] = field(default_factory=list)  # "table.column: old -> new"
    keys_changed: list[str] = field(default_factory=list)
    exports_changed: list[str] = field(default_factory=list)
    facts: list[FactChange] = field(default_factory=list)

    @property
    def level(self) -> str:
        """The smallest version bump this change needs (docs/releases.md)."""
        if self.tables_removed or self.columns_removed or self.types_changed:
            return "major"
        if self.facts or self.tables_added or self.columns_added or self.keys_changed or self.exports_changed:
            return "minor"
        return "patch"

    def reasons(self) -> list[str]:
        out = [f"table removed: {t}" for t in self.tables_removed]
        out += [f"column removed: {c}" for c in self.columns_removed]
        out += [f"column type changed: {c}" for c in self.types_changed]
        out += [f"key changed: {c}" for c in self.keys_changed]
        out += [f"table added: {t}" for t in self.tables_added]
        out += [f"column added: {c}" for c in self.columns_added]
        counts: dict[str, int] = {}
        for fact in self.facts:
            counts[fact.change] = counts.get(fact.change, 0) + 1
        out += [f"{n} fact record(s) {kind}" for kind, n in sorted(counts.items())]
        out += [f"export changed: {e}" for e in self.exports_changed]
        return out

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for f in self.facts:
            writer.writerow(
                [f.change, f.table, f.fact_id, f.column, f.old_value, f.new_value, f.document_ids, f.evidence]
            )
        return out.getvalue()

    def to_markdown(self) -> str:
        lines = [f"# Changes from {self.old} to {self.new}", "", f"Version bump required: **{self.level}**."]
        reasons = self.reasons()
        lines += ["", *(f"- {r}" for r in reasons)] if reasons else ["", "No change to any public table."]
        by_table: dict[str, list[FactChange]] = {}
        for fact in self.facts:
            by_table.setdefault(fact.table, []).append(fact)
        for table, facts in sorted(by_table.items()):
            lines += ["", f"## {table}", ""]
            for f in facts:
                if f.change == "changed":
                    before, after = _difference(f.old_value, f.new_value)
                    lines.append(f"- changed `{f.fact_id}` {f.column}: {before} -> {after}")
                else:
                    lines.append(f"- {f.change} `{f.fact_id}`: {_short(f.new_value or f.old_value, 300)}")
                if f.evidence:
                    lines.append(f"  - evidence ({f.document_ids}): {_short(f.evidence, 300)}")
        return "\n".join(lines) + "\n"


def _short(value: str | None, limit: int = 160) -> str:
    if value is None:
        return "NULL"
    text = " ".join(value.split())
    return (text[: limit - 3] + "...") if len(text) > limit else text


def _difference(old: str | None, new: str | None, context: int = 40) -> tuple[str, str]:
    """Both values shortened around where they start to differ, so a long text's change stays visible."""
    if old is None or new is None:
        return _short(old), _short(new)
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    cut = max(0, start - context)
    prefix = "..." if cut else ""
    return _short(prefix + old[cut:]), _short(prefix + new[cut:])


def compare(old: Snapshot, new: Snapshot) -> Changelog:
    log = Changelog(old.label, new.label)
    log.tables_added = sorted(set(new.relations) - set(old.relations))
    log.tables_removed = sorted(set(old.relations) - set(new.relations))
    if old.files and new.files:  # a warehouse file has no exports to compare; its marts are compared below
        log.exports_changed = sorted(k for k in set(old.files) | set(new.files) if old.files.get(k) != new.files.get(k))
    with duckdb.connect() as con:
        con.execute("set threads = 1")
        for alias, path in (*old.attach, *new.attach):
            con.execute(f"attach {sql_path(path)} as {alias} (read_only)")
        for table in sorted(set(old.relations) & set(new.relations)):
            old_cols, new_cols = old.columns[table], new.columns[table]
            log.columns_added += [f"{table}.{c}" for c in new_cols if c not in old_cols]
            log.columns_removed += [f"{table}.{c}" for c in old_cols if c not in new_cols]
            log.types_changed += [
                f"{table}.{c}: {old_cols[c]} -> {new_cols[c]}"
                for c in new_cols
                if c in old_cols and old_cols[c] != new_cols[c]
            ]
            old_key, new_key = tuple(old.keys[table]), tuple(new.keys[table])
            if old_key != new_key:
                log.keys_changed.append(f"{table}: ({', '.join(old_key)}) -> ({', '.join(new_key)})")
            # Facts keep the ids the previous version published, as long as both versions hold those columns.
            key = next((k for k in (old_key, new_key) if all(c in old_cols and c in new_cols for c in k)), None)
            if key is None:
                continue
            common = [c for c in new_cols if c in old_cols]
            log.facts += _diff_table(con, table, key, common, old, new)
    return log


def _diff_table(
    con: duckdb.DuckDBPyConnection, table: str, key: tuple[str, ...], common: list[str], old: Snapshot, new: Snapshot
) -> list[FactChange]:
    def side(prefix: str, relation: str) -> str:
        cols = ", ".join(f"cast({sql_identifier(c)} as varchar) as {sql_identifier(prefix + c)}" for c in common)
        return f"select true as {sql_identifier(prefix + '_present')}, {cols} from {relation}"

    join = " and ".join(f"o.{sql_identifier('o_' + k)} is not distinct from n.{sql_identifier('n_' + k)}" for k in key)
    differs = " or ".join(f"o.{sql_identifier('o_' + c)} is distinct from n.{sql_identifier('n_' + c)}" for c in common)
    order = ", ".join(f"coalesce(n.{sql_identifier('n_' + k)}, o.{sql_identifier('o_' + k)})" for k in key)
    sql = (
        f"select o.*, n.* from ({side('o_', old.relations[table])}) as o "
        f"full outer join ({side('n_', new.relations[table])}) as n on {join} "
        f"where o.{sql_identifier('o__present')} is null or n.{sql_identifier('n__present')} is null "
        f"or {differs} order by {order}"
    )
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    changes: list[FactChange] = []
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        o = {c: row[f"o_{c}"] for c in common} if row["o__present"] else None
        n = {c: row[f"n_{c}"] for c in common} if row["n__present"] else None
        current = n or o
        assert current is not None
        fact_id = "|".join(str(current[k]) for k in key)
        docs, evidence = _evidence(con, table, key, current, n is not None, old, new)
        if o is None or n is None:
            kind = "added" if o is None else "removed"
            payload = json.dumps(current, ensure_ascii=False, sort_keys=False)
            changes.append(
                FactChange(
                    kind,
                    table,
                    fact_id,
                    old_value=None if o is None else payload,
                    new_value=payload if o is None else None,
                    document_ids=docs,
                    evidence=evidence,
                )
            )
            continue
        for column in common:
            if o[column] != n[column]:
                changes.append(FactChange("changed", table, fact_id, column, o[column], n[column], docs, evidence))
    return changes


def _evidence(
    con: duckdb.DuckDBPyConnection,
    table: str,
    key: tuple[str, ...],
    row: dict[str, str | None],
    in_new: bool,
    old: Snapshot,
    new: Snapshot,
) -> tuple[str, str]:
    """(document ids, quotes) supporting a fact, from the snapshot that holds it."""
    snap = new if in_new else old
    if "quote" in row:
        return row.get("document_id") or "", row["quote"] or ""
    if key == ("document_id",):
        return row["document_id"] or "", ""  # a document's own metadata: the document is the evidence
    found: list[tuple[str, str]] = []
    if len(key) == 1 and EVIDENCE_TABLE in snap.relations:
        found += con.execute(
            f"select document_id, quote from {snap.relations[EVIDENCE_TABLE]} where fact_id = ? "
            "order by is_main_quote desc, document_id, char_start limit ?",
            [row[key[0]], MAX_EVIDENCE],
        ).fetchall()
    # The columns that identify the fact elsewhere: its key, else (for a surrogate key such as
    # event_group_role_id) its other id columns and role, when there are at least two of them.
    identifying = [c for c in row if c not in key and (c.endswith("_id") or c == "role") and c != "document_id"]
    for columns in (key, tuple(identifying) if len(identifying) >= 2 else ()):
        if found or not columns:
            continue
        for other, cols in sorted(snap.columns.items()):
            matched = _key_columns_in(columns, cols) if other != table and "quote" in cols else None
            if matched is None:
                continue
            where = " and ".join(f"cast({sql_identifier(theirs)} as varchar) = ?" for theirs in matched.values())
            found += con.execute(
                f"select {'document_id' if 'document_id' in cols else 'null'}, quote "
                f"from {snap.relations[other]} where {where} order by all limit ?",
                [*(row[k] for k in matched), MAX_EVIDENCE],
            ).fetchall()
    found = list(dict.fromkeys(found))[:MAX_EVIDENCE]
    docs = "; ".join(dict.fromkeys(d for d, _ in found if d))
    return docs, " || ".join(q for _, q in found if q)


def _key_columns_in(key: tuple[str, ...], columns: dict[str, str]) -> dict[str, str] | None:
    """Map a key's columns onto another table's columns: same name, or one `<x>_id` onto `entity_id` (so an
    event-group fact finds its per-mention actor rows); None when the table does not hold the whole key."""
    matched = {k: k for k in key if k in columns}
    missing = [k for k in key if k not in columns]
    if len(missing) == 1 and missing[0].endswith("_id") and "entity_id" in columns:
        matched[missing[0]] = "entity_id"
    elif missing:
        return None
    return matched


def write_changelog(log: Changelog, out_dir: Path, stem: str = "CHANGES") -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    md, table = out_dir / f"{stem}.md", out_dir / f"{stem.lower()}.csv"
    md.write_text(log.to_markdown(), encoding="utf-8")
    table.write_text(log.to_csv(), encoding="utf-8")
    return [md, table]
