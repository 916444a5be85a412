"""Sessions per day: a bounded log per account, counted by the day the session started in
the account's own time zone, that never refuses a retry of a stored session."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from fastapi import FastAPI

from tests.factories import SignedIn, session_payload

API = "/api/v1"
QUOTA_TYPE = "https://medius.dev/problems/quota-exceeded"


def _started(at: str) -> dict[str, Any]:
    return session_payload(started_at=at, ended_at=None)


async def _post(client: httpx.AsyncClient, user: SignedIn, body: dict[str, Any]) -> httpx.Response:
    return await client.post(f"{API}/sessions", json=body, headers=user.headers)


async def _count(client: httpx.AsyncClient, user: SignedIn) -> int:
    page = await client.get(f"{API}/sessions", params={"limit": 100}, headers=user.headers)
    assert page.status_code == 200, page.text
    return len(page.json()["items"])


async def test_the_days_quota_refuses_a_new_session_but_answers_a_retry(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, bob: SignedIn
) -> None:
    app.state.settings.max_sessions_per_day = 3
    day = [_started(f"2026-11-20T0{h}:00:00Z") for h in range(3)]
    for body in day:
        assert (await _post(client, alice, body)).status_code == 201
    refused = await _post(client, alice, _started("2026-11-20T23:00:00Z"))
    assert refused.status_code == 409, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["type"] == QUOTA_TYPE
    assert await _count(client, alice) == 3

    retried = await _post(client, alice, day[-1])
    assert retried.status_code == 200, retried.text
    assert retried.json()["id"] == day[-1]["id"]
    changed = await _post(client, alice, {**day[-1], "notes": "another body"})
    assert changed.status_code == 409  # same id, other body: a conflict, not a quota
    assert changed.json()["type"] != QUOTA_TYPE

    next_day = await _post(client, alice, _started("2026-11-21T00:00:00Z"))
    assert next_day.status_code == 201
    assert (await _post(client, bob, session_payload())).status_code == 201  # per account

    stored = (await client.get(f"{API}/sessions/{day[0]['id']}", headers=alice.headers)).headers
    deleted = await client.delete(
        f"{API}/sessions/{day[0]['id']}", headers={**alice.headers, "If-Match": stored["etag"]}
    )
    assert deleted.status_code == 204
    freed = await _post(client, alice, _started("2026-11-20T12:00:00Z"))
    assert freed.status_code == 201, freed.text


async def test_the_day_is_the_accounts_own_calendar_day(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn
) -> None:
    app.state.settings.max_sessions_per_day = 1
    me = await client.get(f"{API}/me", headers=alice.headers)
    patched = await client.patch(
        f"{API}/me",
        json={"time_zone": "Pacific/Auckland"},
        headers={**alice.headers, "If-Match": me.headers["etag"]},
    )
    assert patched.status_code == 200, patched.text
    # 2026-11-20 11:30 UTC is 2026-11-21 00:30 in Auckland (UTC+13): another local day
    # than 10:30 UTC (23:30 on the 20th), though the same UTC day.
    first = await _post(client, alice, _started("2026-11-20T10:30:00Z"))
    second = await _post(client, alice, _started("2026-11-20T11:30:00Z"))
    third = await _post(client, alice, _started("2026-11-21T10:00:00Z"))
    assert [first.status_code, second.status_code, third.status_code] == [201, 201, 409]


async def test_concurrent_sessions_never_exceed_the_quota(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn
) -> None:
    app.state.settings.max_sessions_per_day = 5
    bodies = [_started("2026-11-20T07:30:00Z") for _ in range(16)]
    answers = await asyncio.gather(*(_post(client, alice, body) for body in bodies))
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [201] * 5 + [409] * 11, statuses
    assert await _count(client, alice) == 5
