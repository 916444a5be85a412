"""The floors' POST /sessions does the app's database work, never less.

`make bench` reads the app's create as a fraction of its stack floor's
(bench/stack_floor_app.py, the statements of bench/floor_app.py on FastAPI + SQLAlchemy
Core). That ratio is Medius' own cost only while the floor sends what the app sends and
leaves what the app leaves: for the bench user (in care with two clinicians, three
subscribed endpoints), a 10-entry and a 500-entry create send as many statements through
the stack floor as through the app, and each floor's create changes every table as the
app's does (rows added, figures added to, the counter, the summaries, the outbox row).
"""

from __future__ import annotations

import importlib
import uuid
from decimal import Decimal
from types import ModuleType
from typing import Any

import httpx
import orjson
import pytest
from fastapi import FastAPI
from sqlalchemy import Engine, MetaData, event, select

from app.logbook.progress import calc
from bench import loadgen, scenarios
from tests.factories import (
    SignedIn,
    signed_in_user,
    unique_email,
)
from tests.webhooks.conftest import app, in_care_and_watched

__all__ = ["app"]  # the webhook harness' app: endpoints on loopback may be registered
API = "/api/v1"
HOOK = "https://127.0.0.1:9/medius"  # as the bench's: nothing is delivered
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")
# Columns whose values are the moment of the write, or the request's fingerprint (the app
# digests its parsed model, the floor the JSON it read: the same work, other bytes).
MOMENTS = {"created_at", "updated_at", "body_digest"}


async def _bench_user(client: httpx.AsyncClient) -> SignedIn:
    patient = await signed_in_user(client, unique_email("bench"))
    await in_care_and_watched(client, patient, HOOK)
    return patient


def _body(entries: int, session_id: uuid.UUID) -> str:
    return scenarios.session_body(entries).replace(loadgen.ID_MARK, str(session_id))


async def _create(client: httpx.AsyncClient, user: SignedIn, body: str) -> dict[str, Any]:
    headers = {**user.headers, "Content-Type": "application/json"}
    answer = await client.post(f"{API}/sessions", content=body, headers=headers)
    assert answer.status_code == 201, answer.text
    created: dict[str, Any] = answer.json()
    return created


Snapshot = dict[str, dict[tuple[Any, ...], dict[str, Any]]]


def _snapshot(engine: Engine, meta: MetaData) -> Snapshot:
    """Every row of every table, by primary key."""
    out: Snapshot = {}
    with engine.connect() as conn:
        for table in meta.sorted_tables:
            keys = [c.name for c in table.primary_key.columns] or [c.name for c in table.c]
            rows = conn.execute(select(table)).mappings().all()
            out[table.name] = {tuple(row[k] for k in keys): dict(row) for row in rows}
    return out


def _plain(value: Any, session_id: uuid.UUID) -> Any:
    """A stored value with the create's own id named, an outbox body's moments dropped."""
    if value in (session_id, session_id.hex, str(session_id)):
        return "the new session"
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, str) and value.endswith(str(session_id)):  # the outbox's subject
        return value.replace(str(session_id), "the new session")
    if isinstance(value, str) and value.startswith('{"session"'):
        data = orjson.loads(value)
        for key in ("id", *MOMENTS):
            data["session"].pop(key, None)
        return data
    return value


def _effects(before: Snapshot, after: Snapshot, session_id: uuid.UUID) -> list[Any]:
    """What a create changed, comparable between two creates of the same body: rows added
    (without their serial keys and moments), figures added to existing rows (as
    differences), other values changed (as the new value)."""
    out: list[Any] = []
    for table, rows in after.items():
        old = before.get(table, {})
        for key, row in rows.items():
            kept = {c: _plain(v, session_id) for c, v in row.items() if c not in MOMENTS}
            if key not in old:
                kept.pop("id", None) if isinstance(row.get("id"), int) else None
                kept.pop("change_seq", None)  # the counter's next value: checked below
                out.append(("added", table, sorted(kept.items(), key=str)))
                continue
            changed = []
            for column, value in kept.items():
                was = _plain(old[key][column], session_id)
                if value == was:
                    continue
                numeric = isinstance(value, int) and isinstance(was, int)
                changed.append((column, ("+", value - was) if numeric else value))
            if changed:
                out.append(("changed", table, key, changed))
        out += [("removed", table, key) for key in old.keys() - rows.keys()]
    return sorted(out, key=str)


