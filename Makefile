# The two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: install run test lint typecheck pytest format clean bench soak

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

## Migrate, seed and serve on HOST:PORT (default 127.0.0.1:8000, SQLite file medius.db).
run: install
	$(PY) -m app serve

## ruff, mypy (strict) and the whole pytest suite on SQLite and PostgreSQL.
test: install lint typecheck pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: install
	$(VENV)/bin/mypy app

pytest: install
	$(VENV)/bin/pytest

## Load test the real server (SQLite and PostgreSQL, empty and at 1M sets) against a bare
## Starlette ceiling; writes bench/results/latest.md. `python -m bench --help` lists the knobs.
bench:
	@start=$$(date +%s); $(MAKE) --no-print-directory install && \
	BENCH_STARTED_AT=$$start $(PY) -m bench

## The reliability tests (concurrent writers, kill -9, bad input) with long-run counts.
soak: install
	MEDIUS_SOAK=1 $(VENV)/bin/pytest tests/reliability

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache medius.db medius.db-wal medius.db-shm
