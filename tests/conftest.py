"""Test harness: every HTTP test runs against SQLite and against a real PostgreSQL.

Under pytest-xdist every worker is its own process with its own session fixtures: its
own SQLite files (under its own basetemp) and its own throwaway PostgreSQL cluster, so
workers share no database.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import Engine, create_engine, text
from sqlmodel import Session, SQLModel

import app.models
from app.core.config import Settings
from app.core.migrations import upgrade
from app.main import create_app
from app.seed import seed_all
from app.users import service as users_service
from harness.postgres import Cluster, PostgresUnavailable, start_cluster
from tests.factories import DEFAULT_PASSWORD, SignedIn, sign_in, signed_in_user, unique_email

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
        cluster = start_cluster()
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
    """Empty every table, restart the id sequences, then load the article's catalog: each
    test starts the same.

    DELETE rather than TRUNCATE: on tables this small PostgreSQL's TRUNCATE (a new file per
    table) took ~100 ms a test, DELETE and RESTART take ~3 ms, to the same end state. A
    wrapping transaction rolled back would be cheaper still, but the app opens its own
    connections and many tests write from several at once, which one transaction cannot
    serve.
    """
    with engine.begin() as conn:
        for table in reversed(SQLModel.metadata.sorted_tables):  # children before parents
            conn.execute(table.delete())
        if engine.dialect.name == "postgresql":
            for sequence in conn.scalars(text(SEQUENCES)).all():
                conn.execute(text(f'ALTER SEQUENCE "{sequence}" RESTART'))
    with Session(engine) as session:
        seed_all(session)


SEQUENCES = (
    "SELECT sequence_name FROM information_schema.sequences"
    " WHERE sequence_schema = current_schema()"
)


def test_settings(database_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "database_url": database_url,
        "env": "test",
        "secret_key": TEST_SECRET,
        # Cheaper argon2id keeps the suite fast; production keeps the library defaults.
        "argon2_time_cost": 1,
        "argon2_memory_kib": 8192,
        **overrides,
    }
    return Settings.model_validate(values)


test_settings.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test


@pytest.fixture
def app(database_url: str, admin_engine: Engine) -> Iterator[FastAPI]:
    reset_database(admin_engine)
    application = create_app(test_settings(database_url))
    yield application
    application.state.engine.dispose()


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(app) as c:
        yield c


def asgi_client(app: FastAPI) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://medius.test")


@pytest.fixture(scope="module")
def spec_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    """One app per module for tests of what does not depend on data: the OpenAPI document
    and the docs pages. It is never migrated (nothing here reads the database), so these
    tests have no database leg, and the document (~0.35 s to build) is built once."""
    folder = tmp_path_factory.mktemp("spec")
    application = create_app(test_settings(f"sqlite:///{folder / 'never-migrated.db'}"))
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
# The longest single tests, started first so that no xdist worker idles at the end
# while another finishes one of them.
LONG_TESTS = (
    "test_schemathesis.py",
    "reliability/",
    "docs/test_walks.py",
    "docs/test_docs_in_browser.py",
    "release/test_release_install.py",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark what `make check` leaves out (PostgreSQL legs, tests that start a server) and
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
        if where(item).startswith("reliability/"):
            item.add_marker(pytest.mark.xdist_group("reliability"))
        if where(item).startswith("docs/test_walks.py"):
            item.add_marker(pytest.mark.xdist_group("walks"))  # they share one server
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
