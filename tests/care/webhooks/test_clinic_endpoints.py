"""A clinic's webhook endpoints: owners manage them; they receive the events of patients in
the clinic's care, only for the scopes the patient granted, and nothing after revocation."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session

from app.core.vocabulary import WebhookEventType
from app.webhooks import outbox
from app.webhooks.worker import Worker
from tests.factories import (
    CareTeam,
    SignedIn,
    care_team,
    signed_in_user,
    take_into_care,
    unique_email,
)
from tests.factories import (
    session_payload as session_body,
)
from tests.webhooks.conftest import deliver_until
from tests.webhooks.receiver import Receiver

ALL_EVENTS = [t.value for t in WebhookEventType]


def _base(team: CareTeam) -> str:
    return f"/api/v1/clinics/{team.clinic_id}/webhooks"


async def _register(
    client: httpx.AsyncClient, team: CareTeam, url: str, events: list[str] | None = None
) -> dict[str, Any]:
    response = await client.post(
        _base(team),
        json={"url": url, "event_types": events or ALL_EVENTS},
        headers=team.owner.headers,
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def _log(client: httpx.AsyncClient, user: SignedIn) -> str:
    body = session_body()
    response = await client.post("/api/v1/sessions", json=body, headers=user.headers)
    assert response.status_code == 201, response.text
    return str(body["id"])


async def test_only_the_clinics_owners_manage_its_endpoints(
    client: httpx.AsyncClient, receiver: Receiver
) -> None:
    team = await care_team(client)
    created = await _register(client, team, receiver.url)
    assert created["clinic_id"] == str(team.clinic_id)
    assert created["secret"].startswith("whsec_")
    one = f"{_base(team)}/{created['id']}"
    got = await client.get(one, headers=team.owner.headers)
    assert got.status_code == 200
    etag = got.headers["etag"]
    for who, status in [(team.clinician, 403), (team.outsider, 404), (team.patient, 404)]:
        headers = {**who.headers, "If-Match": etag}
        for method, path in [
            ("GET", _base(team)),
            ("GET", one),
            ("GET", f"{one}/deliveries"),
            ("POST", f"{one}/ping"),
            ("POST", f"{one}/rotate-secret"),
            ("DELETE", one),
        ]:
            response = await client.request(method, path, headers=headers)
            assert response.status_code == status, (who.email, method, path, response.text)
        posted = await client.post(
            _base(team), json={"url": receiver.url, "event_types": ALL_EVENTS}, headers=headers
        )
        assert posted.status_code == status
    # a clinic's endpoint is not the owner's own, nor reachable through another clinic
    assert (await client.get("/api/v1/me/webhooks", headers=team.owner.headers)).json()[
        "items"
    ] == []
    assert (
        await client.get(f"/api/v1/me/webhooks/{created['id']}", headers=team.owner.headers)
    ).status_code == 404
    others = (await client.get("/api/v1/clinics", headers=team.outsider.headers)).json()["items"]
    elsewhere = f"/api/v1/clinics/{others[0]['id']}/webhooks/{created['id']}"
    assert (await client.get(elsewhere, headers=team.outsider.headers)).status_code == 404
    assert (await client.get(one, headers=team.owner.headers)).headers["etag"] == etag


async def test_a_clinic_receives_its_patients_events_and_no_one_elses(
    client: httpx.AsyncClient, receiver: Receiver, worker: Worker
) -> None:
    team = await care_team(client)
    endpoint = await _register(client, team, receiver.url, ["session.logged"])
    stranger = await signed_in_user(client, unique_email("stranger"))
    await _log(client, stranger)
    mine = await _log(client, team.patient)
    deliver_until(worker, lambda: len(receiver.received) == 1)
    assert worker.drain() == 0
    event = receiver.received[0].verify(endpoint["secret"])
    assert event["data"]["user_id"] == str(team.patient.id)
    assert event["data"]["session"]["id"] == mine
    log = (
        await client.get(f"{_base(team)}/{endpoint['id']}/deliveries", headers=team.owner.headers)
    ).json()["items"]
    assert [d["status"] for d in log] == ["delivered"]


async def test_two_relationships_with_one_clinic_send_an_event_once(
    client: httpx.AsyncClient, receiver: Receiver, worker: Worker
) -> None:
    team = await care_team(client)
    await take_into_care(client, team.colleague, team.clinic_id, team.patient)
    await _register(client, team, receiver.url, ["session.logged"])
    await _log(client, team.patient)
    deliver_until(worker, lambda: len(receiver.received) == 1)
    assert worker.drain() == 0
    assert len(receiver.received) == 1


async def test_session_events_need_the_sessions_scope(
    client: httpx.AsyncClient, receiver: Receiver, worker: Worker
) -> None:
    patient = await signed_in_user(client, unique_email("patient"))
    team = await care_team(client, patient)
    await client.delete(
        f"/api/v1/me/care-relationships/{team.relationship_id}", headers=patient.headers
    )
    await take_into_care(
        client, team.clinician, team.clinic_id, patient, ["alerts", "clinic_systems", "progress"]
    )
    await _register(client, team, receiver.url, ["session.logged", "alert.raised"])
    await _log(client, patient)
    assert worker.drain() == 0  # no `sessions` scope: the session event is not queued for it
    assert receiver.received == []


@pytest.mark.parametrize("granted", [["alerts", "clinic_systems"], ["clinic_systems", "sessions"]])
async def test_alert_events_need_the_alerts_scope(
    client: httpx.AsyncClient,
    app: FastAPI,
    receiver: Receiver,
    worker: Worker,
    granted: list[str],
) -> None:
    """`alert.raised` comes from the alerts work through `outbox.emit`, as called here."""
    patient = await signed_in_user(client, unique_email("patient"))
    team = await care_team(client, patient)
    await client.delete(
        f"/api/v1/me/care-relationships/{team.relationship_id}", headers=patient.headers
    )
    await take_into_care(client, team.clinician, team.clinic_id, patient, granted)
    await _register(client, team, receiver.url, ["alert.raised"])
    alert_id = uuid.uuid4()
    with Session(app.state.engine) as session:
        outbox.emit(
            session,
            owner_id=patient.id,
            event_type=WebhookEventType.ALERT_RAISED,
            subject=f"alert:{alert_id}",
            data={"alert": {"id": alert_id, "max_pain": 8}},
        )
        session.commit()
    if "alerts" in granted:
        deliver_until(worker, lambda: len(receiver.received) == 1)
        assert receiver.received[0].json["data"]["alert"]["id"] == str(alert_id)
    else:
        assert worker.drain() == 0
        assert receiver.received == []


async def test_revocation_stops_the_events_written_after_it(
    client: httpx.AsyncClient, receiver: Receiver, worker: Worker
) -> None:
    team = await care_team(client)
    await _register(client, team, receiver.url, ["session.logged"])
    before = await _log(client, team.patient)
    deliver_until(worker, lambda: len(receiver.received) == 1)
    revoked = await client.delete(
        f"/api/v1/me/care-relationships/{team.relationship_id}", headers=team.patient.headers
    )
    assert revoked.status_code == 204, revoked.text
    await _log(client, team.patient)  # what was queued before is given up too: test_consent.py
    assert worker.drain() == 0
    assert [r.json["data"]["session"]["id"] for r in receiver.received] == [before]
