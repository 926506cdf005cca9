"""Where the project is: its root folder, and the parts of it that dbt reads.

Every command finds the project the same way (the nearest folder with a dbt_project.yml, from the current folder
up); the build's snapshot, the refresh's code fingerprint and the synthetic projects copy the same dbt parts.
"""

from __future__ import annotations

from pathlib import Path

# What dbt needs from the project, besides seeds and corpus (copied separately): the build copies these into its
# snapshot, and a change to any file in them is a code change (a full build, refresh.code_hash).
DBT_PARTS = ("dbt_project.yml", "profiles.yml", "models", "macros", "analyses", "tests/data")


class NotInProject(SystemExit):
    """Raised by project_root outside a project: the message is the one line a command prints."""


def project_root(start: Path | None = None) -> Path:
    """The nearest folder at or above `start` (default: the current folder) holding a dbt_project.yml."""
    here = (start or Path.cwd()).absolute()
    for candidate in (here, *here.parents):
        if (candidate / "dbt_project.yml").exists():
            return candidate
    raise NotInProject("militancy: run this inside the project (no dbt_project.yml found here or above)")
