"""A read unit's connection (app/core/db.py `read_engine`, app/users/auth.py `Unit.read`):
on PostgreSQL no transaction, so no BEGIN and no ROLLBACK round trip; on both databases a
statement that writes or locks rows is refused before it is sent; and the pooled
connection a read used is back in a transaction for the next write."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import Connection, event, select, update
from sqlmodel import Session

from app.core.db import WriteInRead, begin_write
from app.main import create_app
from app.users.auth import SignedIn
from app.users.models import User
from tests.conftest import asgi_client, test_settings
from tests.factories import SignedIn as Account
from tests.factories import care_team, routine_payload, session_payload, signed_in_user


@contextmanager
def transaction_states(app: FastAPI) -> Iterator[list[str]]:
    """psycopg's transaction status right after each statement the app sends: IDLE when
    no transaction is open (psycopg sent no BEGIN before it, and will send no ROLLBACK)."""
    seen: list[str] = []

    def after(conn: Any, _cursor: Any, _statement: str, *_args: Any) -> None:
        seen.append(conn.connection.dbapi_connection.info.transaction_status.name)

    event.listen(app.state.engine, "after_cursor_execute", after)
    try:
        yield seen
    finally:
        event.remove(app.state.engine, "after_cursor_execute", after)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_read_routes_send_no_begin_or_rollback_on_postgresql(
    client: httpx.AsyncClient, app: FastAPI, alice: Account
) -> None:
    logged = await client.post("/api/v1/sessions", json=session_payload(), headers=alice.headers)
    routine = await client.post("/api/v1/routines", json=routine_payload(), headers=alice.headers)
    assert logged.status_code == 201 and routine.status_code == 201, (logged, routine)
    reads = [
        "/api/v1/me",
        "/api/v1/sessions?limit=20",
        f"/api/v1/sessions/{logged.json()['id']}",
        f"/api/v1/routines/{routine.json()['id']}",
    ]
    for path in reads:
        with transaction_states(app) as states:
            answer = await client.get(path, headers=alice.headers)
        assert answer.status_code == 200, (path, answer.text)
        assert states and set(states) == {"IDLE"}, (path, states)
    # A write still runs in a transaction.
    with transaction_states(app) as states:
        again = await client.post("/api/v1/sessions", json=session_payload(), headers=alice.headers)
    assert again.status_code == 201
    assert "INTRANS" in states, states


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_a_clinicians_read_commits_its_log_line_then_reads_without_a_transaction(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    """The decision and the access-log line are one transaction; what is read after its
    COMMIT (the patient, the data asked for) sends no BEGIN and no ROLLBACK."""
    team = await care_team(client)
    logged = await client.post(
        "/api/v1/sessions", json=session_payload(), headers=team.patient.headers
    )
    assert logged.status_code == 201, logged.text
    with transaction_states(app) as states:
        answer = await client.get(team.patient_path("/sessions"), headers=team.clinician.headers)
    assert answer.status_code == 200, answer.text
    assert [s["id"] for s in answer.json()["items"]] == [logged.json()["id"]]
    assert "INTRANS" in states, states  # the log line
    after_commit = states[states.index("INTRANS") :]
    first_read = next((i for i, state in enumerate(after_commit) if state == "IDLE"), 0)
    assert first_read > 0 and set(after_commit[first_read:]) == {"IDLE"}, states


@contextmanager
def orm_executions() -> Iterator[list[str]]:
    """Every statement run through an ORM `Session` (its `do_orm_execute` hook), any engine."""
    seen: list[str] = []

    def executed(state: Any) -> None:
        seen.append(str(state.statement))

    event.listen(Session, "do_orm_execute", executed)
    try:
        yield seen
    finally:
        event.remove(Session, "do_orm_execute", executed)


async def test_session_reads_run_on_a_bare_connection_without_an_orm_session(
    client: httpx.AsyncClient, alice: Account
) -> None:
    """GET /sessions (a first page, a later page, a sync) and GET /sessions/{id} run their
    statements on a `Connection` (`Unit.read_core`): none goes through an ORM `Session`."""
    for _ in range(2):
        logged = await client.post(
            "/api/v1/sessions", json=session_payload(), headers=alice.headers
        )
        assert logged.status_code == 201, logged.text
    first = await client.get("/api/v1/sessions?limit=1", headers=alice.headers)
    reads = [
        "/api/v1/sessions?limit=20",
        f"/api/v1/sessions?limit=1&cursor={first.json()['next_cursor']}",
        "/api/v1/sessions?sync_token=0",
        f"/api/v1/sessions/{logged.json()['id']}",
    ]
    for path in reads:
        with orm_executions() as seen:
            answer = await client.get(path, headers=alice.headers)
        assert answer.status_code == 200, (path, answer.text)
        assert answer.json().get("items", [answer.json()])[0]["entries"], path
        assert seen == [], (path, seen)


def read_route(app: FastAPI, work: Callable[[Any, Any], object], *, core: bool = False) -> None:
    """A route, added for the test, that runs `work` as a read unit: on an ORM `Session`
    (`unit.read`) or, with `core`, on a bare `Connection` (`unit.read_core`)."""

    async def route(unit: SignedIn) -> None:
        await (unit.read_core(work) if core else unit.read(work))

    app.add_api_route("/test/read-unit", route, methods=["POST"])


def rename_caller(db: Session | Connection, caller: Any) -> None:
    db.execute(update(User).where(User.id == caller.id).values(display_name="Renamed"))


def lock_caller(db: Session | Connection, caller: Any) -> None:
    db.execute(select(User).where(User.id == caller.id).with_for_update())


def rename_by_orm(db: Session, caller: Any) -> None:
    user = db.get(User, caller.id)
    assert user is not None
    user.display_name = "Renamed"
    db.flush()


@pytest.mark.parametrize(
    ("work", "core"),
    [
        (rename_caller, False),
        (lock_caller, False),
        (rename_by_orm, False),
        (rename_caller, True),
        (lock_caller, True),
    ],
    ids=["write", "lock", "orm-write", "core-write", "core-lock"],
)
async def test_a_read_unit_refuses_to_write_or_lock(
    client: httpx.AsyncClient,
    app: FastAPI,
    alice: Account,
    work: Callable[[Any, Any], None],
    core: bool,
) -> None:
    refused: list[BaseException] = []

    def attempt(db: Session | Connection, caller: Any) -> None:
        try:
            work(db, caller)
        except WriteInRead as exc:
            refused.append(exc)
            raise

    read_route(app, attempt, core=core)
    answer = await client.post("/test/read-unit", headers=alice.headers)
    assert answer.status_code == 500
    assert len(refused) == 1, refused
    me = await client.get("/api/v1/me", headers=alice.headers)
    assert me.json()["display_name"] != "Renamed"


class Injected(Exception):
    """The failure the test injects in the middle of a write."""


async def test_a_write_after_a_read_on_the_same_connection_is_atomic(
    app: FastAPI, database_url: str
) -> None:
    # One request thread and one pooled connection: the write reuses the read's connection.
    single = create_app(
        test_settings(database_url, worker_threads=1, db_pool_size=1, db_max_overflow=0)
    )
    engine = single.state.engine
    sent: list[tuple[str, int]] = []  # (request, DBAPI connection) of each statement
    request = "read"

    def record_then_fail_on_entries(conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        sent.append((request, id(conn.connection.dbapi_connection)))
        if request == "write" and statement.startswith("INSERT INTO session_entry"):
            raise Injected(statement)
        if request == "write" and statement.startswith("INSERT INTO workout_session"):
            sent.append(("session row", 0))

    try:
        async with single.router.lifespan_context(single), asgi_client(single) as client:
            user = await signed_in_user(client)
            event.listen(engine, "before_cursor_execute", record_then_fail_on_entries)
            try:
                listed = await client.get("/api/v1/sessions?limit=20", headers=user.headers)
                request = "write"
                payload = session_payload()
                failed = await client.post("/api/v1/sessions", json=payload, headers=user.headers)
            finally:
                event.remove(engine, "before_cursor_execute", record_then_fail_on_entries)
            assert listed.status_code == 200
            assert failed.status_code == 500, failed.text
            assert ("session row", 0) in sent, sent  # written before the entries failed
            used = {connection for name, connection in sent if name in ("read", "write")}
            assert len(used) == 1, sent
            # The session row is rolled back with the entries.
            gone = await client.get(f"/api/v1/sessions/{payload['id']}", headers=user.headers)
            assert gone.status_code == 404, gone.text
            retried = await client.post("/api/v1/sessions", json=payload, headers=user.headers)
            assert retried.status_code == 201, retried.text
    finally:
        engine.dispose()


async def test_a_read_that_begins_a_write_is_one_transaction(
    client: httpx.AsyncClient, app: FastAPI, alice: Account
) -> None:
    renamed_first: list[bool] = []

    def rename_then_fail(db: Session, caller: Any) -> None:
        begin_write(db)  # what a read that writes (missed-week alerts) calls first
        rename_caller(db, caller)
        renamed_first.append(True)
        raise Injected("after the first statement of the write")

    read_route(app, rename_then_fail)
    answer = await client.post("/test/read-unit", headers=alice.headers)
    assert answer.status_code == 500
    assert renamed_first == [True]
    me = await client.get("/api/v1/me", headers=alice.headers)
    assert me.json()["display_name"] != "Renamed"
