"""The FHIR export at a clinic's base: clinicians read what the patient granted, every
read is in the patient's access log, and nobody else reads anything."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from fastapi import FastAPI

from app.exports.fhir.codes import PA_CODES
from tests.exports.fhir import reading
from tests.exports.fhir.test_fhir_export import FHIR, outcome_of
from tests.factories import (
    CareTeam,
    SignedIn,
    care_team,
    from_address,
    join_clinic,
    routine_payload,
    session_payload,
    signed_in_user,
    take_into_care,
    unique_email,
)

PUBLIC = "http://127.0.0.1:8000"
CHECK = {
    "stance_leg": "right",
    "pelvis_drop": "slight",
    "knee_drifts_in": False,
    "trunk_lean": True,
    "hold_seconds": 25,
    "pain": 1,
}


def clinic_base(team: CareTeam) -> str:
    return f"/api/v1/clinics/{team.clinic_id}/fhir"


async def _patient_data(client: httpx.AsyncClient, team: CareTeam) -> str:
    """A routine the clinic prescribed (a clinic's FHIR base shows only its own
    prescriptions), a session against it and a self-check; the routine's id."""
    headers = team.patient.headers
    routine = await client.post(
        team.patient_path("/routines"),
        json={"routine": routine_payload()},
        headers=team.clinician.headers,
    )
    assert routine.status_code == 201, routine.text
    body = session_payload(routine_id=routine.json()["id"])
    assert (await client.post("/api/v1/sessions", json=body, headers=headers)).status_code == 201
    assert (
        await client.post("/api/v1/me/assessments", json=CHECK, headers=headers)
    ).status_code == 201
    routine_id: str = routine.json()["id"]
    return routine_id


