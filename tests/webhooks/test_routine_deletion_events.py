"""A routine's deletion changes the sessions that name it (`routine_id` null, revision up):
each live one is announced as `session.updated`, to the patient's endpoints and to the
clinics that hear the patient's sessions, in the deletion's transaction."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from app.webhooks.worker import Worker
from tests.factories import SignedIn, care_team, routine_payload, session_payload
from tests.webhooks.conftest import deliver_until, register
from tests.webhooks.receiver import Receiver

CHANGES = ["session.logged", "session.updated", "session.deleted"]
# Sessions as far apart as a start may be (1900 to 2200), at the offsets furthest from UTC.
YEARS_APART = [
    "1900-01-01T00:00:00+00:00",
    "2027-03-28T02:30:00+14:00",
    "2200-12-31T11:59:59-12:00",
]


async def _log(client: httpx.AsyncClient, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    answer = await client.post("/api/v1/sessions", json=session_payload(**body), headers=headers)
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


async def test_deleting_a_prescribed_routine_announces_each_session_it_unlinks(
    client: httpx.AsyncClient, receiver: Receiver, clinic_receiver: Receiver, worker: Worker
) -> None:
    team = await care_team(client)
    patient = team.patient.headers
    prescribed = await client.post(
        team.patient_path("/routines"),
        json={"routine": routine_payload(name="Hip strength")},
        headers=team.clinician.headers,
    )
    assert prescribed.status_code == 201, prescribed.text
    routine_id = prescribed.json()["id"]
    followed = await _log(client, patient, routine_id=routine_id)
    deleted = await _log(client, patient, routine_id=routine_id)
    etag = (await client.get(f"/api/v1/sessions/{deleted['id']}", headers=patient)).headers["etag"]
    gone = await client.delete(
        f"/api/v1/sessions/{deleted['id']}", headers={**patient, "If-Match": etag}
    )
    assert gone.status_code == 204, gone.text
    await _log(client, patient)  # names no routine: untouched
    own = await register(client, team.patient, receiver.url, CHANGES)
    clinic_made = await client.post(
        f"/api/v1/clinics/{team.clinic_id}/webhooks",
        json={"url": clinic_receiver.url, "event_types": CHANGES},
        headers=team.owner.headers,
    )
    assert clinic_made.status_code == 201, clinic_made.text
    clinic = clinic_made.json()

    path = f"/api/v1/routines/{routine_id}"
    etag = (await client.get(path, headers=patient)).headers["etag"]
    answer = await client.delete(path, headers={**patient, "If-Match": etag})
    assert answer.status_code == 204, answer.text

    deliver_until(worker, lambda: len(receiver.received) + len(clinic_receiver.received) >= 2)
    assert worker.drain() == 0
    now = (await client.get(f"/api/v1/sessions/{followed['id']}", headers=patient)).json()
    assert now["routine_id"] is None and now["revision"] == followed["revision"] + 1
    for got, secret in [(receiver, own["secret"]), (clinic_receiver, clinic["secret"])]:
        events = [r.verify(secret) for r in got.received]
        assert [e["type"] for e in events] == ["session.updated"]
        assert events[0]["data"]["session"] == now
        assert events[0]["data"]["user_id"] == str(team.patient.id)


async def test_sixteen_identical_deletions_announce_each_session_once_per_user(
    client: httpx.AsyncClient, alice: SignedIn, bob: SignedIn, receiver: Receiver, worker: Worker
) -> None:
    """Two users each send the same conditional delete of their routine 16 times at once:
    one wins per routine, and each session it unlinked is announced exactly once."""
    deletes = []
    logged: dict[str, list[str]] = {}
    for user in (alice, bob):
        made = await client.post("/api/v1/routines", json=routine_payload(), headers=user.headers)
        assert made.status_code == 201, made.text
        routine_id = made.json()["id"]
        sessions = [
            await _log(client, user.headers, routine_id=routine_id, started_at=at, ended_at=None)
            for at in YEARS_APART
        ]
        logged[str(user.id)] = sorted(s["id"] for s in sessions)
        await register(client, user, receiver.url, CHANGES)
        path = f"/api/v1/routines/{routine_id}"
        etag = (await client.get(path, headers=user.headers)).headers["etag"]
        conditional = {**user.headers, "If-Match": etag}
        deletes += [client.delete(path, headers=conditional) for _ in range(16)]

    answers = await asyncio.gather(*deletes)
    seen_starts = {"1900-01-01T00:00:00Z", "2027-03-27T12:30:00Z", "2200-12-31T23:59:59Z"}

    for of_one_routine in (answers[:16], answers[16:]):
        codes = [a.status_code for a in of_one_routine]
        assert codes.count(204) == 1 and set(codes) <= {204, 404, 412}  # gone, or stale
    deliver_until(worker, lambda: len(receiver.received) >= 6)
    assert worker.drain() == 0
    announced: dict[str, list[str]] = {}
    for got in receiver.received:
        assert got.json["type"] == "session.updated"
        data = got.json["data"]
        assert data["session"]["routine_id"] is None
        assert data["session"]["started_at"] in seen_starts
        announced.setdefault(data["user_id"], []).append(data["session"]["id"])
    assert {user: sorted(ids) for user, ids in announced.items()} == logged  # each once
