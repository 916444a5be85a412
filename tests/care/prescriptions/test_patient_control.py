"""The patient stays in control of their routines: a prescribed routine can always be
deleted (the clinic keeps its record of it), prescriptions have their own per-clinic limit
and never use up the patient's own routines, and the refusals say which limit and how many."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from app.training.routines import limits
from tests.factories import (
    CareTeam,
    SignedIn,
    care_team,
    routine_payload,
    session_payload,
    signed_in_user,
    take_into_care,
    unique_email,
)

API = "/api/v1"
QUOTA = "https://medius.dev/problems/quota-exceeded"


async def _prescribe(
    client: httpx.AsyncClient, team: CareTeam, name: str = "Prescribed"
) -> httpx.Response:
    return await client.post(
        team.patient_path("/routines"),
        json={"routine": routine_payload(name=name)},
        headers=team.clinician.headers,
    )


async def _delete(client: httpx.AsyncClient, user: SignedIn, routine_id: str) -> httpx.Response:
    current = await client.get(f"{API}/routines/{routine_id}", headers=user.headers)
    assert current.status_code == 200, current.text
    return await client.delete(
        f"{API}/routines/{routine_id}",
        headers={**user.headers, "If-Match": current.headers["etag"]},
    )


def _limit_prescriptions(app: FastAPI, monkeypatch: pytest.MonkeyPatch, most: int) -> None:
    settings = app.state.settings.model_copy(update={"max_prescriptions_per_clinic": most})
    monkeypatch.setattr(app.state, "settings", settings)


async def test_a_patient_deletes_a_prescribed_routine_even_after_revoking_consent(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    kept = (await _prescribe(client, team, "Kept")).json()["id"]
    made = await _prescribe(client, team)
    rid = made.json()["id"]
    revoked = await client.delete(
        f"{API}/me/care-relationships/{team.relationship_id}", headers=team.patient.headers
    )
    assert revoked.status_code == 204
    stale = await client.delete(
        f"{API}/routines/{rid}", headers={**team.patient.headers, "If-Match": '"stale"'}
    )
    assert stale.status_code == 412
    assert (await _delete(client, team.patient, rid)).status_code == 204
    assert (
        await client.get(f"{API}/routines/{rid}", headers=team.patient.headers)
    ).status_code == 404
    mine = await client.get(f"{API}/routines", headers=team.patient.headers)
    assert [r["id"] for r in mine.json()["items"]] == [kept]
    # Still read-only: deleting is the patient's, changing is the clinician's.
    etag = (await client.get(f"{API}/routines/{kept}", headers=team.patient.headers)).headers[
        "etag"
    ]
    patched = await client.patch(
        f"{API}/routines/{kept}",
        json={"name": "Mine"},
        headers={**team.patient.headers, "If-Match": etag},
    )
    assert patched.status_code == 403
    assert patched.json()["type"].endswith("/prescribed-routine-read-only")


async def test_the_clinic_keeps_its_record_of_a_prescription_the_patient_deleted(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    made = (await _prescribe(client, team, "Right hip, weeks 1-4")).json()
    rid = made["id"]
    etag = (
        await client.get(team.patient_path(f"/routines/{rid}"), headers=team.clinician.headers)
    ).headers["etag"]
    revised = await client.patch(
        team.patient_path(f"/routines/{rid}"),
        json={"sessions_per_week": 4},
        headers={**team.clinician.headers, "If-Match": etag},
    )
    assert revised.status_code == 200, revised.text
    assert (await _delete(client, team.patient, rid)).status_code == 204
    gone = await client.get(team.patient_path(f"/routines/{rid}"), headers=team.clinician.headers)
    assert gone.status_code == 404
    listed = await client.get(team.patient_path("/routines"), headers=team.clinician.headers)
    assert listed.json()["items"] == []
    record = await client.get(
        team.patient_path("/deleted-prescriptions"), headers=team.clinician.headers
    )
    assert record.status_code == 200, record.text
    (item,) = record.json()["items"]
    assert item["routine_id"] == rid and item["prescribed_at"] == made["created_at"]
    last = item["last_version"]
    assert (last["version"], last["sessions_per_week"], last["name"]) == (
        2,
        4,
        "Right hip, weeks 1-4",
    )
    assert last["prescriber"]["name"] == "Dr Lee"
    assert [i["exercise"] for i in last["items"]] == [i["exercise"] for i in made["items"]]
    log = (await client.get(f"{API}/me/access-log?limit=100", headers=team.patient.headers)).json()
    assert ("read", "routines:deleted") in [(e["action"], e["resource"]) for e in log["items"]]
    # Another clinician of the clinic without the relationship sees nothing of it.
    colleague = await client.get(
        team.patient_path("/deleted-prescriptions"), headers=team.colleague.headers
    )
    assert colleague.status_code == 404


async def test_sessions_of_a_deleted_prescription_are_unlinked_as_a_change(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    rid = (await _prescribe(client, team)).json()["id"]
    logged = await client.post(
        f"{API}/sessions", json=session_payload(routine_id=rid), headers=team.patient.headers
    )
    assert logged.status_code == 201, logged.text
    assert (await _delete(client, team.patient, rid)).status_code == 204
    after = await client.get(f"{API}/sessions/{logged.json()['id']}", headers=team.patient.headers)
    assert after.json()["routine_id"] is None and after.json()["routine_version"] is None
    assert after.json()["revision"] == logged.json()["revision"] + 1
    assert after.json()["entries"] == logged.json()["entries"]


async def test_prescriptions_never_use_up_the_patients_own_routines(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_ROUTINES_PER_USER", 2)
    team = await care_team(client)
    for n in range(3):
        assert (await _prescribe(client, team, f"P{n}")).status_code == 201
    own = [
        await client.post(f"{API}/routines", json=routine_payload(), headers=team.patient.headers)
        for _ in range(3)
    ]
    assert [o.status_code for o in own] == [201, 201, 409]
    problem = own[2].json()
    assert problem["type"] == QUOTA
    assert "2 routines of your own" in problem["detail"] and "(2;" in problem["detail"]
    # The patient at their own limit does not stop the clinic either.
    assert (await _prescribe(client, team, "P3")).status_code == 201


async def test_a_clinic_keeps_at_most_its_limit_of_prescriptions_per_patient(
    client: httpx.AsyncClient, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    _limit_prescriptions(app, monkeypatch, 3)
    team = await care_team(client)
    answers = await asyncio.gather(*(_prescribe(client, team, f"P{n}") for n in range(8)))
    assert sorted(a.status_code for a in answers) == [201] * 3 + [409] * 5
    refused: dict[str, Any] = next(a for a in answers if a.status_code == 409).json()
    assert refused["type"] == QUOTA
    assert "This clinic has 3 prescriptions for this patient" in refused["detail"]
    assert "(3)" in refused["detail"]
    # Another clinic's limit is its own.
    other = await care_team(client, team.patient)
    assert (await _prescribe(client, other)).status_code == 201
    # The patient deleting one frees a slot for the clinic.
    first = next(a for a in answers if a.status_code == 201).json()["id"]
    assert (await _delete(client, team.patient, first)).status_code == 204
    assert (await _prescribe(client, team)).status_code == 201
    assert (await _prescribe(client, team)).status_code == 409


async def test_a_prescription_limit_counts_per_patient(
    client: httpx.AsyncClient, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    _limit_prescriptions(app, monkeypatch, 1)
    team = await care_team(client)
    assert (await _prescribe(client, team)).status_code == 201
    assert (await _prescribe(client, team)).status_code == 409
    other = await signed_in_user(client, unique_email("patient"))
    await take_into_care(client, team.clinician, team.clinic_id, other)
    second = await client.post(
        f"{API}/clinics/{team.clinic_id}/patients/{other.id}/routines",
        json={"routine": routine_payload()},
        headers=team.clinician.headers,
    )
    assert second.status_code == 201, second.text
