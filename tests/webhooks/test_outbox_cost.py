"""What the outbox costs a session write: counted statements, not timings."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from tests.factories import SignedIn, routine_payload, session_payload
from tests.sqlcount import statements
from tests.webhooks.conftest import expand_outbox, register
from tests.webhooks.receiver import Receiver


def _about_webhooks(seen: list[str]) -> list[str]:
    return [s for s in seen if "webhook" in s or "announced_advice" in s]


def _tables_written(seen: list[str]) -> list[str]:
    return [
        s.split("(")[0].split()[-1]
        for s in _about_webhooks(seen)
        if s.lstrip().upper().startswith("INSERT")
    ]


async def test_a_write_leaves_one_outbox_row_and_reads_no_receivers(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, receiver: Receiver
) -> None:
    await client.post("/api/v1/routines", json=routine_payload(), headers=alice.headers)
    for subscribed in (False, True):
        if subscribed:
            await register(client, alice, receiver.url, ["session.logged"])
            await register(client, alice, receiver.url, ["progress.advice_changed"])
        with statements(app) as seen:
            created = await client.post(
                "/api/v1/sessions", json=session_payload(), headers=alice.headers
            )
        assert created.status_code == 201
        # whoever subscribes: the event's one row, no endpoint read, no advice computed
        assert _about_webhooks(seen) == [s for s in seen if "INSERT INTO webhook_outbox" in s]
        assert _tables_written(seen) == ["webhook_outbox"]


async def test_the_worker_fans_a_subscribed_write_out_in_one_transaction(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, receiver: Receiver
) -> None:
    await register(client, alice, receiver.url, ["session.logged"])
    await register(client, alice, receiver.url, ["session.logged", "session.deleted"])
    created = await client.post("/api/v1/sessions", json=session_payload(), headers=alice.headers)
    assert created.status_code == 201
    with statements(app) as seen:
        assert expand_outbox(app) == 1
    # one event row, then both deliveries in one statement (executemany counts once here)
    assert _tables_written(seen) == ["webhook_event", "webhook_delivery"]
    assert any(s.lstrip().startswith("DELETE FROM webhook_outbox") for s in seen)
    assert expand_outbox(app) == 0  # expanded once
