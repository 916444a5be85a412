"""Test harness: every HTTP test runs against SQLite and against a real PostgreSQL.

Under pytest-xdist every worker is its own process with its own session fixtures: its
own SQLite files (under its own basetemp) and its own throwaway PostgreSQL cluster, so
workers share no database.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import URL, Connection, Engine, create_engine, text
from sqlmodel import Session, SQLModel
from starlette.routing import BaseRoute

import app.models
from app.core.config import Settings
from app.core.db import build_engine
from app.core.migrations import upgrade
from app.main import create_app
from app.seed import seed_all
from app.users import service as users_service
from harness.postgres import Cluster, PostgresUnavailable, start_cluster
from tests.factories import (
    DEFAULT_PASSWORD,
    SignedIn,
    serve_in_process,
    sign_in,
    signed_in_user,
    unique_email,
)

# httpx's ASGITransport runs `import sniffio` on every request to tell trio from asyncio.
# sniffio is not installed (anyio no longer needs it), and a failed import searches the
# whole sys.path each time: about a tenth of an in-process request. None in sys.modules
# makes that import fail at once, as it would anyway.
if importlib.util.find_spec("sniffio") is None:
    sys.modules["sniffio"] = None  # type: ignore[assignment]

BACKENDS = ["sqlite", "postgresql"]
TEST_SECRET = "test-secret-key-that-is-long-enough-for-hs256-signing"
# Commands run in-process (the CLI tests) sign with this instead of making a key file.
os.environ.setdefault("SECRET_KEY", TEST_SECRET)


@pytest.fixture(scope="session")
def postgres_base_url() -> Iterator[str]:
    """A PostgreSQL to test on: TEST_DATABASE_URL, or a cluster started for this run."""
    given = os.environ.get("TEST_DATABASE_URL")
    if given:
        yield given
        return
    cluster: Cluster | None = None
    try:
        # A test run's cluster lives minutes and every reset deletes every row: autovacuum's
        # workers waking for those small tables only took CPU from the tests (5-8% of a
        # PostgreSQL-heavy subset's machine time). The bench's clusters keep it (and ANALYZE).
        cluster = start_cluster(settings=["autovacuum=off"])
    except PostgresUnavailable as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"PostgreSQL is required in CI and could not start: {exc}")
        pytest.skip(f"PostgreSQL could not start here ({exc}); set TEST_DATABASE_URL")
    assert cluster is not None
    admin = create_engine(cluster.admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("CREATE DATABASE medius_test"))
    admin.dispose()
    try:
        yield cluster.url("medius_test")
    finally:
        cluster.stop()


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        path: Path = tmp_path_factory.mktemp("sqlite") / "medius.db"
        url = f"sqlite:///{path}"
    else:
        url = request.getfixturevalue("postgres_base_url")
    upgrade(url)
    yield url


@pytest.fixture(scope="session")
def admin_engine(database_url: str) -> Iterator[Engine]:
    engine = create_engine(database_url)
    yield engine
    engine.dispose()


def reset_database(engine: Engine) -> None:
    """Put the database back to freshly migrated and seeded: each test starts the same.

    Every table is emptied with DELETE, then the rows the seed wrote are put back as they
    were captured the first time (`SeededRows`), and PostgreSQL's id sequences are set to
    where the seed left them, all in one transaction. Running the seed itself each time
    (parsing its YAML, validating and building every record) cost ~0.2 s a test, most of
    the fixed cost per test; replaying its rows costs a few milliseconds. DELETE rather
    than TRUNCATE: on tables this small PostgreSQL's TRUNCATE (a new file per table) took
    ~100 ms. A wrapping transaction rolled back would be cheaper still, but the app opens
    its own connections and many tests write from several at once, which one transaction
    cannot serve.
    """
    seeded = _seeded_rows.get(engine.url)
    if seeded is None:
        _empty(engine)
        with Session(engine) as session:
            seed_all(session)
        _seeded_rows[engine.url] = SeededRows.capture(engine)
        return
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text(f"SELECT {SNAPSHOT}.reset()"))
        else:
            _delete_every_row(conn)
            seeded.restore(conn)


@dataclass(frozen=True)
class SeededRows:
    """What the seed wrote: every row of every table, and where each sequence stands."""

    rows: dict[str, list[dict[str, Any]]]
    sequences: dict[str, tuple[int, bool]]

    @classmethod
    def capture(cls, engine: Engine) -> SeededRows:
        with engine.connect() as conn:
            rows = {
                # By column key, as insert() takes them (routine_item's `order` is `position`).
                table.name: [
                    dict(zip(table.columns.keys(), row, strict=True))
                    for row in conn.execute(table.select())
                ]
                for table in SQLModel.metadata.sorted_tables
            }
            sequences: dict[str, tuple[int, bool]] = {}
            if engine.dialect.name == "postgresql":
                for name in conn.scalars(text(SEQUENCES)).all():
                    state = conn.execute(text(f'SELECT last_value, is_called FROM "{name}"'))
                    value, called = state.one()
                    sequences[name] = (int(value), bool(called))
        seeded = cls({name: found for name, found in rows.items() if found}, sequences)
        if engine.dialect.name == "postgresql":
            seeded.keep_on_server(engine)
        return seeded

    def keep_on_server(self, engine: Engine) -> None:
        """Copy the seeded rows to tables of a schema of their own, and write the reset as
        one PostgreSQL function: a reset is then one round trip, not ~50 (a DELETE per
        table, an INSERT per seeded table, a setval per sequence), ~15 ms a test.

        As a superuser (the suite's own cluster) the function also turns off the foreign
        keys' triggers for its transaction: every table is emptied, so checking each
        deleted row's references only halved the reset's speed.
        """
        tables = SQLModel.metadata.sorted_tables  # parents before children
        with engine.connect() as conn:
            superuser = conn.scalar(
                text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            )
        steps = ["SET LOCAL session_replication_role = replica;"] if superuser else []
        steps += [f'DELETE FROM "{table.name}";' for table in reversed(tables)]
        steps += [
            f'INSERT INTO "{table.name}" SELECT * FROM {SNAPSHOT}."{table.name}";'
            for table in tables
            if table.name in self.rows
        ]
        steps += [
            f"PERFORM setval('\"{name}\"', {value}, {str(called).lower()});"
            for name, (value, called) in self.sequences.items()
        ]
        with engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {SNAPSHOT} CASCADE"))
            conn.execute(text(f"CREATE SCHEMA {SNAPSHOT}"))
            for name in self.rows:
                conn.execute(text(f'CREATE TABLE {SNAPSHOT}."{name}" AS TABLE "{name}"'))
            body = "\n".join(steps)
            conn.execute(
                text(
                    f"CREATE FUNCTION {SNAPSHOT}.reset() RETURNS void LANGUAGE plpgsql"
                    f" AS $reset$ BEGIN\n{body}\nEND $reset$"
                )
            )

    def restore(self, conn: Connection) -> None:
        for table in SQLModel.metadata.sorted_tables:  # parents before children
            if table.name in self.rows:
                conn.execute(table.insert(), self.rows[table.name])
        for name, (value, called) in self.sequences.items():
            conn.execute(
                text("SELECT setval(:name, :value, :called)"),
                {"name": f'"{name}"', "value": value, "called": called},
            )


# Where a PostgreSQL test database keeps the seeded rows and its reset function: a schema
# of its own, which the app, its migrations and the models never see.
SNAPSHOT = "medius_test_seed"

# One capture per database (URL) in this process: the seed is the same for each.
_seeded_rows: dict[URL, SeededRows] = {}


def _empty(engine: Engine) -> None:
    with engine.begin() as conn:
        _delete_every_row(conn)
        if engine.dialect.name == "postgresql":
            for sequence in conn.scalars(text(SEQUENCES)).all():
                conn.execute(text(f'ALTER SEQUENCE "{sequence}" RESTART'))


def _delete_every_row(conn: Connection) -> None:
    for table in reversed(SQLModel.metadata.sorted_tables):  # children before parents
        conn.execute(table.delete())


SEQUENCES = (
    "SELECT sequence_name FROM information_schema.sequences"
    " WHERE sequence_schema = current_schema()"
)


def test_settings(database_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "database_url": database_url,
        "env": "test",
        "secret_key": TEST_SECRET,
        # The cheapest argon2id Settings allows (one pass over 1 MiB, ~1 ms a hash instead
        # of ~10 ms at 8 MiB): every test signs users up and in, and the hash is under test
        # only where a test says so; production keeps the library defaults.
        "argon2_time_cost": 1,
        "argon2_memory_kib": 1024,
        **overrides,
    }
    return Settings.model_validate(values)


test_settings.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test


@pytest.fixture
def app(database_url: str, admin_engine: Engine) -> Iterator[FastAPI]:
    reset_database(admin_engine)
    settings = test_settings(database_url)
    application = create_app(settings, engine=shared_engine(settings))
    yield with_shared_openapi(with_resolved_routes(application))


def shared_engine(settings: Settings) -> Engine:
    """This process's engine for the settings' database and pool, kept from test to test.

    An engine of its own per test opened new connections every test: a new PostgreSQL
    backend reads the catalog of each table it touches afresh, ~15 ms more than a warm
    connection for a test's first few statements, and a new SQLite connection parses the
    schema again. Nothing else of a test lives in the engine: the app, its live catalog and
    its caches are still built per test. An engine a test left with a connection checked
    out (a thread still running, a transaction still open) is replaced, not reused.
    """
    key = (
        settings.database_url,
        settings.pool_size,
        settings.db_max_overflow,
        settings.sqlite_busy_timeout_ms,
    )
    engine = _engines.get(key)
    if engine is None or engine.pool.checkedout():  # type: ignore[attr-defined]
        engine = _engines[key] = build_engine(settings)
    return engine


_engines: dict[tuple[object, ...], Engine] = {}


def with_resolved_routes(application: FastAPI) -> FastAPI:
    """`application`, its included routers swapped for the same routers as this process
    already resolved them.

    FastAPI (0.16x) resolves an included router's routes (dependencies, parameter and
    response models) lazily, per app, the first time a request walks past them: ~1.7 s
    for every route, and ~0.1-0.3 s of each test that builds its own app, more than
    anything else a test does once. create_app includes the same module-level routers
    the same way every time and a resolved route keeps no app state (the request brings
    its app), so each test still gets its own app, settings, engine and live catalog,
    and only that resolution is done once per process. One thing a resolved route does
    keep is the app whose `dependency_overrides` it reads: no test overrides a dependency.
    """
    assert not application.dependency_overrides
    routes = application.router.routes
    for index, route in enumerate(routes):
        router = getattr(route, "original_router", None)
        if router is None:  # the app's own routes (docs assets, openapi.json): not shared
            continue
        key = (id(router), route.include_context.prefix)  # type: ignore[attr-defined]
        routes[index] = _resolved_routers.setdefault(key, route)
    return application


_resolved_routers: dict[tuple[int, str], BaseRoute] = {}


def with_shared_openapi(application: FastAPI) -> FastAPI:
    """`application`, building its OpenAPI document only when no app of equal settings and
    routes in this process has built it yet.

    Building it walks every route and model (~0.4 s) and a few dozen tests fetch
    /openapi.json from an app of their own. With the routes shared (with_resolved_routes)
    and the settings equal, the document is equal; a test that adds routes of its own
    gets a document of its own. Tests read the document, never change it (one that did
    would change it for the rest of its worker).
    """
    build = application.openapi
    routes = list(application.router.routes)
    # Everything that could shape the document but the database, which never does.
    key = application.state.settings.model_dump_json(exclude={"database_url"})

    def openapi() -> dict[str, Any]:
        now = application.router.routes
        if (
            application.openapi_schema
            or len(now) != len(routes)
            or any(a is not b for a, b in zip(now, routes, strict=True))
        ):
            return build()
        if key not in _openapi_documents:
            _openapi_documents[key] = build()
        application.openapi_schema = _openapi_documents[key]
        return application.openapi_schema

    application.openapi = openapi  # type: ignore[method-assign]
    return application


_openapi_documents: dict[str, dict[str, Any]] = {}


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(app) as c:
        yield c


def asgi_client(app: FastAPI) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return serve_in_process(
        httpx.AsyncClient(transport=transport, base_url="http://medius.test"), app
    )


@pytest.fixture(scope="module")
def spec_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    """One app per module for tests of what does not depend on data: the OpenAPI document
    and the docs pages. It is never migrated (nothing here reads the database), so these
    tests have no database leg, and the document (~0.35 s to build) is built once."""
    folder = tmp_path_factory.mktemp("spec")
    application = with_shared_openapi(
        with_resolved_routes(create_app(test_settings(f"sqlite:///{folder / 'never-migrated.db'}")))
    )
    yield application
    application.state.engine.dispose()


@pytest.fixture
async def spec_client(spec_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(spec_app) as c:
        yield c


# Tests that start a real server (`python -m app serve`), by path under tests/.
SERVER_TESTS = (
    "reliability/",
    "client/test_generated_client.py",
    "client/test_typescript_client.py",
    "docs/test_walks.py",  # one server for every shell walk of the README and docs/
    "docs/test_docs_in_browser.py",
    "webhooks/test_worker_process.py",  # `python -m app worker` subprocesses
    "users/test_trusted_proxies.py",
    "release/test_release_install.py",  # the image's install in its own venv, then served
)
# Tests that run an external program on the app's output or the repository: Node.js (the FHIR
# validator, ical.js, the TypeScript client's generator), the Python client's generator,
# mkdocs, pdftoppm. Each is a process start and a tool's run, ~24 s of CPU together: `make
# test` runs them, `make check` (in process only) leaves them out.
TOOL_TESTS = (
    "exports/fhir/test_fhir_validation.py",
    "exports/calendar/test_calendar_interop.py",
    "exports/report/test_report_pixels.py",
    "client/test_client_committed.py",
    "client/test_typescript_client_committed.py",
    "docs/test_site.py",
)
# The longest single tests, started first so that no xdist worker idles at the end
# while another finishes one of them.
LONG_TESTS = (
    "reliability/",
    "docs/test_walks.py",
    "docs/test_docs_in_browser.py",
    "release/test_release_install.py",
)


# Modules whose tests share a costly module-scoped fixture (a server started, the docs site
# built, the OpenAPI document served): one xdist group each, so the fixture is made once
# rather than once on every worker that happens to draw one of the module's tests.
SHARED_FIXTURE_MODULES = (
    "users/test_trusted_proxies.py",  # a server per database
    "docs/test_docs_in_browser.py",  # a server and a Chromium (~9 s of CPU together)
    "client/test_generated_client.py",  # a server
    "docs/test_site.py",  # `mkdocs build`
    "test_openapi_examples.py",  # an app and its document
)


# First: pytest-xdist's own hook reads the `xdist_group` marks (for `--dist loadgroup`)
# from the items it is handed, so they must be on them before it runs. Without this the
# reliability tests went to both workers and each started the shared servers.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark what `make check` leaves out (PostgreSQL legs, tests that start a server or run
    an external tool) and
    order the run for pytest-xdist.

    The `browser` tests mark themselves (and start a server too). The reliability tests
    share one server per database (`live`, `flooded`): one xdist group keeps them on one
    worker, so each server starts once (run with `--dist loadgroup`).
    """
    tests_dir = Path(__file__).parent

    def where(item: pytest.Item) -> str:
        return item.path.relative_to(tests_dir).as_posix()

    for item in items:
        params = getattr(item, "callspec", None)
        if params is not None and any(v == "postgresql" for v in params.params.values()):
            item.add_marker(pytest.mark.postgres)
        if where(item).startswith(SERVER_TESTS):
            item.add_marker(pytest.mark.server)
        if where(item) in TOOL_TESTS:
            item.add_marker(pytest.mark.tool)
        if where(item).startswith("reliability/"):
            item.add_marker(pytest.mark.xdist_group("reliability"))
        if where(item).startswith("docs/test_walks.py"):
            item.add_marker(pytest.mark.xdist_group("walks"))  # they share one server
        if where(item) in SHARED_FIXTURE_MODULES:
            item.add_marker(pytest.mark.xdist_group(where(item)))
    items.sort(key=lambda item: not where(item).startswith(LONG_TESTS))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    counts: dict[str, dict[str, int]] = {b: {} for b in BACKENDS}
    for outcome in ("passed", "failed", "error", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            nodeid = getattr(report, "nodeid", "")
            for backend in BACKENDS:
                if f"[{backend}" in nodeid or f"-{backend}]" in nodeid or f"-{backend}-" in nodeid:
                    counts[backend][outcome] = counts[backend].get(outcome, 0) + 1
    terminalreporter.section("database legs")
    for backend in BACKENDS:
        figures = ", ".join(f"{n} {k}" for k, n in sorted(counts[backend].items())) or "none run"
        terminalreporter.write_line(f"{backend} leg: {figures}")


@pytest.fixture
async def alice(client: httpx.AsyncClient) -> SignedIn:
    return await signed_in_user(client, unique_email("alice"))


@pytest.fixture
async def bob(client: httpx.AsyncClient) -> SignedIn:
    return await signed_in_user(client, unique_email("bob"))


@pytest.fixture
async def admin(client: httpx.AsyncClient, app: FastAPI) -> SignedIn:
    email = unique_email("admin")
    with Session(app.state.engine) as session:
        users_service.create_admin(session, email, DEFAULT_PASSWORD)
    token = (await sign_in(client, email)).json()
    me = (
        await client.get("/api/v1/me", headers={"Authorization": f"Bearer {token['access_token']}"})
    ).json()
    return SignedIn(
        id=uuid.UUID(me["id"]),
        email=email,
        password=DEFAULT_PASSWORD,
        access_token=token["access_token"],
        refresh_token=token["refresh_token"],
    )
