"""A clinic's endpoints carry a patient's data only under the patient's `clinic_systems`
consent, given with the event's own scope in one relationship with a clinician still in
the clinic, and only while the owner who registered the endpoint is still an owner. Every
event sent is one entry of the patient's access log; the preview says all this first."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from app.core.vocabulary import CareScope, WebhookEventType
from app.webhooks.worker import Worker
from tests.factories import (
    ALL_SCOPES,
    CareTeam,
    SignedIn,
    care_code,
    care_team,
    delete_account,
    session_payload,
    signed_in_user,
    take_into_care,
    unique_email,
)
from tests.sqlcount import statements
from tests.webhooks.conftest import deliver_until, expand_outbox, register, worker_for
from tests.webhooks.receiver import Receiver

WITHOUT_SYSTEMS = [s for s in ALL_SCOPES if s != "clinic_systems"]


def _base(team: CareTeam) -> str:
    return f"/api/v1/clinics/{team.clinic_id}/webhooks"


async def _register(
    client: httpx.AsyncClient, team: CareTeam, url: str, owner: SignedIn | None = None
) -> dict[str, Any]:
    response = await client.post(
        _base(team),
        json={"url": url, "event_types": ["session.logged"]},
        headers=(owner or team.owner).headers,
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def _log(client: httpx.AsyncClient, user: SignedIn) -> str:
    body = session_payload()
    response = await client.post("/api/v1/sessions", json=body, headers=user.headers)
    assert response.status_code == 201, response.text
    return str(body["id"])


async def _regrant(client: httpx.AsyncClient, team: CareTeam, scopes: list[str]) -> None:
    """The patient revokes the team's relationship and accepts a new one with `scopes`."""
    revoked = await client.delete(
        f"/api/v1/me/care-relationships/{team.relationship_id}", headers=team.patient.headers
    )
    assert revoked.status_code == 204, revoked.text
    await take_into_care(client, team.clinician, team.clinic_id, team.patient, scopes)


async def _sends(client: httpx.AsyncClient, patient: SignedIn) -> list[dict[str, Any]]:
    response = await client.get("/api/v1/me/access-log?limit=100", headers=patient.headers)
    assert response.status_code == 200, response.text
    return [e for e in response.json()["items"] if e["resource"].startswith("webhook:")]


async def test_without_clinic_systems_consent_a_clinic_endpoint_gets_nothing(
    client: httpx.AsyncClient, receiver: Receiver, worker: Worker
) -> None:
    patient = await signed_in_user(client, unique_email("patient"))
    team = await care_team(client, patient)
    await _regrant(client, team, WITHOUT_SYSTEMS)
    await _register(client, team, receiver.url)
    await _log(client, patient)
    assert worker.drain() == 0
    assert receiver.received == []
    assert await _sends(client, patient) == []


async def test_both_scopes_must_come_from_one_relationship(
    client: httpx.AsyncClient, receiver: Receiver, worker: Worker
) -> None:
    """`sessions` from one clinician and `clinic_systems` from another is no consent to
    send sessions to the clinic's systems: each relationship is a consent of its own."""
    team = await care_team(client)
    await _regrant(client, team, ["sessions"])
    await take_into_care(client, team.colleague, team.clinic_id, team.patient, ["clinic_systems"])
    await _register(client, team, receiver.url)
    await _log(client, team.patient)
    assert worker.drain() == 0
    assert receiver.received == []


async def test_granting_again_without_clinic_systems_stops_the_events_written_after_it(
    client: httpx.AsyncClient, receiver: Receiver, worker: Worker
) -> None:
    team = await care_team(client)
    await _register(client, team, receiver.url)
    before = await _log(client, team.patient)
    deliver_until(worker, lambda: len(receiver.received) == 1)
    await _regrant(client, team, WITHOUT_SYSTEMS)
    await _log(client, team.patient)
    assert worker.drain() == 0
    assert [r.json["data"]["session"]["id"] for r in receiver.received] == [before]


async def _end_care(client: httpx.AsyncClient, team: CareTeam, how: str) -> None:
    if how == "revoked":
        gone = await client.delete(
            f"/api/v1/me/care-relationships/{team.relationship_id}", headers=team.patient.headers
        )
    elif how == "deleted their account":
        gone = await delete_account(client, team.clinician)
    else:
        by = team.clinician if how == "left" else team.owner
        gone = await client.delete(
            f"/api/v1/clinics/{team.clinic_id}/members/{team.clinician.id}", headers=by.headers
        )
    assert gone.status_code == 204, gone.text


