# The two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
# Machines of this kind set PYTHONDONTWRITEBYTECODE, so each of the suite's Python processes
# (pytest's workers, every server and command a test starts, mkdocs, the generators) compiled
# every module, and pytest rewrote every test module's asserts, from source again.
unexport PYTHONDONTWRITEBYTECODE
VENV ?= .venv
PY := $(VENV)/bin/python
CLIENT := clients/python
CLIENT_CONFIG := clients/openapi-python-client.yaml
# Hashed locks (`make lock`, uv pip compile): every install here, in CI and in the image
# (Dockerfile) comes from them; tests/release/test_locks.py fails when pyproject.toml disagrees.
RUNTIME_LOCK := requirements/runtime.txt
DEV_LOCK := requirements/dev.txt
CLIENTGEN_LOCK := requirements/clientgen.txt
UV_LOCK := requirements/uv.txt
# pip installs uv alone (hashed, from its lock; see $(UV_STAMP)); uv installs the rest from the
# same hashed locks, in parallel and from its cache: a fresh clone's install went from about 55 s
# to a few.
# What the image does (pip, tests/release) is tested on its own.
PIP_LOCKED := install --quiet --require-hashes --disable-pip-version-check
UV := $(VENV)/bin/uv
UV_LOCKED = $(UV) pip install --quiet --require-hashes --python
UV_STAMP := $(VENV)/.uv-$(shell cksum < $(UV_LOCK) | cut -d' ' -f1)
# `make run` needs only the runtime set; `make install` adds the dev tools and the client.
RUN_STAMP := $(VENV)/.runtime-$(shell cat pyproject.toml $(RUNTIME_LOCK) | cksum | cut -d' ' -f1)
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml $(DEV_LOCK) $(CLIENT)/pyproject.toml | cksum | cut -d' ' -f1)
# The client generator has its own venv: its pins clash with the app's (see pyproject.toml).
GEN_VENV := $(VENV)/clientgen
GEN_STAMP := $(GEN_VENV)/.installed-$(shell cksum < $(CLIENTGEN_LOCK) | cut -d' ' -f1)
UV_COMPILE = $(VENV)/bin/uv pip compile --quiet --generate-hashes --universal --python-version 3.11 \
	--custom-compile-command "make lock" $(if $(UPGRADE),--upgrade)
# One pytest-xdist worker per core; the reliability tests stay together (tests/conftest.py).
XDIST := -n auto --dist loadgroup
# The whole suite waits on servers, subprocesses and PostgreSQL (about a third of its wall
# time with a worker per core), so it gets one worker more than the cores to fill those waits:
# on 2 cores, from a fresh clone, pytest took 299 s with 2 workers and 266 s with 3 (313 s
# with 4). `make check` runs only in-process tests, CPU-bound: a worker per core.
XDIST_FULL := -n $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) + 1 ))) --dist loadgroup
# The suite's temporary files (its SQLite databases, PostgreSQL clusters, servers' files) in
# RAM where the machine has a writable tmpfs: resetting a SQLite test database between two
# tests waited ~15 ms on the disk's fsync, and nothing of a test run needs to outlive it.
TEST_TMPDIR := $(shell test -d /dev/shm -a -w /dev/shm && echo /dev/shm || echo $${TMPDIR:-/tmp})
PYTEST := TMPDIR=$(TEST_TMPDIR) $(VENV)/bin/pytest
CHECK_TESTS := not postgres and not server and not browser and not slow and not tool

.PHONY: install debian-tools browser pdf-tools run test check lint typecheck pytest pytest-check format clean openapi client bench soak docs
.PHONY: openapi-lint client-python client-ts

# The venv is made without pip (ensurepip was ~3 s of a fresh clone's start, on one core) and
# the system's pip puts uv in it (`pip --python`, pip >= 22.3); where the system has no such
# pip, the venv bootstraps its own.
$(UV_STAMP): $(UV_LOCK)
	test -x $(PY) || $(PYTHON) -m venv --without-pip $(VENV)
	if $(PYTHON) -m pip --help 2>/dev/null | grep -q -- '--python <python>'; then \
		$(PYTHON) -m pip --python $(PY) $(PIP_LOCKED) -r $(UV_LOCK); \
	else \
		$(PY) -m pip --version >/dev/null 2>&1 || $(PY) -m ensurepip --default-pip >/dev/null; \
		$(PY) -m pip $(PIP_LOCKED) -r $(UV_LOCK); \
	fi
	rm -f $(VENV)/.uv-*
	touch $@

# What serving needs, from the runtime lock (the Dockerfile installs the same lock with pip).
$(RUN_STAMP): $(UV_STAMP) pyproject.toml $(RUNTIME_LOCK)
	$(UV_LOCKED) $(PY) -r $(RUNTIME_LOCK)
	$(UV) pip install --quiet --python $(PY) --no-deps -e .
	rm -f $(VENV)/.runtime-*
	touch $@

# The dev tools on top, and the generated client (tests drive a server through it). The dev
# lock is resolved with the runtime lock as constraints, so this changes no runtime pin.
$(STAMP): $(RUN_STAMP) $(DEV_LOCK) $(CLIENT)/pyproject.toml
	$(UV_LOCKED) $(PY) -r $(DEV_LOCK)
	$(UV) pip install --quiet --python $(PY) --no-deps -e $(CLIENT)
	rm -f $(VENV)/.installed-*
	touch $@

