"""What the outbox costs a session write: counted statements, not timings."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from tests.factories import SignedIn, routine_payload, session_payload
from tests.sqlcount import statements
from tests.webhooks.conftest import register
from tests.webhooks.receiver import Receiver


def _about_webhooks(seen: list[str]) -> list[str]:
    return [s for s in seen if "webhook" in s or "announced_advice" in s]


async def test_a_write_nobody_subscribes_to_reads_its_receivers_once_and_writes_nothing(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn
) -> None:
    await client.post("/api/v1/routines", json=routine_payload(), headers=alice.headers)
    with statements(app) as seen:
        created = await client.post(
            "/api/v1/sessions", json=session_payload(), headers=alice.headers
        )
    assert created.status_code == 201
    touched = _about_webhooks(seen)
    # the owner's endpoints and the clinics in care, read once for the session event and
    # the advice check together; no event, no delivery, no advice computed
    assert len(touched) == 2, touched
    assert all(s.lstrip().upper().startswith("SELECT") for s in touched)


async def test_a_subscribed_write_adds_its_event_and_deliveries_in_the_same_transaction(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, receiver: Receiver
) -> None:
    await register(client, alice, receiver.url, ["session.logged"])
    await register(client, alice, receiver.url, ["session.logged", "session.deleted"])
    with statements(app) as seen:
        created = await client.post(
            "/api/v1/sessions", json=session_payload(), headers=alice.headers
        )
    assert created.status_code == 201
    writes = [s for s in _about_webhooks(seen) if s.lstrip().upper().startswith("INSERT")]
    # one event row, then both deliveries in one statement (executemany counts once here)
    assert [w.split("(")[0].split()[-1] for w in writes] == ["webhook_event", "webhook_delivery"]