@pytest.mark.parametrize("how", ["revoked", "removed", "left", "deleted their account"])
async def test_when_consent_ends_what_was_queued_under_it_is_given_up(
    client: httpx.AsyncClient, app: FastAPI, receiver: Receiver, how: str
) -> None:
    # a retry falls due at once, so the worker would send it on the next round
    worker = worker_for(app, webhook_backoff_seconds=0, webhook_backoff_max_seconds=0)
    team = await care_team(client)
    endpoint = await _register(client, team, receiver.url)
    receiver.failing = 1  # the clinic's receiver is down for the first attempt
    await _log(client, team.patient)
    assert worker.run_once() == 1
    await _end_care(client, team, how)
    try:
        assert worker.drain() == 0
    finally:
        worker.close()
    assert len(receiver.received) == 1  # the attempt that failed, nothing since
    log = await client.get(f"{_base(team)}/{endpoint['id']}/deliveries", headers=team.owner.headers)
    assert [(d["status"], d["attempts"], d["last_error"]) for d in log.json()["items"]] == [
        ("failed", 1, "consent ended")
    ]
    # the access-log entry of the queued event stays: it was sent under consent then
    assert len(await _sends(client, team.patient)) == 1


@pytest.mark.parametrize(
    ("colleague_scopes", "delivered"),
    [(["sessions", "clinic_systems"], True), (["sessions"], False), (["clinic_systems"], False)],
)
async def test_another_relationship_at_the_clinic_that_carries_the_event_keeps_it_going(
    client: httpx.AsyncClient,
    receiver: Receiver,
    worker: Worker,
    colleague_scopes: list[str],
    delivered: bool,
) -> None:
    team = await care_team(client)
    await take_into_care(client, team.colleague, team.clinic_id, team.patient, colleague_scopes)
    endpoint = await _register(client, team, receiver.url)
    session_id = await _log(client, team.patient)
    worker.expand()  # fanned out under the consent of both relationships
    await _end_care(client, team, "revoked")
    worker.drain()
    log = await client.get(f"{_base(team)}/{endpoint['id']}/deliveries", headers=team.owner.headers)
    if delivered:
        assert [r.json["data"]["session"]["id"] for r in receiver.received] == [session_id]
        assert [d["status"] for d in log.json()["items"]] == ["delivered"]
    else:
        assert receiver.received == []
        assert [d["status"] for d in log.json()["items"]] == ["failed"]


@pytest.mark.parametrize("how", ["removed", "left", "demoted", "deleted their account"])
async def test_the_endpoints_of_an_owner_who_goes_stop_queued_deliveries_included(
    client: httpx.AsyncClient, receiver: Receiver, worker: Worker, how: str
) -> None:
    team = await care_team(client)
    members = f"/api/v1/clinics/{team.clinic_id}/members"
    promoted = await client.patch(
        f"{members}/{team.colleague.id}", json={"role": "owner"}, headers=team.owner.headers
    )
    assert promoted.status_code == 200, promoted.text
    endpoint = await _register(client, team, receiver.url)
    assert endpoint["created_by"] == str(team.owner.id)
    await _log(client, team.patient)
    worker.expand()  # queued while the registrant is an owner
    leaving = f"{members}/{team.owner.id}"
    if how == "demoted":
        gone = await client.patch(
            leaving, json={"role": "clinician"}, headers=team.colleague.headers
        )
    elif how == "deleted their account":
        gone = await delete_account(client, team.owner)
    else:
        by = team.owner if how == "left" else team.colleague
        gone = await client.delete(leaving, headers=by.headers)
    assert gone.status_code in (200, 204), gone.text
    await _log(client, team.patient)
    assert worker.drain() == 0
    assert receiver.received == []
    one = f"{_base(team)}/{endpoint['id']}"
    stopped = (await client.get(one, headers=team.colleague.headers)).json()
    assert (stopped["enabled"], stopped["disabled_reason"]) == (False, "registrant-left")
    log = (await client.get(f"{one}/deliveries", headers=team.colleague.headers)).json()
    assert [d["status"] for d in log["items"]] == ["failed"]
    # the remaining owner turns it back on and answers for it from then on
    enabled = await client.patch(
        one,
        json={"enabled": True},
        headers={**team.colleague.headers, "If-Match": await _etag(client, one, team.colleague)},
    )
    assert enabled.status_code == 200, enabled.text
    assert enabled.json()["created_by"] == str(team.colleague.id)
    later = await _log(client, team.patient)
    deliver_until(worker, lambda: len(receiver.received) == 1)
    assert receiver.received[0].json["data"]["session"]["id"] == later


async def _etag(client: httpx.AsyncClient, path: str, user: SignedIn) -> str:
    return (await client.get(path, headers=user.headers)).headers["etag"]