$(GEN_STAMP): $(UV_STAMP) $(CLIENTGEN_LOCK)
	test -x $(GEN_VENV)/bin/python || $(PYTHON) -m venv --without-pip $(GEN_VENV)
	$(UV_LOCKED) $(GEN_VENV)/bin/python -r $(CLIENTGEN_LOCK)
	rm -f $(GEN_VENV)/.installed-*
	touch $@

install: $(STAMP) $(GEN_STAMP)

## Regenerate the hashed locks from pyproject.toml: the runtime set, the dev set (runtime pins
## as constraints), the client generator's group and uv alone (the dev set's pin).
## Keeps current pins; UPGRADE=1 lifts them.
.PHONY: lock
lock: $(STAMP)
	$(UV_COMPILE) pyproject.toml -o $(RUNTIME_LOCK)
	$(UV_COMPILE) pyproject.toml --extra dev -c $(RUNTIME_LOCK) -o $(DEV_LOCK)
	$(UV_COMPILE) --group pyproject.toml:clientgen -o $(CLIENTGEN_LOCK)
	printf 'uv\n' | $(UV_COMPILE) - -c $(DEV_LOCK) -o $(UV_LOCK)

## Migrate, seed and serve on HOST:PORT (default 127.0.0.1:8000, SQLite file medius.db),
## with the webhook worker beside the server; Ctrl-C stops both.
run: $(RUN_STAMP)
	$(PY) -m app run

## Debian's packages two tests need, installed when missing (as root) in one apt transaction:
## Chromium for the docs browser test (tests/docs), poppler-utils (pdftoppm) for the progress
## report's pixel test (tests/exports/report). Each test skips without its tool, and fails
## with CI=true. `browser` and `pdf-tools` are other names for it.
DEBIAN_TOOLS := chromium:chromium pdftoppm:poppler-utils
debian-tools:
	@missing=""; for pair in $(DEBIAN_TOOLS); do \
		command -v $${pair%%:*} >/dev/null 2>&1 || missing="$$missing $${pair#*:}"; done; \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing Debian's$$missing for the tests"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; } || \
		{ [ "$$CI" != true ] && echo "could not install$$missing: the tests that need them will skip"; }; \
	else \
		echo "missing Debian packages:$$missing, and no way to install them here (not root, or no"; \
		echo "  apt-get): the tests that need them skip (and fail with CI=true)"; \
	fi

browser pdf-tools: debian-tools

# The checks that are one process each (ruff, mypy, Redocly) run beside pytest rather than
# before it: pytest's workers leave a core idle while they wait for servers, subprocesses
# and PostgreSQL, and a fresh clone's mypy alone took most of a minute. Each target's
# output is printed whole when it ends; make fails when any of them fails.
SIDE_BY_SIDE := $(MAKE) --no-print-directory -j --output-sync=target

## ruff, mypy (strict), the docs site (strict) and the whole pytest suite on SQLite and
## PostgreSQL, spread over the cores (pytest-xdist), with the slowest tests listed at the end.
test:
	$(SIDE_BY_SIDE) install debian-tools
	$(SIDE_BY_SIDE) lint typecheck docs openapi-lint pytest

## The edit-test loop (well under 90 s): ruff, mypy, and every test that needs no
## PostgreSQL, server, browser, external tool or schemathesis run: the SQLite legs, in process.
check: install
	$(SIDE_BY_SIDE) lint typecheck pytest-check

pytest-check: install
	$(PYTEST) $(XDIST) -m "$(CHECK_TESTS)" --durations=10

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: install
	$(VENV)/bin/mypy app

pytest: install
	$(PYTEST) $(XDIST_FULL) --durations=30

## The docs site (mkdocs-material) from docs/ into site/ (git-ignored), --strict: a broken link,
## a page missing from the nav or a setting without a description fails. Settings, layout
## and bench results pages are generated at build time (scripts/docs_site.py).
docs: install
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict --quiet

## Regenerate the committed OpenAPI document (a test fails when it is stale).
openapi: install
	$(PY) scripts/openapi.py

## Lint the committed openapi.json with Redocly CLI's recommended rules (redocly.yaml; the CLI
## is pinned in tools/redocly). Skipped with a note where Node.js is missing, failed with CI=true.
openapi-lint:
	scripts/openapi-lint.sh

## Regenerate both committed clients from openapi.json (tests fail when either is stale).
## After an API change: `make openapi client`.
client: client-python client-ts

## The Python client in clients/python (openapi-python-client, from its own venv).
client-python: $(GEN_STAMP)
	PATH="$(abspath $(GEN_VENV))/bin:$$PATH" $(GEN_VENV)/bin/openapi-python-client generate \
		--path openapi.json --output-path $(CLIENT) --config $(CLIENT_CONFIG) \
		--overwrite --fail-on-warning

## The TypeScript client's types in clients/typescript/src/schema.ts (openapi-typescript,
## pinned by clients/typescript/package-lock.json). Skipped with a note where Node.js 20+
## is missing, failed with CI=true.
client-ts:
	scripts/client-ts.sh generate

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
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache medius.db medius.db-wal medius.db-shm site
	rm -rf clients/typescript/node_modules clients/typescript/build
