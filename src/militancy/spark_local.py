"""A SparkSession on the project's Spark warehouse, configured exactly as dbt-spark's session method configures it
for the `spark` target of profiles.yml (its `server_side_parameters`: master, warehouse dir, Derby metastore), so
Python code in the Spark venv reads the tables `dbt build --target spark` wrote. Runs only in `.venv-spark`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


def spark_conf(project_dir: Path, target: str = "spark") -> dict[str, str]:
    """The target's server_side_parameters, rendered like dbt renders profiles.yml (env_var with defaults)."""
    import jinja2
    import yaml

    def env_var(name: str, default: str | None = None) -> str:
        value = os.environ.get(name, default)
        if value is None:
            raise KeyError(f"profiles.yml needs the environment variable {name}")
        return value

    text = (project_dir / "profiles.yml").read_text(encoding="utf-8")
    rendered = jinja2.Environment().from_string(text).render(env_var=env_var)
    output = yaml.safe_load(rendered)["militancy"]["outputs"][target]
    return {str(k): str(v) for k, v in output.get("server_side_parameters", {}).items()}


def session(project_dir: Path, target: str = "spark") -> Any:
    """The session (dbt-spark's session method builds it the same way: Hive support plus these parameters)."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.enableHiveSupport()
    for key, value in spark_conf(project_dir, target).items():
        builder = builder.config(key, value)
    return builder.getOrCreate()
