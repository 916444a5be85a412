"""Care costs a workout nothing: POST /sessions sends as many statements for a patient in
care with two clinicians and three subscribed endpoints as for a patient nobody watches
(counted with the engine's `before_cursor_execute`, not timed). What can wait, the clinic
audiences and the advice webhooks, is the worker's."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import FastAPI

from app.core.vocabulary import WebhookEventType
from app.webhooks.worker import Worker
from tests.factories import (
    SignedIn,
    entry,
    routine_payload,
    session_payload,
    signed_in_user,
    unique_email,
)
from tests.sqlcount import statements
from tests.webhooks.conftest import in_care_and_watched
from tests.webhooks.receiver import Receiver

EVERY_EVENT = [t.value for t in WebhookEventType]


async def _create_cost(client: httpx.AsyncClient, app: FastAPI, user: SignedIn, **body: Any) -> int:
    await client.post("/api/v1/routines", json=routine_payload(), headers=user.headers)
    # a first session, so the counted one is neither the first of the day nor of the log
    first = await client.post("/api/v1/sessions", json=session_payload(), headers=user.headers)
    assert first.status_code == 201, first.text
    with statements(app) as seen:
        created = await client.post(
            "/api/v1/sessions", json=session_payload(**body), headers=user.headers
        )
    assert created.status_code == 201, created.text
    return len(seen)


async def test_a_session_write_costs_the_same_statements_in_care_as_alone(
    client: httpx.AsyncClient, app: FastAPI, receiver: Receiver, worker: Worker
) -> None:
    alone = await signed_in_user(client, unique_email("alone"))
    watched = await signed_in_user(client, unique_email("watched"))
    await in_care_and_watched(client, watched, receiver.url)
    assert await _create_cost(client, app, watched) == await _create_cost(client, app, alone)


async def test_a_painful_session_raises_its_alert_in_as_many_statements_in_care(
    client: httpx.AsyncClient, app: FastAPI, receiver: Receiver, worker: Worker
) -> None:
    alone = await signed_in_user(client, unique_email("alone"))
    watched = await signed_in_user(client, unique_email("watched"))
    await in_care_and_watched(client, watched, receiver.url)
    painful = {"entries": [entry(pain=8)]}
    assert await _create_cost(client, app, watched, **painful) == await _create_cost(
        client, app, alone, **painful
    )
