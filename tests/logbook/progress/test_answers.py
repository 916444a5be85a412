"""Property: a kept /me/progress answer (app/logbook/progress/answers.py) is never stale.
After any sequence of session writes (create, move, replace entries, delete), routine
writes (a new latest one, an edit, a deletion), time-zone changes and days passing, the
answer served equals the one built afresh, byte for byte; and asked again with nothing
changed, the kept answer is served."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from app.logbook.progress import service
from app.logbook.progress.answers import ANSWERS
from tests.factories import PROPERTY_SETTINGS, direct_user, routine_payload

API = "/api/v1"
ZONES = ["UTC", "Asia/Kathmandu", "Etc/GMT+12"]


@dataclass
class Clock:
    now: datetime = datetime(2026, 11, 4, 15, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """The day the default range ends on (today in the user's zone)."""
    at = Clock()
    monkeypatch.setattr(service, "utcnow", at)
    return at


def _ok(answer: httpx.Response, status: int = 200) -> httpx.Response:
    assert answer.status_code == status, answer.text
    return answer


def _entries(data: st.DataObject) -> list[dict[str, Any]]:
    return [
        {
            "exercise": "clamshell",
            "set_number": n + 1,
            "side": "left",
            "reps": data.draw(st.integers(1, 20)),
            "pain": data.draw(st.integers(0, 9)),
            "effort": 5,
        }
        for n in range(data.draw(st.integers(1, 3)))
    ]


async def _steps(app: FastAPI, data: st.DataObject, clock: Clock, headers: dict[str, str]) -> int:
    """Each step a change (or none), then the answer served against the one built afresh;
    how many answers were served from what was kept."""
    transport = httpx.ASGITransport(app=app)
    sessions: list[str] = []
    routines: list[str] = []
    served_kept = 0
    async with httpx.AsyncClient(transport=transport, base_url="http://medius.test") as client:

        async def etag(path: str) -> str:
            return _ok(await client.get(path, headers=headers)).headers["etag"]

        for _ in range(data.draw(st.integers(2, 8))):
            ops = ["nothing", "create", "routine", "zone", "day"]
            ops += ["move", "entries", "delete"] if sessions else []
            ops += ["edit", "unroutine"] if routines else []
            op = data.draw(st.sampled_from(ops))
            if op == "create":
                at = clock.now - timedelta(hours=data.draw(st.integers(0, 24 * 60)))
                body = {
                    "id": str(uuid.uuid4()),
                    "started_at": at.isoformat(),
                    "entries": _entries(data),
                }
                _ok(await client.post(f"{API}/sessions", json=body, headers=headers), 201)
                sessions.append(body["id"])
            elif op in ("move", "entries", "delete"):
                path = f"{API}/sessions/{data.draw(st.sampled_from(sessions))}"
                if_match = {**headers, "If-Match": await etag(path)}
                if op == "move":
                    at = clock.now - timedelta(hours=data.draw(st.integers(0, 24 * 60)))
                    _ok(
                        await client.patch(
                            path, json={"started_at": at.isoformat()}, headers=if_match
                        )
                    )
                elif op == "entries":
                    _ok(
                        await client.put(
                            f"{path}/entries", json={"entries": _entries(data)}, headers=if_match
                        )
                    )
                else:
                    _ok(await client.delete(path, headers=if_match), 204)
                    sessions.remove(path.rsplit("/", 1)[1])
            elif op == "routine":
                made = await client.post(
                    f"{API}/routines",
                    json=routine_payload(sessions_per_week=data.draw(st.integers(1, 4))),
                    headers=headers,
                )
                routines.append(_ok(made, 201).json()["id"])
            elif op == "edit":
                path = f"{API}/routines/{data.draw(st.sampled_from(routines))}"
                change = {"sessions_per_week": data.draw(st.integers(1, 5))}
                if data.draw(st.booleans()):
                    change["items"] = [
                        {
                            "exercise": "clamshell",
                            "sets": 2,
                            "side": "both",
                            "reps": data.draw(st.integers(5, 15)),
                        }
                    ]
                _ok(
                    await client.patch(
                        path, json=change, headers={**headers, "If-Match": await etag(path)}
                    )
                )
            elif op == "unroutine":
                routine_id = data.draw(st.sampled_from(routines))
                path = f"{API}/routines/{routine_id}"
                _ok(
                    await client.delete(path, headers={**headers, "If-Match": await etag(path)}),
                    204,
                )
                routines.remove(routine_id)
            elif op == "zone":
                me = f"{API}/me"
                zone = {"time_zone": data.draw(st.sampled_from(ZONES))}
                _ok(
                    await client.patch(
                        me, json=zone, headers={**headers, "If-Match": await etag(me)}
                    )
                )
            elif op == "day":
                clock.now += timedelta(hours=data.draw(st.integers(1, 24 * 9)))
            hits = ANSWERS.hits
            served = _ok(await client.get(f"{API}/me/progress", headers=headers)).content
            served_kept += ANSWERS.hits - hits
            ANSWERS.clear()
            fresh = _ok(await client.get(f"{API}/me/progress", headers=headers)).content
            assert served == fresh, op
            again = _ok(await client.get(f"{API}/me/progress", headers=headers)).content
            assert again == fresh
    return served_kept


@settings(PROPERTY_SETTINGS, max_examples=15)
@given(data=st.data())
def test_a_kept_progress_answer_is_never_stale(
    app: FastAPI, admin_engine: Engine, clock: Clock, data: st.DataObject
) -> None:
    _, headers = direct_user(app, admin_engine, data.draw(st.sampled_from(ZONES)))
    asyncio.run(_steps(app, data, clock, headers))


async def test_an_unchanged_answer_is_served_from_what_was_kept(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    _, headers = direct_user(app, app.state.engine, "UTC")
    first = _ok(await client.get(f"{API}/me/progress", headers=headers)).content
    hits = ANSWERS.hits
    assert _ok(await client.get(f"{API}/me/progress", headers=headers)).content == first
    assert ANSWERS.hits == hits + 1


async def test_an_edited_routine_is_a_new_answer(
    app: FastAPI, client: httpx.AsyncClient, clock: Clock
) -> None:
    _, headers = direct_user(app, app.state.engine, "UTC")
    made = _ok(
        await client.post(
            f"{API}/routines", json=routine_payload(sessions_per_week=2), headers=headers
        ),
        201,
    )
    path = f"{API}/routines/{made.json()['id']}"
    before = _ok(await client.get(f"{API}/me/progress", headers=headers)).json()
    assert {w["target"] for w in before["adherence"]} == {2}
    edited = await client.patch(
        path, json={"sessions_per_week": 4}, headers={**headers, "If-Match": made.headers["etag"]}
    )
    _ok(edited)
    after = _ok(await client.get(f"{API}/me/progress", headers=headers)).json()
    assert {w["target"] for w in after["adherence"]} == {4}
