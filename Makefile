# Two commands do all set-up on a fresh machine (python3 >= 3.11, make, git):
#   make build   create .venv if missing, install pinned dependencies, build and publish the warehouse
#   make test    everything: generated-YAML check, ruff, sqlfluff, dbt build with data and unit tests,
#                metadata coverage, docs, pytest (on two workers)
#   make test-fast   no dbt: generated-YAML check, ruff, the pure-Python tests (under a minute; CONTRIBUTING.md)
#   make test-spark  build the same input snapshot on DuckDB and on Spark local and compare every public mart,
#                    also after an incremental refresh on Spark (installs the Spark venv .venv-spark from
#                    requirements-spark.lock first; needs Java 17)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

SPARK_VENV ?= .venv-spark
SPARK_STAMP := $(SPARK_VENV)/.installed

.PHONY: build test test-fast docs serve-docs report lint clean install spark-install test-spark

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Spark lives in its own venv (pyspark is large and dbt-spark must not touch the DuckDB venv's pins).
spark-install: $(SPARK_STAMP)

$(SPARK_STAMP): requirements-spark.lock
	test -x $(SPARK_VENV)/bin/python || $(PYTHON) -m venv $(SPARK_VENV)
	$(SPARK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-spark.lock
	touch $(SPARK_STAMP)

# The Spark tests (tests marked spark): the real corpus plus two synthetic copies, with the UCDP GED / GTD / ACLED
# fixture files registered, built in full on both engines and compared, linked on both, then refreshed
# incrementally on Spark and compared again; dataset linking of a synthetic set on Splink's DuckDB and Spark backends.
test-spark: $(STAMP) $(SPARK_STAMP)
	$(BIN)/pytest -q -p no:cacheprovider -m spark --durations 5 tests

build: $(STAMP)
	$(BIN)/militancy build

test: $(STAMP)
	$(BIN)/militancy test

test-fast: $(STAMP)
	$(BIN)/militancy test --fast

docs: $(STAMP)
	$(BIN)/militancy docs

serve-docs: $(STAMP)
	$(BIN)/militancy serve-docs

report: $(STAMP)
	$(BIN)/militancy report

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/sqlfluff lint models analyses tests/data --processes 2

clean:
	rm -rf $(VENV) $(SPARK_VENV) target logs site warehouse/builds/*.partial warehouse/spark
