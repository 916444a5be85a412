"""`alert.raised`: queued with the alert, for the patient's own endpoints and for the
clinics in care whose relationship grants `alerts`."""

from __future__ import annotations

import httpx
from standardwebhooks.webhooks import WebhookVerificationError

from app.webhooks.worker import Worker
from tests.factories import care_team, entry, session_payload
from tests.webhooks.conftest import deliver_until, register
from tests.webhooks.receiver import Received, Receiver


async def test_a_pain_alert_reaches_the_patient_and_the_clinic_in_care(
    client: httpx.AsyncClient, receiver: Receiver, worker: Worker
) -> None:
    team = await care_team(client)
    own = await register(client, team.patient, receiver.url, ["alert.raised"])
    clinic = await client.post(
        f"/api/v1/clinics/{team.clinic_id}/webhooks",
        json={"url": receiver.url, "event_types": ["alert.raised"]},
        headers=team.owner.headers,
    )
    assert clinic.status_code == 201
    painless = session_payload()
    await client.post("/api/v1/sessions", json=painless, headers=team.patient.headers)
    painful = session_payload(entries=[entry(pain=8)])
    logged = await client.post("/api/v1/sessions", json=painful, headers=team.patient.headers)
    assert logged.status_code == 201
    listed = (await client.get("/api/v1/me/alerts", headers=team.patient.headers)).json()
    raised = {a["id"]: a for a in listed["items"]}
    assert {a["kind"] for a in raised.values()} >= {"pain"}
    # every alert, once to each endpoint, under one webhook-id per alert
    deliver_until(worker, lambda: len(receiver.received) == 2 * len(raised))
    assert worker.drain() == 0
    bodies = [r.json for r in receiver.received]
    assert {b["type"] for b in bodies} == {"alert.raised"}
    assert {b["data"]["alert"]["id"] for b in bodies} == set(raised)
    assert len({r.webhook_id for r in receiver.received}) == len(raised)
    pain = next(b["data"] for b in bodies if b["data"]["alert"]["kind"] == "pain")
    assert pain["alert"]["session_id"] == painful["id"]
    assert pain["user_id"] == str(team.patient.id)
    mine = [r for r in receiver.received if _verifies(r, own["secret"])]
    theirs = [r for r in receiver.received if _verifies(r, clinic.json()["secret"])]
    assert len(mine) == len(theirs) == len(raised)


def _verifies(received: Received, secret: str) -> bool:
    try:
        received.verify(secret)
    except WebhookVerificationError:
        return False
    return True
