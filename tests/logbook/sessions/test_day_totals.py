"""The per-day totals progress reads (app/logbook/sessions/totals.py): written once per stored
session whatever the retries, per owner, and gone with the account."""

from __future__ import annotations

import asyncio
import uuid
from datetime import date
from typing import Any

import httpx
from sqlalchemy import Engine, select
from sqlmodel import Session

from app.logbook.sessions.models import ExerciseDayTotal
from tests.factories import DEFAULT_PASSWORD, SignedIn, session_payload
from tests.logbook.progress.raw_oracle import expected_exercises

DAY = date(2026, 11, 20).toordinal()  # session_payload's 07:30+01:00, a UTC user's day
WINDOW = "from=2026-11-01&to=2026-11-30"


def _totals(engine: Engine, owner_id: uuid.UUID) -> dict[tuple[int, str], tuple[int, ...]]:
    with Session(engine) as session:
        rows = session.scalars(
            select(ExerciseDayTotal).where(ExerciseDayTotal.owner_id == owner_id)  # type: ignore[arg-type]
        ).all()
    return {
        (r.day, r.exercise_slug): (r.sessions, r.sets, r.reps, r.steps, r.pain_max) for r in rows
    }


async def _progress(client: httpx.AsyncClient, who: SignedIn) -> dict[str, Any]:
    answer = await client.get(f"/api/v1/me/progress?{WINDOW}", headers=who.headers)
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


async def test_sixteen_identical_creates_at_once_count_once_in_the_totals(
    client: httpx.AsyncClient, alice: SignedIn, admin_engine: Engine
) -> None:
    body = session_payload()
    answers = await asyncio.gather(
        *[client.post("/api/v1/sessions", json=body, headers=alice.headers) for _ in range(16)]
    )
    assert sorted(a.status_code for a in answers) == [200] * 15 + [201]

    assert _totals(admin_engine, alice.id) == {
        (DAY, "clamshell"): (1, 2, 22, 0, 1),
        (DAY, "monster-walk"): (1, 1, 0, 20, 0),
    }
    report = await _progress(client, alice)
    assert {(e["exercise"], e["sessions"], e["sets"]) for e in report["exercises"]} == {
        ("clamshell", 1, 2),
        ("monster-walk", 1, 1),
    }


async def test_totals_never_mix_owners(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn, admin_engine: Engine
) -> None:
    for who, count in ((alice, 2), (bob, 1)):
        for _ in range(count):
            created = await client.post(
                "/api/v1/sessions", json=session_payload(), headers=who.headers
            )
            assert created.status_code == 201
    # Bob's session goes away: only Bob's day rows change.
    deleted = await client.delete(
        f"/api/v1/sessions/{created.json()['id']}",
        headers={**bob.headers, "If-Match": created.headers["etag"]},
    )
    assert deleted.status_code == 204

    assert _totals(admin_engine, alice.id) == {
        (DAY, "clamshell"): (2, 4, 44, 0, 1),
        (DAY, "monster-walk"): (2, 2, 0, 40, 0),
    }
    assert _totals(admin_engine, bob.id) == {}
    first, last_day = date(2026, 11, 1), date(2026, 11, 30)
    for who in (alice, bob):
        report = await _progress(client, who)
        assert report["exercises"] == expected_exercises(
            admin_engine, who.id, first, last_day, "UTC"
        )
    assert (await _progress(client, bob))["exercises"] == []


async def test_deleting_the_account_deletes_its_totals(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn, admin_engine: Engine
) -> None:
    for who in (alice, bob):
        created = await client.post("/api/v1/sessions", json=session_payload(), headers=who.headers)
        assert created.status_code == 201
    me = await client.get("/api/v1/me", headers=alice.headers)
    gone = await client.request(
        "DELETE",
        "/api/v1/me",
        json={"password": DEFAULT_PASSWORD},
        headers={**alice.headers, "If-Match": me.headers["etag"]},
    )
    assert gone.status_code == 204, gone.text

    assert _totals(admin_engine, alice.id) == {}
    assert len(_totals(admin_engine, bob.id)) == 2
