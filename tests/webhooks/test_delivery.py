"""Delivery through the outbox and the worker to a real receiver on loopback."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session as OrmSession
from standardwebhooks.webhooks import WebhookVerificationError

from app.webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent, WebhookOutboxRow
from app.webhooks.worker import Worker
from tests.factories import SignedIn, entry, session_payload
from tests.webhooks.conftest import (
    deliver_until,
    deliveries,
    expand_outbox,
    register,
    worker_for,
)
from tests.webhooks.receiver import Receiver

BASE = "/api/v1/me/webhooks"


async def _log(client: httpx.AsyncClient, user: SignedIn, **overrides: Any) -> dict[str, Any]:
    response = await client.post(
        "/api/v1/sessions", json=session_payload(**overrides), headers=user.headers
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def _patch(
    client: httpx.AsyncClient, user: SignedIn, session_id: str, changes: dict[str, Any]
) -> None:
    url = f"/api/v1/sessions/{session_id}"
    etag = (await client.get(url, headers=user.headers)).headers["etag"]
    response = await client.patch(url, json=changes, headers={**user.headers, "If-Match": etag})
    assert response.status_code == 200, response.text


async def test_a_delivery_verifies_with_the_standardwebhooks_verifier(
    client: httpx.AsyncClient, alice: SignedIn, receiver: Receiver, worker: Worker
) -> None:
    endpoint = await register(client, alice, receiver.url)
    logged = await _log(client, alice)
    deliver_until(worker, lambda: len(receiver.received) == 1)
    got = receiver.received[0]
    body = got.verify(endpoint["secret"])
    assert body["type"] == "session.logged"
    assert body["data"]["user_id"] == str(alice.id)
    assert body["data"]["session"] == logged
    assert got.headers["webhook-id"].startswith("msg_")
    with pytest.raises(WebhookVerificationError):
        got.verify("whsec_" + "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB")  # another secret
    tampered = type(got)(got.headers, got.body.replace(b"session.logged", b"session.loggee"))
    with pytest.raises(WebhookVerificationError):
        tampered.verify(endpoint["secret"])
    [logged_delivery] = await deliveries(client, alice, endpoint["id"])
    assert logged_delivery["status"] == "delivered"
    assert logged_delivery["webhook_id"] == got.webhook_id
    assert logged_delivery["last_status_code"] == 204


async def test_only_subscribed_events_are_sent_and_updates_and_deletes_carry_their_state(
    client: httpx.AsyncClient, alice: SignedIn, receiver: Receiver, worker: Worker
) -> None:
    await register(client, alice, receiver.url, ["session.updated", "session.deleted"])
    logged = await _log(client, alice)
    await _patch(client, alice, logged["id"], {"notes": "felt strong"})
    url = f"/api/v1/sessions/{logged['id']}"
    etag = (await client.get(url, headers=alice.headers)).headers["etag"]
    assert (
        await client.delete(url, headers={**alice.headers, "If-Match": etag})
    ).status_code == 204
    deliver_until(worker, lambda: len(receiver.received) == 2)
    updated, deleted = (r.json for r in receiver.received)
    assert updated["type"] == "session.updated"
    assert updated["data"]["session"]["notes"] == "felt strong"
    assert deleted["type"] == "session.deleted"
    assert deleted["data"]["session"]["id"] == logged["id"]
    assert deleted["data"]["session"]["deleted_at"]


async def test_a_receiver_down_for_a_while_gets_every_event_exactly_once_after_dedup(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, receiver: Receiver
) -> None:
    endpoint = await register(client, alice, receiver.url)
    receiver.down()
    patient = worker_for(app, webhook_max_attempts=50)
    try:
        ids = [(await _log(client, alice))["id"] for _ in range(3)]
        # every event is tried, and retried, while nothing listens
        deliver_until(patient, lambda: _fewest_attempts(app, endpoint["id"]) >= 2)
        log = await deliveries(client, alice, endpoint["id"])
        assert all(d["status"] == "pending" for d in log)
        assert all(d["last_error"].startswith("ConnectError") for d in log)
        assert receiver.received == []
        receiver.up()
        deliver_until(
            patient, lambda: len(receiver.unique()) == 3 and _all_delivered(app, endpoint["id"])
        )
    finally:
        patient.close()
    kept = receiver.unique()
    assert sorted(r.json["data"]["session"]["id"] for r in kept.values()) == sorted(ids)
    for received in kept.values():
        received.verify(endpoint["secret"])
    log = await deliveries(client, alice, endpoint["id"])
    assert {d["webhook_id"] for d in log} == set(kept)
    assert all(d["status"] == "delivered" for d in log)


def _fewest_attempts(app: FastAPI, endpoint_id: str) -> int:
    with OrmSession(app.state.engine) as session:
        attempts = session.execute(
            select(WebhookDelivery.attempts).where(
                WebhookDelivery.endpoint_id == uuid.UUID(endpoint_id)
            )
        ).scalars()
        return min(attempts)


def _all_delivered(app: FastAPI, endpoint_id: str) -> bool:
    with OrmSession(app.state.engine) as session:
        statuses = session.execute(
            select(WebhookDelivery.status).where(
                WebhookDelivery.endpoint_id == uuid.UUID(endpoint_id)
            )
        ).scalars()
        return all(s == "delivered" for s in statuses)


@pytest.fixture
def failing_commits(app: FastAPI) -> Iterator[None]:
    """Make the commit of any transaction that wrote a webhook event fail, as a database
    error at commit would: the change and its event must both be rolled back."""

    def refuse(session: OrmSession) -> None:
        if session.get_bind().engine is not app.state.engine:
            return
        written = session.execute(select(func.count()).select_from(WebhookOutboxRow)).scalar_one()
        if written:
            raise RuntimeError("commit refused by the test")

    event.listen(OrmSession, "before_commit", refuse)
    yield
    event.remove(OrmSession, "before_commit", refuse)


async def test_nothing_is_delivered_for_a_rolled_back_change(
    client: httpx.AsyncClient,
    app: FastAPI,
    alice: SignedIn,
    receiver: Receiver,
    worker: Worker,
    failing_commits: None,
) -> None:
    await register(client, alice, receiver.url)
    payload = session_payload()
    response = await client.post("/api/v1/sessions", json=payload, headers=alice.headers)
    assert response.status_code == 500
    assert worker.drain() == 0
    assert receiver.received == []
    missing = await client.get(f"/api/v1/sessions/{payload['id']}", headers=alice.headers)
    assert missing.status_code == 404
    with OrmSession(app.state.engine) as session:
        assert session.execute(select(func.count()).select_from(WebhookEvent)).scalar_one() == 0


async def test_events_of_one_subject_arrive_in_order_even_across_retries(
    client: httpx.AsyncClient, alice: SignedIn, receiver: Receiver, app: FastAPI
) -> None:
    await register(client, alice, receiver.url, ["session.logged", "session.updated"])
    first = await _log(client, alice)
    for n in range(3):
        await _patch(client, alice, first["id"], {"notes": f"edit {n}"})
    other = await _log(client, alice)
    receiver.failing = 2  # the first two attempts fail: the oldest event is retried
    patient = worker_for(app, webhook_max_attempts=10, webhook_worker_threads=8)
    try:
        deliver_until(patient, lambda: len(receiver.unique()) == 5)
    finally:
        patient.close()
    arrivals = [r.json for r in receiver.received if r.json["data"]["session"]["id"] == first["id"]]
    delivered = [a for a in arrivals][-4:]
    assert [a["type"] for a in delivered] == ["session.logged"] + ["session.updated"] * 3
    assert [a["data"]["session"]["notes"] for a in delivered[1:]] == ["edit 0", "edit 1", "edit 2"]
    # nothing of the first session arrived before its logged event was accepted
    first_ok = next(
        i
        for i, r in enumerate(receiver.received)
        if r.json["type"] == "session.logged"
        and r.json["data"]["session"]["id"] == first["id"]
        and i >= 2
    )
    earlier = [r.json for r in receiver.received[:first_ok]]
    assert all(
        e["type"] == "session.logged" for e in earlier if e["data"]["session"]["id"] == first["id"]
    )
    assert other["id"] in {r.json["data"]["session"]["id"] for r in receiver.received}


async def test_a_rotated_secret_signs_beside_the_old_one_for_the_grace_period(
    client: httpx.AsyncClient, alice: SignedIn, receiver: Receiver, worker: Worker
) -> None:
    endpoint = await register(client, alice, receiver.url)
    url = f"{BASE}/{endpoint['id']}"
    etag = (await client.get(url, headers=alice.headers)).headers["etag"]
    assert (await client.post(f"{url}/rotate-secret", headers=alice.headers)).status_code == 428
    rotated = await client.post(f"{url}/rotate-secret", headers={**alice.headers, "If-Match": etag})
    assert rotated.status_code == 200, rotated.text
    new_secret = rotated.json()["secret"]
    assert new_secret != endpoint["secret"] and new_secret.startswith("whsec_")
    assert rotated.json()["previous_secret_until"]
    await _log(client, alice)
    deliver_until(worker, lambda: len(receiver.received) == 1)
    got = receiver.received[0]
    assert len(got.headers["webhook-signature"].split(" ")) == 2
    got.verify(endpoint["secret"])  # a receiver not yet switched still verifies
    got.verify(new_secret)  # and one already switched does too
    stale = await client.post(f"{url}/rotate-secret", headers={**alice.headers, "If-Match": etag})
    assert stale.status_code == 412


async def test_without_a_grace_period_the_old_secret_stops_at_once(
    client: httpx.AsyncClient, alice: SignedIn, receiver: Receiver, app: FastAPI
) -> None:
    app.state.settings = app.state.settings.model_copy(update={"webhook_secret_grace_hours": 0})
    endpoint = await register(client, alice, receiver.url)
    url = f"{BASE}/{endpoint['id']}"
    etag = (await client.get(url, headers=alice.headers)).headers["etag"]
    rotated = await client.post(f"{url}/rotate-secret", headers={**alice.headers, "If-Match": etag})
    assert rotated.json()["previous_secret_until"] is None
    await _log(client, alice)
    delivering = worker_for(app)
    try:
        deliver_until(delivering, lambda: len(receiver.received) == 1)
    finally:
        delivering.close()
    got = receiver.received[0]
    got.verify(rotated.json()["secret"])
    with pytest.raises(WebhookVerificationError):
        got.verify(endpoint["secret"])


async def test_an_endpoint_failing_every_event_is_disabled_until_its_owner_re_enables_it(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, receiver: Receiver, worker: Worker
) -> None:
    endpoint = await register(client, alice, receiver.url)
    url = f"{BASE}/{endpoint['id']}"
    receiver.failing = 10_000
    for _ in range(4):
        await _log(client, alice)
    # 4 attempts per event, disabled after 3 events given up: the fourth is given up with it
    deliver_until(worker, lambda: not _enabled(app, endpoint["id"]))
    assert worker.drain() == 0  # nothing more is attempted for a disabled endpoint
    state = (await client.get(url, headers=alice.headers)).json()
    assert state["enabled"] is False
    assert state["disabled_reason"] == "failing"
    assert state["consecutive_failures"] == 3
    assert state["failing_since"] is not None
    log = await deliveries(client, alice, endpoint["id"])
    assert [d["status"] for d in log] == ["failed"] * 4
    given_up = [d for d in log if d["last_error"] == "the receiver answered 503"]
    assert len(given_up) == 3
    assert all(d["attempts"] == 4 and d["last_status_code"] == 503 for d in given_up)
    [cut_short] = [d for d in log if d not in given_up]
    assert cut_short["last_error"] == "endpoint disabled after repeated failures"
    assert len(receiver.received) <= 16
    # while disabled, new events are not queued for it
    await _log(client, alice)
    assert expand_outbox(app) == 1
    assert len(await deliveries(client, alice, endpoint["id"])) == 4
    ping = await client.post(f"{url}/ping", headers=alice.headers)
    assert ping.status_code == 409
    # the owner re-enables it: a fresh start
    receiver.failing = 0
    etag = (await client.get(url, headers=alice.headers)).headers["etag"]
    enabled = await client.patch(
        url, json={"enabled": True}, headers={**alice.headers, "If-Match": etag}
    )
    assert enabled.status_code == 200
    assert enabled.json()["consecutive_failures"] == 0
    assert enabled.json()["disabled_reason"] is None
    await _log(client, alice)
    before = len(receiver.received)
    deliver_until(worker, lambda: len(receiver.received) == before + 1)
    assert (await deliveries(client, alice, endpoint["id"]))[0]["status"] == "delivered"


def _enabled(app: FastAPI, endpoint_id: str) -> bool:
    with OrmSession(app.state.engine) as session:
        endpoint = session.get(WebhookEndpoint, uuid.UUID(endpoint_id))
        assert endpoint is not None
        return endpoint.enabled


async def test_a_ping_is_delivered_by_the_worker_not_the_request(
    client: httpx.AsyncClient, alice: SignedIn, receiver: Receiver, worker: Worker
) -> None:
    endpoint = await register(client, alice, receiver.url)
    queued = await client.post(f"{BASE}/{endpoint['id']}/ping", headers=alice.headers)
    assert queued.status_code == 202
    assert receiver.received == []  # the request itself sent nothing
    deliver_until(worker, lambda: len(receiver.received) == 1)
    ping = receiver.received[0].verify(endpoint["secret"])
    assert ping["type"] == "webhook.ping"
    assert receiver.received[0].webhook_id == queued.json()["webhook_id"]


async def test_the_delivery_re_checks_the_address_and_refuses_a_now_internal_target(
    client: httpx.AsyncClient, alice: SignedIn, receiver: Receiver, app: FastAPI
) -> None:
    """Registered while loopback was allowed; delivered by a worker with production
    settings: refused at delivery time (as a host re-pointed at 127.0.0.1 would be)."""
    endpoint = await register(client, alice, receiver.url)
    await _log(client, alice)
    strict = worker_for(app, webhook_allowed_networks=[], webhook_max_attempts=1)
    try:
        assert strict.drain() == 1
    finally:
        strict.close()
    assert receiver.received == []
    [failed] = await deliveries(client, alice, endpoint["id"])
    assert failed["status"] == "failed"
    assert failed["last_error"].startswith("refused: 127.0.0.1 is a loopback address")


async def test_the_delivery_refuses_a_6to4_address_that_carries_loopback(
    client: httpx.AsyncClient, alice: SignedIn, receiver: Receiver, app: FastAPI
) -> None:
    """Registered while 127.0.0.0/8 was allowed (which opens what carries it too); the
    worker with production settings sees 127.0.0.1 inside the 6to4 address and sends
    nothing."""
    port = httpx.URL(receiver.url).port
    endpoint = await register(client, alice, f"http://[2002:7f00:1::1]:{port}/hook")
    await _log(client, alice)
    strict = worker_for(app, webhook_allowed_networks=[], webhook_max_attempts=1)
    try:
        assert strict.drain() == 1
    finally:
        strict.close()
    [failed] = await deliveries(client, alice, endpoint["id"])
    assert failed["status"] == "failed"
    assert failed["last_error"].startswith(
        "refused: 2002:7f00:1::1 is an address carrying 127.0.0.1 (6to4), a loopback address"
    )


async def test_the_delivery_log_pages_newest_first(
    client: httpx.AsyncClient, app: FastAPI, alice: SignedIn, receiver: Receiver
) -> None:
    endpoint = await register(client, alice, receiver.url)
    for _ in range(5):
        await _log(client, alice)
    assert expand_outbox(app) == 5
    url = f"{BASE}/{endpoint['id']}/deliveries"
    first = (await client.get(f"{url}?limit=2", headers=alice.headers)).json()
    second = (
        await client.get(f"{url}?limit=2&cursor={first['next_cursor']}", headers=alice.headers)
    ).json()
    third = (
        await client.get(f"{url}?limit=2&cursor={second['next_cursor']}", headers=alice.headers)
    ).json()
    ids = [d["id"] for page in (first, second, third) for d in page["items"]]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 5
    assert third["next_cursor"] is None
    assert all(d["status"] == "pending" and d["next_attempt_at"] for d in first["items"])
    bad = await client.get(f"{url}?cursor=garbage", headers=alice.headers)
    assert bad.status_code == 422
    assert (await client.get(f"{url}?limit=101", headers=alice.headers)).status_code == 422


async def test_entries_written_later_are_announced_as_updates(
    client: httpx.AsyncClient, alice: SignedIn, receiver: Receiver, worker: Worker
) -> None:
    await register(client, alice, receiver.url, ["session.updated"])
    logged = await _log(client, alice)
    url = f"/api/v1/sessions/{logged['id']}/entries"
    etag = (await client.get(f"/api/v1/sessions/{logged['id']}", headers=alice.headers)).headers[
        "etag"
    ]
    appended = await client.post(
        url, json={"entries": [entry(set_number=2)]}, headers={**alice.headers, "If-Match": etag}
    )
    assert appended.status_code == 200
    deliver_until(worker, lambda: len(receiver.received) == 1)
    assert receiver.received[0].json["data"]["session"] == appended.json()
