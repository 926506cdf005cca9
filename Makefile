# Two commands do all set-up on a fresh machine (python3 >= 3.11, make, git):
#   make build   create .venv if missing, install pinned dependencies, build and publish the warehouse
#   make test    everything: generated-YAML check, ruff, sqlfluff, dbt build with data and unit tests,
#                metadata coverage, docs, pytest
#   make test-spark  build the same input snapshot on DuckDB and on Spark local and compare every public mart,
#                    also after an incremental refresh on Spark (installs the Spark venv .venv-spark from
#                    requirements-spark.lock first; needs Java 17)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

SPARK_VENV ?= .venv-spark
SPARK_STAMP := $(SPARK_VENV)/.installed

.PHONY: build test docs serve-docs report lint clean install spark-install test-spark

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

# The Spark tests (tests marked spark: the real corpus plus two synthetic copies built in full on both engines and
# compared, then refreshed incrementally on Spark and compared again), then the smallest synthetic project
# (registered UCDP GED / GTD / ACLED files too) on both engines with `militancy spark-test`.
test-spark: $(STAMP) $(SPARK_STAMP)
	$(BIN)/pytest -q -m spark tests
	syn=$$(mktemp -d) && $(BIN)/militancy synth --mentions 2k --seed 1 --out $$syn/project >/dev/null \
	  && ln -s $(CURDIR)/$(SPARK_VENV) $$syn/project/$(SPARK_VENV) \
	  && (cd $$syn/project && $(CURDIR)/$(BIN)/militancy spark-test) ; status=$$?; rm -rf $$syn; exit $$status

build: $(STAMP)
	$(BIN)/militancy build

test: $(STAMP)
	$(BIN)/militancy test

docs: $(STAMP)
	$(BIN)/militancy docs

serve-docs: $(STAMP)
	$(BIN)/militancy serve-docs

report: $(STAMP)
	$(BIN)/militancy report

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/sqlfluff lint models analyses tests/data

clean:
	rm -rf $(VENV) $(SPARK_VENV) target logs site warehouse/builds/*.partial warehouse/spark