def _statements(engine: Engine) -> tuple[list[str], Any]:
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not statement.lstrip().upper().startswith(TRANSACTION_CONTROL):
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    return seen, lambda: event.remove(engine, "before_cursor_execute", count)


async def test_the_floors_create_does_the_apps_statements_and_leaves_its_rows(
    client: httpx.AsyncClient,
    app: FastAPI,
    floors: tuple[ModuleType, ModuleType],
    floor_clients: tuple[httpx.AsyncClient, httpx.AsyncClient],
    admin_engine: Engine,
) -> None:
    _, stack = floors
    bare_client, stack_client = floor_clients
    user = await _bench_user(client)
    # As in the bench: the user has logged every exercise before (their day and week rows
    # exist), and each server has read the catalog once. Later ids sort later: each
    # measured create is the user's latest session, which the care summaries name.
    for n, (warm, entries) in enumerate(((client, 500), (bare_client, 1), (stack_client, 1))):
        await _create(warm, user, _body(entries, uuid.UUID(int=n + 1)))
    meta = MetaData()
    meta.reflect(admin_engine)
    servers = (
        ("app", client, app.state.engine),
        ("stack floor", stack_client, stack.engine),
        ("bare floor", bare_client, None),
    )
    for size, entries in enumerate((10, 500)):
        measured: dict[str, tuple[list[Any], dict[str, Any]]] = {}
        counts: dict[str, int] = {}
        for n, (name, target, engine) in enumerate(servers):
            session_id = uuid.UUID(int=(0xE0 + 0x10 * size + n) << 120)
            before = _snapshot(admin_engine, meta)
            seen, stop = _statements(engine) if engine is not None else ([], lambda: None)
            try:
                answer = await _create(target, user, _body(entries, session_id))
            finally:
                stop()
            after = _snapshot(admin_engine, meta)
            counts[name] = len(seen)
            for key in ("id", "created_at", "updated_at"):
                answer.pop(key)
            measured[name] = (_effects(before, after, session_id), answer)
            counter = next(iter(after["user_change_counter"].values()))["seq"]
            stored = after["workout_session"][(_key(after, session_id),)]
            assert stored["change_seq"] == counter, name

        assert counts["stack floor"] == counts["app"], (entries, counts)
        app_effects, app_answer = measured["app"]
        # the comparison sees the care work
        assert {"webhook_outbox", "care_relationship"} <= {e[1] for e in app_effects}
        for name in ("stack floor", "bare floor"):
            effects, answer = measured[name]
            assert effects == app_effects, (entries, name)
            assert answer == app_answer, (entries, name)

    # The 4-statement create the report keeps beside them answers as the app does too.
    headers = {**user.headers, "Content-Type": "application/json"}
    for target in (bare_client, stack_client):
        session_id = uuid.uuid4()
        minimal = await target.post(
            f"{API}/minimal/sessions", content=_body(10, session_id), headers=headers
        )
        assert minimal.status_code == 201, minimal.text
        answer = minimal.json()
        assert answer.keys() == app_answer.keys() | {"id", "created_at", "updated_at"}
        assert answer["id"] == str(session_id) and len(answer["entries"]) == 10


def _key(snapshot: Snapshot, session_id: uuid.UUID) -> Any:
    """The session's id as the driver returns it (a UUID on PostgreSQL, hex on SQLite)."""
    for (key,) in snapshot["workout_session"]:
        if key in (session_id, session_id.hex):
            return key
    raise AssertionError(f"no session {session_id}")


def test_the_floors_thresholds_are_the_apps(monkeypatch: pytest.MonkeyPatch) -> None:
    """The floor keeps no Medius code: it answers 501 for a session that would raise an
    alert or move an advice state, by thresholds of its own, the same as progress' rule."""
    monkeypatch.setenv("BENCH_FLOOR_DATABASE", "sqlite:///never-opened.db")
    floor = importlib.reload(importlib.import_module("bench.floor_app"))
    assert (floor.ALERT_AT_PAIN, floor.REDUCE_AT_PAIN) == (calc.ALERT_AT_PAIN, calc.REDUCE_AT_PAIN)
    assert floor.MINIMAL_CREATE == scenarios.MINIMAL_CREATE  # where the bench sends it