def _kinds(bundle: dict[str, Any]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for entry in bundle["entry"]:
        resource = entry["resource"]
        kind = resource["resourceType"]
        if kind == "Observation":
            is_check = resource["code"]["coding"][0]["code"] == "single-leg-stance"
            is_panel = resource["code"]["coding"][0] == {
                "system": PA_CODES,
                "code": "PAPanel",
                "display": "Physical Activity Panel",
            }
            kind = "self-check" if is_check else "panel" if is_panel else "exercise"
        counts[kind] = counts.get(kind, 0) + 1
    return counts


async def _access_log(client: httpx.AsyncClient, team: CareTeam) -> list[dict[str, Any]]:
    answer = await client.get("/api/v1/me/access-log?limit=100", headers=team.patient.headers)
    assert answer.status_code == 200, answer.text
    items: list[dict[str, Any]] = answer.json()["items"]
    return items


async def test_a_clinician_in_care_reads_what_the_patient_reads_and_each_read_is_logged(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    team = await care_team(client)
    routine_id = await _patient_data(client, team)
    own = await client.get(
        f"{FHIR}/Patient/{team.patient.id}/$everything", headers=team.patient.headers
    )
    async with from_address(app, "203.0.113.9") as clinic_client:
        read = await clinic_client.get(
            f"{clinic_base(team)}/Patient/{team.patient.id}/$everything",
            headers=team.clinician.headers,
        )
        plan = await clinic_client.get(
            f"{clinic_base(team)}/CarePlan/{routine_id}", headers=team.clinician.headers
        )
    assert read.status_code == 200, read.text
    assert read.headers["cache-control"] == "private, no-store"
    reading.bundle(read.json(), PUBLIC + clinic_base(team))
    resources = [e["resource"] for e in read.json()["entry"]]
    assert resources == [e["resource"] for e in own.json()["entry"]]
    assert _kinds(read.json()) == {
        "Patient": 1,
        "CarePlan": 1,
        "panel": 1,
        "exercise": 2,
        "self-check": 1,
    }
    assert plan.status_code == 200, plan.text
    assert plan.json() == next(r for r in resources if r["resourceType"] == "CarePlan")

    log = await _access_log(client, team)
    assert [e["resource"] for e in log] == [
        f"fhir:CarePlan/{routine_id}",
        "fhir:Patient/$everything",
        f"routine:{routine_id}",  # the prescription
    ]
    for entry in log[:2]:
        assert entry["actor_id"] == str(team.clinician.id)
        assert entry["clinic_id"] == str(team.clinic_id)
        assert entry["relationship_id"] == str(team.relationship_id)
        assert entry["action"] == "read"
        assert entry["address"] == "203.0.113.9"


async def test_the_export_holds_only_what_the_granted_scopes_cover(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    routine_id = await _patient_data(client, team)
    expected = {
        ("self_checks",): {"Patient": 1, "self-check": 1},
        ("sessions",): {"Patient": 1, "CarePlan": 1, "panel": 1, "exercise": 2},
        ("prescribe", "progress"): {"Patient": 1, "CarePlan": 1},
    }
    for scopes, kinds in expected.items():
        clinician = await signed_in_user(client, unique_email("scoped"))
        await _join(client, team, clinician)
        await take_into_care(client, clinician, team.clinic_id, team.patient, list(scopes))
        answer = await client.get(
            f"{clinic_base(team)}/Patient/{team.patient.id}/$everything",
            headers=clinician.headers,
        )
        assert answer.status_code == 200, (scopes, answer.text)
        reading.bundle(answer.json(), PUBLIC + clinic_base(team))
        assert _kinds(answer.json()) == kinds, scopes
        plan = await client.get(
            f"{clinic_base(team)}/CarePlan/{routine_id}", headers=clinician.headers
        )
        if "CarePlan" in kinds:
            assert plan.status_code == 200, plan.text
        else:
            outcome_of(plan, 403, "forbidden")

    progress_only = await signed_in_user(client, unique_email("progress"))
    await _join(client, team, progress_only)
    await take_into_care(client, progress_only, team.clinic_id, team.patient, ["progress"])
    body = outcome_of(
        await client.get(
            f"{clinic_base(team)}/Patient/{team.patient.id}/$everything",
            headers=progress_only.headers,
        ),
        403,
        "forbidden",
    )
    assert body["issue"][0]["details"]["coding"][0]["code"] == "scope-not-granted"


async def _join(client: httpx.AsyncClient, team: CareTeam, member: SignedIn) -> None:
    await join_clinic(client, team.owner, team.clinic_id, member)


async def test_nobody_outside_the_relationship_reads_and_a_revocation_stops_the_next_read(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    routine_id = await _patient_data(client, team)
    everything = f"{clinic_base(team)}/Patient/{team.patient.id}/$everything"
    care_plan = f"{clinic_base(team)}/CarePlan/{routine_id}"
    for reader in (team.colleague, team.outsider, team.owner, team.patient):
        outcome_of(await client.get(everything, headers=reader.headers), 404, "not-found")
        outcome_of(await client.get(care_plan, headers=reader.headers), 404, "not-found")
    elsewhere = f"/api/v1/clinics/{uuid.uuid4()}/fhir/Patient/{team.patient.id}/$everything"
    outcome_of(await client.get(elsewhere, headers=team.clinician.headers), 404, "not-found")
    # The clinician's own FHIR base is theirs alone: not a way into the patient's data.
    outcome_of(
        await client.get(
            f"{FHIR}/Patient/{team.patient.id}/$everything", headers=team.clinician.headers
        ),
        404,
        "not-found",
    )
    outcome_of(await client.get(everything), 401, "login")
    assert (await client.get(everything, headers=team.clinician.headers)).status_code == 200

    revoked = await client.delete(
        f"/api/v1/me/care-relationships/{team.relationship_id}", headers=team.patient.headers
    )
    assert revoked.status_code == 204
    outcome_of(await client.get(everything, headers=team.clinician.headers), 404, "not-found")
    outcome_of(await client.get(care_plan, headers=team.clinician.headers), 404, "not-found")
    log = await _access_log(client, team)
    assert [e["resource"] for e in log] == ["fhir:Patient/$everything", f"routine:{routine_id}"]
