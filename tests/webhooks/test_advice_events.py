"""`progress.advice_changed`: announced when a session write changes the current routine's
advice, once per change, in the write's transaction."""

from __future__ import annotations

from typing import Any

import httpx

from app.webhooks.worker import Worker
from tests.factories import SignedIn, entry, routine_payload, session_payload
from tests.webhooks.conftest import deliver_until, register
from tests.webhooks.receiver import Receiver


async def _log(client: httpx.AsyncClient, user: SignedIn, pain: int) -> dict[str, Any]:
    body = session_payload(entries=[entry(pain=pain), entry(set_number=2, pain=pain)])
    response = await client.post("/api/v1/sessions", json=body, headers=user.headers)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


async def _progress_advice(client: httpx.AsyncClient, user: SignedIn) -> dict[str, Any]:
    report = (await client.get("/api/v1/me/progress", headers=user.headers)).json()
    return {a["exercise"]: a for a in report["advice"]}


async def test_advice_changes_are_announced_once_each(
    client: httpx.AsyncClient, alice: SignedIn, receiver: Receiver, worker: Worker
) -> None:
    routine = await client.post("/api/v1/routines", json=routine_payload(), headers=alice.headers)
    assert routine.status_code == 201
    endpoint = await register(client, alice, receiver.url, ["progress.advice_changed"])

    painful = await _log(client, alice, pain=6)
    deliver_until(worker, lambda: len(receiver.received) == 1)
    first = receiver.received[0].verify(endpoint["secret"])
    assert first["type"] == "progress.advice_changed"
    data = first["data"]
    assert data["exercise"] == "clamshell"
    assert data["routine_id"] == routine.json()["id"]
    assert data["previous"]["decision"] == "hold"
    # the event carries exactly what /me/progress now advises
    assert data["advice"] == (await _progress_advice(client, alice))["clamshell"]
    assert data["advice"]["decision"] == "reduce"

    await _log(client, alice, pain=6)  # still "reduce", same dosage: nothing new
    assert worker.drain() == 0

    url = f"/api/v1/sessions/{painful['id']}"
    etag = (await client.get(url, headers=alice.headers)).headers["etag"]
    assert (
        await client.delete(url, headers={**alice.headers, "If-Match": etag})
    ).status_code == 204
    assert worker.drain() == 0  # the other painful session still says "reduce"
    assert len(receiver.received) == 1


async def test_no_advice_event_without_a_routine(
    client: httpx.AsyncClient, alice: SignedIn, receiver: Receiver, worker: Worker
) -> None:
    await register(client, alice, receiver.url, ["progress.advice_changed"])
    await _log(client, alice, pain=8)  # no routine: no advice to change
    assert worker.drain() == 0
    assert receiver.received == []


async def test_back_to_hold_is_announced_as_a_change(
    client: httpx.AsyncClient, alice: SignedIn, receiver: Receiver, worker: Worker
) -> None:
    await client.post("/api/v1/routines", json=routine_payload(), headers=alice.headers)
    await register(client, alice, receiver.url, ["progress.advice_changed"])
    painful = await _log(client, alice, pain=7)
    deliver_until(worker, lambda: len(receiver.received) == 1)
    url = f"/api/v1/sessions/{painful['id']}"
    etag = (await client.get(url, headers=alice.headers)).headers["etag"]
    assert (
        await client.delete(url, headers={**alice.headers, "If-Match": etag})
    ).status_code == 204
    deliver_until(worker, lambda: len(receiver.received) == 2)
    back = receiver.received[1].json["data"]
    assert back["previous"]["decision"] == "reduce"
    assert back["advice"]["decision"] == "hold"
    assert receiver.received[1].json["type"] == "progress.advice_changed"
