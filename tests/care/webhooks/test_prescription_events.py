"""`routine.prescribed`: queued with a prescription (or its revision), for the patient's own
endpoints and for the prescribing clinic's when its relationship grants `prescribe` and
`clinic_systems`; another clinic in care learns nothing of it."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from app.webhooks.worker import Worker
from tests.factories import care_team, routine_payload
from tests.sqlcount import statements
from tests.webhooks.conftest import deliver_until, register
from tests.webhooks.receiver import Receiver


async def test_a_prescription_and_its_revision_are_announced_in_order(
    client: httpx.AsyncClient, receiver: Receiver, worker: Worker
) -> None:
    team = await care_team(client)
    endpoint = await register(client, team.patient, receiver.url, ["routine.prescribed"])
    made = await client.post(
        team.patient_path("/routines"),
        json={"routine": routine_payload(name="Prescribed")},
        headers=team.clinician.headers,
    )
    assert made.status_code == 201, made.text
    revised = await client.patch(
        team.patient_path(f"/routines/{made.json()['id']}"),
        json={"name": "Revised"},
        headers={**team.clinician.headers, "If-Match": made.headers["etag"]},
    )
    assert revised.status_code == 200, revised.text
    deliver_until(worker, lambda: len(receiver.received) == 2)
    first, second = (r.verify(endpoint["secret"]) for r in receiver.received)
    assert [first["type"], second["type"]] == ["routine.prescribed"] * 2
    assert first["data"]["routine"] == made.json()
    assert first["data"]["revised"] is False and second["data"]["revised"] is True
    assert second["data"]["routine"]["name"] == "Revised"
    assert first["data"]["clinic_id"] == str(team.clinic_id)
    assert first["data"]["user_id"] == str(team.patient.id)


async def test_another_clinic_in_care_learns_nothing_of_a_prescription(
    client: httpx.AsyncClient, app: FastAPI, receiver: Receiver, worker: Worker
) -> None:
    team = await care_team(client)
    other = await care_team(client, team.patient)  # every scope, `clinic_systems` too
    registered = await client.post(
        f"/api/v1/clinics/{other.clinic_id}/webhooks",
        json={"url": receiver.url, "event_types": ["routine.prescribed"]},
        headers=other.owner.headers,
    )
    assert registered.status_code == 201, registered.text
    made = await client.post(
        team.patient_path("/routines"),
        json={"routine": routine_payload(name="Prescribed")},
        headers=team.clinician.headers,
    )
    assert made.status_code == 201, made.text
    # nobody else gets it, so the worker writes no event
    with statements(app) as seen:
        assert worker.drain() == 0
    written = [s for s in seen if s.lstrip().upper().startswith("INSERT INTO WEBHOOK_")]
    assert written == []
    assert receiver.received == []
