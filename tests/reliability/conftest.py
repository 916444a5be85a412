"""Reliability tests: a real uvicorn server in a subprocess, on SQLite and PostgreSQL.

Short form in `make test`; `make soak` (MEDIUS_SOAK=1) runs the same tests with bigger
counts. All traffic goes to 127.0.0.1, and every loop is bounded in count and time.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, func, select
from sqlmodel import SQLModel

import app.models  # noqa: F401  (every table on SQLModel.metadata)
from harness.server import ServerProcess, listening_port, new_database, production_env, served

SOAK = os.environ.get("MEDIUS_SOAK", "") == "1"
BACKENDS = ["sqlite", "postgresql"]


@dataclass(frozen=True)
class Load:
    """How hard the tests push: the short form stays quick, the soak form runs long."""

    writers: int
    users: int
    sessions_per_writer: int
    acknowledged_before_kill: int
    junk_cases: int
    deadline_seconds: float


LOAD = (
    Load(
        writers=32,
        users=8,
        sessions_per_writer=40,
        acknowledged_before_kill=600,
        junk_cases=400,
        deadline_seconds=600,
    )
    if SOAK
    else Load(
        writers=32,
        users=8,
        sessions_per_writer=3,
        acknowledged_before_kill=40,
        junk_cases=0,
        deadline_seconds=60,
    )
)


@dataclass
class Live:
    """One running server and its database, shared by the reliability tests of a backend.

    `sent` holds every session body any test sent (acknowledged or not), so a test can
    check that every stored session is whole, whoever wrote it.
    """

    server: ServerProcess
    engine: Engine
    sent: dict[str, dict[str, Any]] = field(default_factory=dict)


# Every request of these tests comes from 127.0.0.1: the per-address sign-up limit
# would otherwise refuse the accounts the tests need (tests/users checks the limit).
SIGN_UPS_FROM_LOOPBACK = "100000"
# The writers log thousands of sessions started at one instant (a soak run passes the
# default daily quota of 200 per account); tests/logbook/sessions/test_daily_quota.py checks it.
SESSIONS_PER_DAY_UNDER_LOAD = "100000"


@contextmanager
def _served(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    **settings: str,
) -> Iterator[tuple[ServerProcess, str]]:
    """`python -m app serve` in production mode on a new database of the backend."""
    folder = tmp_path_factory.mktemp(f"{name}-{request.param}")
    with new_database(request.param, request, folder) as database:
        env = production_env(
            database,
            listening_port(),
            REGISTER_MAX_PER_ADDRESS=SIGN_UPS_FROM_LOOPBACK,
            MAX_SESSIONS_PER_DAY=SESSIONS_PER_DAY_UNDER_LOAD,
            **settings,
        )
        with served(env, folder) as server:
            yield server, database


@pytest.fixture(scope="session", params=BACKENDS)
def live(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Live]:
    """The shared server of the reliability tests (cheap argon2 keeps sign-ups quick)."""
    served = _served(
        request, tmp_path_factory, "reliability", ARGON2_TIME_COST="1", ARGON2_MEMORY_KIB="8192"
    )
    with served as (server, database):
        engine = create_engine(database)
        try:
            yield Live(server, engine)
        finally:
            engine.dispose()


@dataclass(frozen=True)
class Flood:
    """A sign-up flood beside session writers (`make soak` runs the issue's 40 and 8)."""

    sign_ups: int
    writers: int
    baseline_writes: int
    max_writes_during: int


FLOOD = (
    Flood(sign_ups=40, writers=8, baseline_writes=150, max_writes_during=400)
    if SOAK
    else Flood(sign_ups=12, writers=4, baseline_writes=3, max_writes_during=60)
)


@pytest.fixture(scope="session", params=BACKENDS)
def flooded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerProcess]:
    """A server with production argon2id (about 0.2 CPU-s a hash) for the sign-up flood.

    The SQLite busy timeout is 1 s instead of 5 s so the short form, with fewer sign-ups,
    still shows a write lock held across hashing (it would take over a second).
    """
    with _served(request, tmp_path_factory, "flood", SQLITE_BUSY_TIMEOUT_MS="1000") as (server, _):
        yield server


def row_counts(engine: Engine) -> dict[str, int]:
    """Rows in every table of the app's schema."""
    with engine.connect() as conn:
        return {
            table.name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
            for table in SQLModel.metadata.sorted_tables
        }


def same_entries(sent: list[dict[str, Any]], stored: list[dict[str, Any]]) -> bool:
    """Every field sent comes back unchanged, in order."""
    if len(sent) != len(stored):
        return False
    return all(
        all(stored_entry.get(key) == value for key, value in sent_entry.items())
        for sent_entry, stored_entry in zip(sent, stored, strict=True)
    )
