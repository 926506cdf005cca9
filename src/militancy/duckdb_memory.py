"""The memory cap of the DuckDB connections a build opens, the same as dbt's (profiles.yml).

dbt's DuckDB runs under `memory_limit` (MILITANCY_MEMORY_LIMIT, default 3GB) and spills beyond it. The build's own
connections (dataset checks, the checkpoint, the Parquet export, the failure report, the refresh's change list) use
the same cap: DuckDB's default is 80% of the machine's memory, and at 10M mentions an uncapped step grows far past
what dbt itself needs (docs/performance.md)."""

from __future__ import annotations

import os

MEMORY_LIMIT_ENV = "MILITANCY_MEMORY_LIMIT"
# profiles.yml spells the same default (`env_var('MILITANCY_MEMORY_LIMIT', '3GB')`); a test checks they agree.
DEFAULT_MEMORY_LIMIT = "3GB"


def memory_limit() -> str:
    """The DuckDB size every build connection may use (e.g. "3GB")."""
    return os.environ.get(MEMORY_LIMIT_ENV) or DEFAULT_MEMORY_LIMIT


def capped(**settings: object) -> dict[str, object]:
    """A DuckDB connection config with the build's memory cap (plus any other `settings`)."""
    return {"memory_limit": memory_limit(), **settings}