async def test_an_owner_who_points_a_colleagues_endpoint_elsewhere_answers_for_it(
    client: httpx.AsyncClient, receiver: Receiver, worker: Worker
) -> None:
    """Another owner changes the URL of an endpoint they did not register, then leaves:
    the endpoint stops (it was theirs from the change on), rather than sending on to where
    they pointed it."""
    team = await care_team(client)
    members = f"/api/v1/clinics/{team.clinic_id}/members"
    promoted = await client.patch(
        f"{members}/{team.colleague.id}", json={"role": "owner"}, headers=team.owner.headers
    )
    assert promoted.status_code == 200, promoted.text
    endpoint = await _register(client, team, "https://93.184.215.14/owners-system")
    one = f"{_base(team)}/{endpoint['id']}"
    moved = await client.patch(
        one,
        json={"url": receiver.url},
        headers={**team.colleague.headers, "If-Match": await _etag(client, one, team.colleague)},
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["created_by"] == str(team.colleague.id)
    await _log(client, team.patient)
    worker.expand()
    assert [e["actor_id"] for e in await _sends(client, team.patient)] == [str(team.colleague.id)]
    left = await client.delete(f"{members}/{team.colleague.id}", headers=team.colleague.headers)
    assert left.status_code == 204, left.text
    await _log(client, team.patient)
    assert worker.drain() == 0
    assert receiver.received == []
    stopped = (await client.get(one, headers=team.owner.headers)).json()
    assert (stopped["enabled"], stopped["disabled_reason"]) == (False, "registrant-left")


async def test_each_event_sent_is_one_access_log_entry_however_often_it_is_retried(
    client: httpx.AsyncClient, receiver: Receiver, worker: Worker
) -> None:
    team = await care_team(client)
    first = await _register(client, team, receiver.url)
    second = await _register(client, team, receiver.url)
    await register(client, team.patient, receiver.url)  # the patient's own: not a disclosure
    receiver.failing = 4  # every endpoint's first attempts fail: retries follow
    await _log(client, team.patient)
    worker.expand()
    queued = await _sends(client, team.patient)
    assert len(queued) == 2  # one per clinic endpoint, written with the deliveries
    deliver_until(worker, lambda: len(receiver.unique()) == 1 and len(receiver.received) >= 7)
    assert worker.drain() == 0
    sends = await _sends(client, team.patient)
    assert sends == queued
    assert {e["endpoint_id"] for e in sends} == {first["id"], second["id"]}
    webhook_ids = set(receiver.ids())
    for entry in sends:
        assert entry["action"] == "send"
        assert entry["resource"] == "webhook:session.logged"
        assert entry["actor_id"] == str(team.owner.id)
        assert entry["clinic_id"] == str(team.clinic_id)
        assert entry["relationship_id"] == str(team.relationship_id)
        assert entry["webhook_id"] in webhook_ids


async def test_a_filtered_audience_writes_no_access_log_entry(
    client: httpx.AsyncClient, receiver: Receiver, worker: Worker
) -> None:
    team = await care_team(client)
    await _regrant(client, team, ["alerts", "clinic_systems"])  # no `sessions`
    await _register(client, team, receiver.url)
    await _log(client, team.patient)
    assert worker.drain() == 0
    assert await _sends(client, team.patient) == []


async def _preview(client: httpx.AsyncClient, team: CareTeam, scopes: list[str]) -> Any:
    code = await care_code(client, team.clinician, team.clinic_id, scopes)
    shown = await client.post(
        "/api/v1/me/care-invitations/preview", json={"code": code}, headers=team.outsider.headers
    )
    assert shown.status_code == 200, shown.text
    return shown.json()


async def test_the_preview_states_what_each_scope_opens_and_where_it_goes(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    everything = await _preview(client, team, ALL_SCOPES)
    details = {d["scope"]: d for d in everything["scope_details"]}
    assert sorted(details) == sorted(s.value for s in CareScope) == everything["scopes"]
    for scope, detail in details.items():
        assert len(detail["summary"]) > 40, scope
        assert detail["channels"], scope
    for event in WebhookEventType:  # every event a clinic's systems can get is named
        assert any(event.value in d["events"] for s, d in details.items() if s != "clinic_systems")
        assert event.value in details["clinic_systems"]["events"]
        assert event.value in details["clinic_systems"]["summary"]
    assert details["sessions"]["channels"] == ["clinician", "clinic_fhir", "clinic_systems"]
    assert details["self_checks"]["channels"] == ["clinician", "clinic_fhir"]
    assert "every owner" in details["clinic_systems"]["summary"]
    assert "access log" in details["clinic_systems"]["summary"]

    without = await _preview(client, team, WITHOUT_SYSTEMS)
    for detail in without["scope_details"]:
        assert "clinic_systems" not in detail["channels"]
        assert detail["events"] == []


async def test_a_session_write_decides_the_clinics_audience_in_one_query_and_logs_once(
    client: httpx.AsyncClient, app: FastAPI, receiver: Receiver
) -> None:
    team = await care_team(client)
    await take_into_care(client, team.colleague, team.clinic_id, team.patient)
    await _register(client, team, receiver.url)
    await _register(client, team, receiver.url)
    with statements(app) as written:
        await _log(client, team.patient)
    assert not [s for s in written if "webhook_endpoint" in s]  # the worker's work
    with statements(app) as seen:
        assert expand_outbox(app) == 1
    audience = [s for s in seen if "care_relationship" in s and "webhook_endpoint" in s]
    logged = [s for s in seen if s.lstrip().upper().startswith("INSERT INTO ACCESS_LOG")]
    # one audience read serves the session event and the advice check; both endpoints'
    # entries go in one statement (executemany counts once here)
    assert len(audience) == 1, audience
    assert len(logged) == 1, logged
    assert len(await _sends(client, team.patient)) == 2
