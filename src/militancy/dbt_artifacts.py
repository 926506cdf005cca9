"""Read what a release needs from dbt's artifacts (manifest.json, catalog.json): the public marts, their keys,
columns, types, descriptions and coded values, and the files the sources read.

Nothing here names a mart: marts are the models in the public schema, and a mart's key is what its primary-key
test says (a `unique_combination` test on the model, else a `unique` test on a column), so the release, changelog
and codebook follow the models as they change.
"""

from __future__ import annotations

import glob
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

PUBLIC_SCHEMA = "marts"


@dataclass(frozen=True)
class Column:
    name: str
    data_type: str
    description: str
    accepted_values: tuple[str, ...] = ()
    references: str | None = None  # "dim_groups.group_id" for a relationships test


@dataclass(frozen=True)
class Mart:
    name: str
    description: str
    key: tuple[str, ...]
    columns: tuple[Column, ...] = field(default=())

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _ref_name(to: str) -> str:
    match = re.search(r"ref\(\s*['\"]([^'\"]+)['\"]", to or "")
    return match.group(1) if match else (to or "")


def public_marts(manifest: dict, catalog: dict | None = None) -> list[Mart]:
    """Every model built in the public schema, sorted by name, with its key and columns.

    Columns come in table order from the catalog when given (with the warehouse's types), else in YAML order
    with the contract's types.
    """
    models = {
        uid: node
        for uid, node in manifest["nodes"].items()
        if node["resource_type"] == "model" and node.get("schema") == PUBLIC_SCHEMA
    }
    combos: dict[str, tuple[str, ...]] = {}
    uniques: dict[str, list[str]] = {}
    codes: dict[tuple[str, str], tuple[str, ...]] = {}
    refs: dict[tuple[str, str], str] = {}
    for node in manifest["nodes"].values():
        if node["resource_type"] != "test" or node.get("attached_node") not in models:
            continue
        uid = node["attached_node"]
        meta = node.get("test_metadata") or {}
        kwargs = meta.get("kwargs") or {}
        column = node.get("column_name") or kwargs.get("column_name")
        name = meta.get("name")
        if name == "unique_combination" and kwargs.get("columns"):
            combos[uid] = tuple(kwargs["columns"])
        elif name == "unique" and column:
            uniques.setdefault(uid, []).append(column)
        elif name == "accepted_values" and column:
            codes[(uid, column)] = tuple(str(v).lower() if isinstance(v, bool) else str(v) for v in kwargs["values"])
        elif name == "relationships" and column:
            refs[(uid, column)] = f"{_ref_name(kwargs.get('to', ''))}.{kwargs.get('field', '')}"
    catalog_nodes = (catalog or {}).get("nodes", {})
    marts: list[Mart] = []
    for uid, node in models.items():
        documented = {name.lower(): info for name, info in node.get("columns", {}).items()}
        if uid in catalog_nodes:
            cat_cols = sorted(catalog_nodes[uid]["columns"].values(), key=lambda c: c["index"])
            names_types = [(c["name"], c["type"]) for c in cat_cols]
        else:
            names_types = [(info["name"], info.get("data_type") or "") for info in node.get("columns", {}).values()]
        columns = tuple(
            Column(
                name=col,
                data_type=str(dtype).lower(),
                description=(documented.get(col.lower(), {}).get("description") or "").strip(),
                accepted_values=codes.get((uid, col), ()),
                references=refs.get((uid, col)),
            )
            for col, dtype in names_types
        )
        column_order = [c.name for c in columns]
        if uid in combos:
            key = combos[uid]
        elif uid in uniques:
            key = (min(uniques[uid], key=lambda c: column_order.index(c) if c in column_order else 10**6),)
        else:
            key = tuple(column_order)
        marts.append(Mart(node["name"], " ".join((node.get("description") or "").split()), key, columns))
    return sorted(marts, key=lambda m: m.name)


def source_files(manifest: dict, project_dir: Path) -> dict[str, list[Path]]:
    """Files each dbt source reads, from the quoted paths or globs in its `external_location`."""
    found: dict[str, list[Path]] = {}
    for source in manifest.get("sources", {}).values():
        location = (
            (source.get("meta") or {}).get("external_location")
            or ((source.get("config") or {}).get("meta") or {}).get("external_location")
            or source.get("external_location")
            or ""
        )
        files: set[Path] = set()
        for pattern in re.findall(r"'([^']+)'", location or ""):
            full = pattern if Path(pattern).is_absolute() else str(project_dir / pattern)
            files.update(Path(p) for p in glob.glob(full) if Path(p).is_file())
        if files:
            found[f"{source['source_name']}.{source['name']}"] = sorted(files)
    return found
