"""`alert.raised` and `routine.prescribed` from the care-team domains, end to end: the
change over HTTP, the event in its transaction, a real worker, a real loopback receiver
verifying the Standard Webhooks signature; nothing for a change that rolls back."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlmodel import Session
from typer.testing import CliRunner

from app.cli import cli
from app.core import events as domain_events
from app.core.config import get_settings
from app.webhooks import outbox
from app.webhooks.models import WebhookEvent
from app.webhooks.worker import Worker
from tests.factories import (
    CareTeam,
    care_team,
    entry,
    routine_payload,
    session_payload,
    take_into_care,
)
from tests.logbook.alerts.helpers import backdate_routine, log, routine
from tests.webhooks.conftest import deliver_until, register
from tests.webhooks.receiver import Receiver

PAINFUL_DAY = "2026-11-20T07:30:00+01:00"


@pytest.fixture
def clinic_receiver() -> Iterator[Receiver]:
    running = Receiver().up()
    yield running
    running.down()


async def _clinic_endpoint(
    client: httpx.AsyncClient, team: CareTeam, url: str, events: list[str]
) -> dict[str, Any]:
    made = await client.post(
        f"/api/v1/clinics/{team.clinic_id}/webhooks",
        json={"url": url, "event_types": events},
        headers=team.owner.headers,
    )
    assert made.status_code == 201, made.text
    body: dict[str, Any] = made.json()
    return body


def _events(app: FastAPI, event_type: str) -> int:
    with Session(app.state.engine) as session:
        return int(
            session.execute(
                select(func.count()).where(WebhookEvent.event_type == event_type)  # type: ignore[arg-type]
            ).scalar_one()
        )


def _fail_after(event_type: str, monkeypatch: pytest.MonkeyPatch) -> list[uuid.UUID]:
    """Make the change that emits `event_type` fail right after its event is written (the
    emit goes through, then raises), so its transaction rolls back; who it hit."""
    hit: list[uuid.UUID] = []
    emit = outbox.emit

    def emit_then_fail(db: outbox.Database, **kwargs: Any) -> None:
        emit(db, **kwargs)
        if kwargs["event_type"] == event_type:
            hit.append(kwargs["owner_id"])  # the event was written...
            raise RuntimeError("...and then its change fails")

    monkeypatch.setattr(outbox, "emit", emit_then_fail)
    return hit


async def test_a_raised_alert_reaches_the_patient_and_the_clinic_signed(
    client: httpx.AsyncClient, receiver: Receiver, clinic_receiver: Receiver, worker: Worker
) -> None:
    team = await care_team(client)
    own = await register(client, team.patient, receiver.url, ["alert.raised"])
    clinic = await _clinic_endpoint(client, team, clinic_receiver.url, ["alert.raised"])
    session = await log(client, team.patient, PAINFUL_DAY, 3, 8)  # pain, and reduce
    await log(client, team.patient, "2026-11-10T07:30:00+01:00", 2)  # nothing new
    deliver_until(worker, lambda: len(receiver.received) + len(clinic_receiver.received) >= 4)
    assert worker.drain() == 0
    raised = (await client.get("/api/v1/me/alerts", headers=team.patient.headers)).json()
    assert sorted(a["kind"] for a in raised["items"]) == ["pain", "progress-reduce"]
    expected = {a["id"]: a for a in raised["items"]}
    for got, secret in [(receiver, own["secret"]), (clinic_receiver, clinic["secret"])]:
        events = [r.verify(secret) for r in got.received]
        assert [e["type"] for e in events] == ["alert.raised"] * 2
        assert {e["data"]["user_id"] for e in events} == {str(team.patient.id)}
        assert {e["data"]["alert"]["id"]: e["data"]["alert"] for e in events} == expected
        assert {e["data"]["alert"]["session_id"] for e in events} == {session["id"]}


async def test_a_clinic_without_the_alerts_scope_hears_no_alert(
    client: httpx.AsyncClient, app: FastAPI, receiver: Receiver, worker: Worker
) -> None:
    team = await care_team(client)
    await client.delete(
        f"/api/v1/me/care-relationships/{team.relationship_id}", headers=team.patient.headers
    )
    await take_into_care(
        client, team.clinician, team.clinic_id, team.patient, ["clinic_systems", "sessions"]
    )
    await _clinic_endpoint(client, team, receiver.url, ["alert.raised", "session.logged"])
    await log(client, team.patient, PAINFUL_DAY, 9)
    deliver_until(worker, lambda: len(receiver.received) == 1)
    assert worker.drain() == 0
    assert [r.json["type"] for r in receiver.received] == ["session.logged"]
    assert _events(app, "alert.raised") == 0


async def test_an_alert_whose_session_write_rolls_back_is_never_delivered(
    client: httpx.AsyncClient,
    app: FastAPI,
    receiver: Receiver,
    worker: Worker,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    team = await care_team(client)
    await register(client, team.patient, receiver.url, ["alert.raised", "session.logged"])
    await _clinic_endpoint(client, team, receiver.url, ["alert.raised"])
    hit = _fail_after("alert.raised", monkeypatch)
    failed = await client.post(
        "/api/v1/sessions",
        json=session_payload(started_at=PAINFUL_DAY, entries=[entry(pain=8)]),
        headers=team.patient.headers,
    )
    assert failed.status_code == 500, failed.text
    assert hit == [team.patient.id]  # the event was written, then its change failed
    monkeypatch.undo()
    assert worker.drain() == 0
    assert receiver.received == []
    assert _events(app, "alert.raised") == _events(app, "session.logged") == 0
    assert (await client.get("/api/v1/me/alerts", headers=team.patient.headers)).json()[
        "items"
    ] == []


async def _prescribe(client: httpx.AsyncClient, team: CareTeam, **body: Any) -> httpx.Response:
    return await client.post(
        team.patient_path("/routines"),
        json={"routine": routine_payload(name="Hip strength"), **body},
        headers=team.clinician.headers,
    )


async def test_a_prescription_and_each_new_version_are_routine_prescribed(
    client: httpx.AsyncClient, receiver: Receiver, clinic_receiver: Receiver, worker: Worker
) -> None:
    team = await care_team(client)
    own = await register(client, team.patient, receiver.url, ["routine.prescribed"])
    clinic = await _clinic_endpoint(client, team, clinic_receiver.url, ["routine.prescribed"])
    made_id = str(uuid.uuid4())
    made = await _prescribe(client, team, id=made_id)
    assert made.status_code == 201, made.text
    retried = await _prescribe(client, team, id=made_id)  # a retry prescribes nothing new
    assert retried.status_code == 200, retried.text
    path = team.patient_path(f"/routines/{made_id}")
    revised = await client.patch(
        path,
        json={"sessions_per_week": 4},
        headers={**team.clinician.headers, "If-Match": made.headers["etag"]},
    )
    assert revised.status_code == 200, revised.text
    stale = await client.patch(  # refused (412): no version, no event
        path,
        json={"sessions_per_week": 5},
        headers={**team.clinician.headers, "If-Match": made.headers["etag"]},
    )
    assert stale.status_code == 412, stale.text
    deliver_until(worker, lambda: len(receiver.received) + len(clinic_receiver.received) >= 4)
    assert worker.drain() == 0
    for got, secret in [(receiver, own["secret"]), (clinic_receiver, clinic["secret"])]:
        events = [r.verify(secret) for r in got.received]  # in order: one subject
        assert [e["type"] for e in events] == ["routine.prescribed"] * 2
        assert [e["data"]["routine"]["version"] for e in events] == [1, 2]
        assert [e["data"]["revised"] for e in events] == [False, True]
        assert [e["data"]["routine"]["sessions_per_week"] for e in events] == [3, 4]
        for event in events:
            assert event["data"]["user_id"] == str(team.patient.id)
            assert event["data"]["routine"]["id"] == made_id
            assert event["data"]["clinic_id"] == str(team.clinic_id)
            assert event["data"]["routine"]["prescriber"]["name"] == "Dr Lee"
    current = await client.get(f"/api/v1/routines/{made_id}", headers=team.patient.headers)
    assert receiver.received[1].json["data"]["routine"] == current.json()


async def test_a_clinic_without_the_prescribe_scope_hears_no_prescription(
    client: httpx.AsyncClient, receiver: Receiver, clinic_receiver: Receiver, worker: Worker
) -> None:
    """Another clinic in the patient's care with `sessions` only: a prescription from the
    first clinic reaches the first clinic's endpoint, not the other's."""
    team = await care_team(client)
    elsewhere = (await client.get("/api/v1/clinics", headers=team.outsider.headers)).json()
    other_id = uuid.UUID(elsewhere["items"][0]["id"])
    await take_into_care(client, team.outsider, other_id, team.patient, ["sessions"])
    other = await client.post(
        f"/api/v1/clinics/{other_id}/webhooks",
        json={"url": receiver.url, "event_types": ["routine.prescribed", "session.logged"]},
        headers=team.outsider.headers,
    )
    assert other.status_code == 201, other.text
    await _clinic_endpoint(client, team, clinic_receiver.url, ["routine.prescribed"])
    made = await _prescribe(client, team)
    assert made.status_code == 201, made.text
    deliver_until(worker, lambda: len(clinic_receiver.received) == 1)
    assert worker.drain() == 0
    assert receiver.received == []
    assert clinic_receiver.received[0].json["data"]["routine"]["id"] == made.json()["id"]


@pytest.mark.parametrize("revision", [False, True])
async def test_a_prescription_that_rolls_back_is_never_delivered(
    client: httpx.AsyncClient,
    app: FastAPI,
    receiver: Receiver,
    worker: Worker,
    monkeypatch: pytest.MonkeyPatch,
    revision: bool,
) -> None:
    team = await care_team(client)
    await register(client, team.patient, receiver.url, ["routine.prescribed"])
    await _clinic_endpoint(client, team, receiver.url, ["routine.prescribed"])
    if revision:
        made = await _prescribe(client, team)
        assert made.status_code == 201
        assert worker.drain() == 2
        receiver.received.clear()
    hit = _fail_after("routine.prescribed", monkeypatch)
    if revision:
        path = team.patient_path(f"/routines/{made.json()['id']}")
        failed = await client.patch(
            path,
            json={"sessions_per_week": 4},
            headers={**team.clinician.headers, "If-Match": made.headers["etag"]},
        )
    else:
        failed = await _prescribe(client, team)
    assert failed.status_code == 500, failed.text
    assert hit == [team.patient.id]
    monkeypatch.undo()
    assert worker.drain() == 0
    assert receiver.received == []
    assert _events(app, "routine.prescribed") == (1 if revision else 0)
    routines = (await client.get("/api/v1/routines", headers=team.patient.headers)).json()
    assert [r["version"] for r in routines["items"]] == ([1] if revision else [])


async def test_the_scheduled_scan_announces_its_alerts_from_a_process_of_its_own(
    client: httpx.AsyncClient,
    app: FastAPI,
    receiver: Receiver,
    clinic_receiver: Receiver,
    worker: Worker,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`python -m app alerts-scan` runs without the app factory: it must wire the same
    handlers, or its missed-week alerts would reach no endpoint."""
    team = await care_team(client)
    own = await register(client, team.patient, receiver.url, ["alert.raised"])
    clinic = await _clinic_endpoint(client, team, clinic_receiver.url, ["alert.raised"])
    plan = await routine(client, team.patient, sessions_per_week=1)
    backdate_routine(app, plan["id"], datetime.now(UTC) - timedelta(days=30))
    # A fresh process: nothing subscribed (the clinics' audience included).
    monkeypatch.setattr(domain_events, "_handlers", {})
    monkeypatch.setenv("DATABASE_URL", database_url)
    get_settings.cache_clear()
    try:
        scanned = CliRunner().invoke(cli, ["alerts-scan"])
    finally:
        get_settings.cache_clear()
    assert scanned.exit_code == 0, scanned.output
    raised = int(scanned.output.rsplit(":", 1)[1])
    assert raised >= 3
    deliver_until(
        worker, lambda: len(receiver.received) + len(clinic_receiver.received) >= 2 * raised
    )
    assert worker.drain() == 0
    for got, secret in [(receiver, own["secret"]), (clinic_receiver, clinic["secret"])]:
        kinds = [r.verify(secret)["data"]["alert"]["kind"] for r in got.received]
        assert kinds == ["missed-week"] * raised
