"""`alert.raised`: announced in the transaction that raises the alert, once per alert."""

from __future__ import annotations

import asyncio
import uuid

import httpx

from app.webhooks.worker import Worker
from tests.factories import SignedIn, entry
from tests.webhooks.conftest import deliver_until, register
from tests.webhooks.receiver import Receiver


async def test_each_new_alert_is_announced_once_with_its_body(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn, receiver: Receiver, worker: Worker
) -> None:
    endpoint = await register(client, alice, receiver.url, ["alert.raised"])
    body = {
        "id": str(uuid.uuid4()),
        "started_at": "2026-11-20T07:30:00Z",
        "entries": [entry(pain=9)],
    }
    answers = await asyncio.gather(
        *[client.post("/api/v1/sessions", json=body, headers=alice.headers) for _ in range(16)]
    )
    assert {a.status_code for a in answers} <= {200, 201}
    await client.post(  # Bob's alerts are not Alice's endpoint's business
        "/api/v1/sessions",
        json={**body, "id": str(uuid.uuid4())},
        headers=bob.headers,
    )
    deliver_until(worker, lambda: len(receiver.received) == 2)
    assert worker.drain() == 0
    events = [r.verify(endpoint["secret"]) for r in receiver.received]
    assert {e["type"] for e in events} == {"alert.raised"}
    alerts = [e["data"]["alert"] for e in events]
    assert sorted(a["kind"] for a in alerts) == ["pain", "progress-reduce"]
    mine = (await client.get("/api/v1/me/alerts", headers=alice.headers)).json()["items"]
    assert sorted(a["id"] for a in alerts) == sorted(a["id"] for a in mine)
    assert all(a["status"] == "open" and a["session_id"] == body["id"] for a in alerts)
