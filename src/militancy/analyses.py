"""Researcher questions in analyses/: their declared parameters, and compiling one for a parameterised run.

A parameter is declared once, in analyses/_analyses.yml (`config.meta.parameters`: name -> type, default,
description), and used in the SQL as `{{ analysis_param('name') }}` (macros/analysis_params.sql). `militancy query
--analysis` compiles with the dbt var `bind_parameters`, so the compiled SQL holds `$name` placeholders, never a
value; the values, checked against their types here, are bound by DuckDB. An undeclared name is refused, not
ignored (a misspelled `yr=2004` must not answer for the default year)."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from militancy import build as builder
from militancy import readonly

PROPERTIES = Path("analyses") / "_analyses.yml"
TYPES = ("integer", "date", "string")
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    default: object
    description: str

    def convert(self, text: str) -> object:
        """The value of `--var name=text` as this parameter's type, or a ValueError saying what was expected."""
        try:
            if self.type == "integer":
                if not re.fullmatch(r"-?[0-9]{1,9}", text.strip()):
                    raise ValueError
                return int(text)
            if self.type == "date":
                return dt.date.fromisoformat(text.strip())
        except ValueError:
            example = "2004" if self.type == "integer" else "2004-06-30"
            raise ValueError(
                f"--var {self.name} must be {'an' if self.type == 'integer' else 'a'} {self.type} "
                f"(e.g. {example}), got {text!r}"
            ) from None
        return text

    def describe(self) -> str:
        return f"{self.name} ({self.type}, default {self.default})"


def known(root: Path) -> list[str]:
    return sorted(p.stem for p in (root / "analyses").glob("*.sql"))


def parameters(root: Path, name: str) -> dict[str, Parameter]:
    """The parameters analyses/_analyses.yml declares for analysis `name` (ValueError: no such analysis)."""
    if not NAME.fullmatch(name) or not (root / "analyses" / f"{name}.sql").is_file():
        raise ValueError(f"no analysis {name!r}; known: {', '.join(known(root))}")
    entries = (yaml.safe_load((root / PROPERTIES).read_text(encoding="utf-8")) or {}).get("analyses") or []
    entry = next((e for e in entries if e.get("name") == name), {})
    declared = ((entry.get("config") or {}).get("meta") or {}).get("parameters") or {}
    found = {}
    for key, spec in declared.items():
        if spec.get("type") not in TYPES:
            raise ValueError(f"{PROPERTIES}: parameter {key} of {name} has type {spec.get('type')!r}; use {TYPES}")
        found[key] = Parameter(key, spec["type"], spec.get("default"), spec.get("description", ""))
    return found


def bind(root: Path, name: str, pairs: list[str]) -> dict[str, object]:
    """Every declared parameter of `name` with its value: from `--var NAME=VALUE` pairs, else its default."""
    declared = parameters(root, name)
    values = {key: (p.convert(str(p.default)) if p.default is not None else None) for key, p in declared.items()}
    for pair in pairs:
        key, sep, text = pair.partition("=")
        if not sep or not NAME.fullmatch(key):
            raise ValueError(f"--var takes NAME=VALUE, got {pair!r}")
        if key not in declared:
            takes = ", ".join(p.describe() for p in declared.values()) or "no parameters"
            raise ValueError(f"analysis {name} has no parameter {key!r}; it takes {takes}")
        values[key] = declared[key].convert(text)
    return values


def compile_for_binding(root: Path, db: Path, name: str) -> str:
    """analyses/<name>.sql compiled by dbt (target `reader`: the warehouse attached read-only) with `$name`
    placeholders for its parameters."""
    parameters(root, name)
    readonly.ensure_readable(db)
    args = ["compile", "--select", name, "--target", "reader", "--vars", json.dumps({"bind_parameters": True})]
    compiled = root / "target" / "compiled" / "militancy" / "analyses" / f"{name}.sql"
    compiled.unlink(missing_ok=True)
    proc = builder.run_dbt(root, [*args, "--quiet"], db.absolute())
    if proc.returncode != 0 or not compiled.exists():
        lines = [line for line in proc.stdout.splitlines() if line.strip()]
        raise ValueError(f"analysis {name} does not compile: {' '.join(lines[-3:])[:400]}")
    return compiled.read_text(encoding="utf-8")
