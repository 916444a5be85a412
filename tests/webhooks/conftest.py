"""Webhook tests: an app whose settings let endpoints reach a receiver on loopback over
plain HTTP (the explicit allow-list), and an in-process worker with tiny backoffs."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import Engine

from app.core.config import Settings
from app.core.vocabulary import WebhookEventType
from app.main import create_app
from app.webhooks.worker import Worker
from tests.conftest import reset_database, shared_engine, test_settings, with_resolved_routes
from tests.factories import SignedIn, care_team, take_into_care
from tests.webhooks.receiver import Receiver

LOOPBACK = {
    "webhook_allowed_networks": "127.0.0.0/8,::1/128",
    "webhook_allow_http": True,
}
FAST = {
    "webhook_backoff_seconds": 0.02,
    "webhook_backoff_max_seconds": 0.1,
    "webhook_timeout_seconds": 1,
    "webhook_lease_seconds": 3,
    "webhook_poll_seconds": 0.02,
    "webhook_max_attempts": 4,
    "webhook_disable_after_failed_events": 3,
}


@pytest.fixture
def app(database_url: str, admin_engine: Engine) -> Iterator[FastAPI]:
    reset_database(admin_engine)
    settings = test_settings(database_url, **LOOPBACK, **FAST)
    yield with_resolved_routes(create_app(settings, engine=shared_engine(settings)))


def worker_for(app: FastAPI, **overrides: Any) -> Worker:
    settings: Settings = app.state.settings
    return Worker(settings.model_copy(update=overrides), engine=app.state.engine)


def expand_outbox(app: FastAPI) -> int:
    """Fan out what the writes so far left in the outbox, as the worker's round begins
    (app/webhooks/outbox.py), without attempting any delivery; how many events."""
    expanding = worker_for(app)
    try:
        return expanding.expand()
    finally:
        expanding.close()


@pytest.fixture
def worker(app: FastAPI) -> Iterator[Worker]:
    delivering = worker_for(app)
    yield delivering
    delivering.close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    running = Receiver().up()
    yield running
    running.down()


@pytest.fixture
def clinic_receiver() -> Iterator[Receiver]:
    """A second receiver, for a clinic's endpoint beside the patient's."""
    running = Receiver().up()
    yield running
    running.down()


def deliver_until(worker: Worker, done: Callable[[], bool], timeout: float = 20.0) -> None:
    """Run worker rounds until `done()` (retries wait out their short backoff), the
    outbox expanded first (what the writes so far left for the worker to fan out)."""
    worker.expand()
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError("the worker did not get there in time")
        if worker.run_once() == 0:
            time.sleep(0.01)


async def register(
    client: httpx.AsyncClient, user: SignedIn, url: str, events: list[str] | None = None
) -> dict[str, Any]:
    response = await client.post(
        "/api/v1/me/webhooks",
        json={"url": url, "event_types": events or ["session.logged"]},
        headers=user.headers,
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def in_care_and_watched(client: httpx.AsyncClient, patient: SignedIn, url: str) -> None:
    """The bench's user's situation (bench/run.py `put_in_care`): in the care of two
    clinicians at one clinic, with three endpoints subscribed to every event (the patient's
    own and two of the clinic's), all at `url`."""
    every = [t.value for t in WebhookEventType]
    team = await care_team(client, patient)
    await take_into_care(client, team.colleague, team.clinic_id, patient)
    await register(client, patient, url, every)
    for _ in range(2):
        made = await client.post(
            f"/api/v1/clinics/{team.clinic_id}/webhooks",
            json={"url": url, "event_types": every},
            headers=team.owner.headers,
        )
        assert made.status_code == 201, made.text


async def deliveries(
    client: httpx.AsyncClient, user: SignedIn, endpoint_id: str
) -> list[dict[str, Any]]:
    response = await client.get(
        f"/api/v1/me/webhooks/{endpoint_id}/deliveries?limit=100", headers=user.headers
    )
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items
