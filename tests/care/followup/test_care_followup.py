"""The care team follows a patient up: lists and acknowledges alerts, comments on sessions.

Every call goes through `patient_access` and lands in the patient's access log; nobody
outside the relationship gets more than the same 404.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import Session

from app.users import service as users_service
from tests.factories import (
    CareTeam,
    SignedIn,
    care_team,
    sign_in,
    signed_in_user,
    take_into_care,
    unique_email,
)
from tests.logbook.alerts.helpers import alerts, log


async def _access_log(client: httpx.AsyncClient, user: SignedIn) -> list[dict[str, Any]]:
    answer = await client.get("/api/v1/me/access-log", params={"limit": 100}, headers=user.headers)
    assert answer.status_code == 200, answer.text
    return list(answer.json()["items"])


async def _painful_session(client: httpx.AsyncClient, team: CareTeam) -> tuple[str, str]:
    """(session id, pain alert id) of a session the patient logs with pain 8."""
    logged = await log(client, team.patient, "2026-11-20T07:30:00Z", 8)
    (alert,) = [a for a in await alerts(client, team.patient) if a["kind"] == "pain"]
    return logged["id"], alert["id"]


async def test_the_clinician_acknowledges_an_alert_and_the_patient_sees_the_note(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    _, alert_id = await _painful_session(client, team)
    listed = await client.get(
        team.patient_path("/alerts"), params={"status": "open"}, headers=team.clinician.headers
    )
    assert listed.status_code == 200, listed.text
    assert alert_id in {a["id"] for a in listed.json()["items"]}
    acknowledged = await client.post(
        team.patient_path(f"/alerts/{alert_id}/acknowledge"),
        json={"note": "Seen; lower the dosage on Thursday."},
        headers=team.clinician.headers,
    )
    assert acknowledged.status_code == 200, acknowledged.text
    body = acknowledged.json()
    assert body["status"] == "acknowledged"
    assert body["acknowledged_by"] == str(team.clinician.id)
    assert body["acknowledged_clinic_id"] == str(team.clinic_id)
    (mine,) = await alerts(client, team.patient, status="acknowledged")
    assert mine["acknowledgement_note"] == "Seen; lower the dosage on Thursday."
    assert mine["acknowledged_at"] == body["acknowledged_at"]
    entries = [(e["action"], e["resource"]) for e in await _access_log(client, team.patient)]
    assert entries[:2] == [("update", f"alert:{alert_id}"), ("read", "alerts")]


async def test_concurrent_acknowledges_over_http_one_wins_the_rest_409_and_a_retry_is_200(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    _, alert_id = await _painful_session(client, team)
    url = team.patient_path(f"/alerts/{alert_id}/acknowledge")
    answers = await asyncio.gather(
        *[
            client.post(url, json={"note": f"note {n}"}, headers=team.clinician.headers)
            for n in range(16)
        ]
    )
    codes = sorted(a.status_code for a in answers)
    assert codes == [200] + [409] * 15
    (winner,) = [a for a in answers if a.status_code == 200]
    note = winner.json()["acknowledgement_note"]
    retried = await client.post(url, json={"note": note}, headers=team.clinician.headers)
    assert retried.status_code == 200 and retried.json() == winner.json()
    (mine,) = await alerts(client, team.patient, status="acknowledged")
    assert mine["acknowledgement_note"] == note


@pytest.mark.parametrize(
    "note", ["", "x" * 501, "nul\u0000", "esc\u001b[2J", "two\nlines", 42, None]
)
async def test_a_bad_note_is_422_and_changes_nothing(client: httpx.AsyncClient, note: Any) -> None:
    team = await care_team(client)
    _, alert_id = await _painful_session(client, team)
    answer = await client.post(
        team.patient_path(f"/alerts/{alert_id}/acknowledge"),
        json={"note": note},
        headers=team.clinician.headers,
    )
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    assert await alerts(client, team.patient, status="acknowledged") == []


async def test_an_alert_of_another_patient_is_404_through_this_patients_path(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    other = await signed_in_user(client, unique_email("other"))
    await take_into_care(client, team.clinician, team.clinic_id, other)
    await log(client, other, "2026-11-20T07:30:00Z", 9)
    (others,) = [a for a in await alerts(client, other) if a["kind"] == "pain"]
    answer = await client.post(
        team.patient_path(f"/alerts/{others['id']}/acknowledge"),
        json={"note": "wrong patient"},
        headers=team.clinician.headers,
    )
    assert answer.status_code == 404
    assert await alerts(client, other, status="acknowledged") == []
    assert not [e for e in await _access_log(client, team.patient) if e["action"] == "update"]


async def test_the_clinician_comments_and_the_patient_reads_it(client: httpx.AsyncClient) -> None:
    team = await care_team(client)
    session_id, _ = await _painful_session(client, team)
    path = team.patient_path(f"/sessions/{session_id}/comments")
    body = {"id": str(uuid.uuid4()), "body": "Pain 8 is too much:\tstop the clamshells."}
    answers = await asyncio.gather(
        *[client.post(path, json=body, headers=team.clinician.headers) for _ in range(16)]
    )
    assert sorted(a.status_code for a in answers) == [200] * 15 + [201]
    clash = await client.post(
        path, json={**body, "body": "something else"}, headers=team.clinician.headers
    )
    assert clash.status_code == 409
    mine = await client.get(f"/api/v1/sessions/{session_id}/comments", headers=team.patient.headers)
    assert [(c["id"], c["body"], c["author_id"], c["clinic_id"]) for c in mine.json()["items"]] == [
        (body["id"], body["body"], str(team.clinician.id), str(team.clinic_id))
    ]
    theirs = await client.get(path, headers=team.clinician.headers)
    assert theirs.status_code == 200 and theirs.json() == mine.json()
    resources = {(e["action"], e["resource"]) for e in await _access_log(client, team.patient)}
    assert ("create", f"session:{session_id}:comments") in resources
    assert ("read", f"session:{session_id}:comments") in resources


async def test_a_comment_on_a_session_not_the_patients_is_404(client: httpx.AsyncClient) -> None:
    team = await care_team(client)
    other = await signed_in_user(client, unique_email("other"))
    await take_into_care(client, team.clinician, team.clinic_id, other)
    logged = await log(client, other, "2026-11-20T07:30:00Z", 1)
    path = team.patient_path(f"/sessions/{logged['id']}/comments")
    for answer in (
        await client.post(path, json={"body": "hello"}, headers=team.clinician.headers),
        await client.get(path, headers=team.clinician.headers),
    ):
        assert answer.status_code == 404
    mine = await client.get(f"/api/v1/sessions/{logged['id']}/comments", headers=other.headers)
    assert mine.json()["items"] == []


@pytest.mark.parametrize(
    ("granted", "tail", "expected"),
    [(["sessions"], "/alerts", 403), (["alerts"], "/sessions/{session}/comments", 403)],
)
async def test_an_operation_outside_the_granted_scopes_is_403(
    client: httpx.AsyncClient, granted: list[str], tail: str, expected: int
) -> None:
    team = await care_team(client)
    patient = await signed_in_user(client, unique_email("partial"))
    await take_into_care(client, team.colleague, team.clinic_id, patient, granted)
    logged = await log(client, patient, "2026-11-20T07:30:00Z", 1)
    path = f"/api/v1/clinics/{team.clinic_id}/patients/{patient.id}" + tail.format(
        session=logged["id"]
    )
    answer = await client.get(path, headers=team.colleague.headers)
    assert answer.status_code == expected
    assert answer.json()["type"].endswith("scope-not-granted")


async def test_after_the_patient_revokes_the_care_team_gets_404_and_changes_nothing(
    client: httpx.AsyncClient,
) -> None:
    team = await care_team(client)
    session_id, alert_id = await _painful_session(client, team)
    revoked = await client.delete(
        f"/api/v1/me/care-relationships/{team.relationship_id}", headers=team.patient.headers
    )
    assert revoked.status_code in (200, 204)
    calls = [
        ("GET", team.patient_path("/alerts"), None),
        ("POST", team.patient_path(f"/alerts/{alert_id}/acknowledge"), {"note": "late"}),
        ("GET", team.patient_path(f"/sessions/{session_id}/comments"), None),
        ("POST", team.patient_path(f"/sessions/{session_id}/comments"), {"body": "late"}),
    ]
    for method, path, body in calls:
        answer = await client.request(method, path, json=body, headers=team.clinician.headers)
        assert answer.status_code == 404, (method, path)
    assert await alerts(client, team.patient, status="acknowledged") == []


async def test_role_matrix_for_alert_and_comment_operations(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    """Every operation against every role, expected codes in one table."""
    team = await care_team(client)
    session_id, alert_id = await _painful_session(client, team)
    another_patient = await signed_in_user(client, unique_email("another"))
    admin_email = unique_email("admin")
    with Session(app.state.engine) as session:
        users_service.create_admin(session, admin_email, team.patient.password)
    admin_token = (await sign_in(client, admin_email, team.patient.password)).json()
    admin_headers = {"Authorization": f"Bearer {admin_token['access_token']}"}
    roles: dict[str, dict[str, str]] = {
        "anonymous": {},
        "patient": team.patient.headers,
        "another patient": another_patient.headers,
        "clinician in care": team.clinician.headers,
        "clinician of the clinic without the relationship": team.colleague.headers,
        "clinician of another clinic": team.outsider.headers,
        "clinic owner": team.owner.headers,
        "catalog admin": admin_headers,
    }
    operations = {
        "list alerts": ("GET", team.patient_path("/alerts"), None),
        "acknowledge": (
            "POST",
            team.patient_path(f"/alerts/{alert_id}/acknowledge"),
            {"note": "seen"},
        ),
        "list comments": ("GET", team.patient_path(f"/sessions/{session_id}/comments"), None),
        "comment": (
            "POST",
            team.patient_path(f"/sessions/{session_id}/comments"),
            {"id": "6b0e6c1a-1111-4e2a-9c3b-5d4e3f2a1b0c", "body": "seen"},
        ),
    }
    denied = {role: 404 for role in roles} | {"anonymous": 401}
    expected: dict[str, dict[str, int]] = {
        "list alerts": denied | {"clinician in care": 200},
        "acknowledge": denied | {"clinician in care": 200},
        "list comments": denied | {"clinician in care": 200},
        "comment": denied | {"clinician in care": 201},
    }
    seen = {
        operation: {
            role: (await client.request(method, path, json=body, headers=headers)).status_code
            for role, headers in roles.items()
        }
        for operation, (method, path, body) in operations.items()
    }
    assert seen == expected
