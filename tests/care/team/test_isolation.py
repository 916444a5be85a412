"""Two clinics care for one patient: each sees its own prescriptions, comments and
acknowledgements, and nothing that reveals care elsewhere (issue #22); the patient sees
all of it, with who wrote what at which clinic."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import httpx

from app.training.self_checks import examples as assessment_examples
from tests.factories import (
    SignedIn,
    create_clinic,
    routine_payload,
    signed_in_user,
    take_into_care,
    unique_email,
)
from tests.logbook.alerts.helpers import alerts, log


@dataclass(frozen=True)
class TwoClinics:
    patient: SignedIn
    here: SignedIn  # a clinician of the clinic `here_id`
    here_id: uuid.UUID
    there: SignedIn  # a clinician (owner) of another clinic
    there_id: uuid.UUID

    def path(self, clinic_id: uuid.UUID, tail: str) -> str:
        return f"/api/v1/clinics/{clinic_id}/patients/{self.patient.id}{tail}"


async def two_clinics(
    client: httpx.AsyncClient, here_scopes: list[str] | None = None
) -> TwoClinics:
    patient = await signed_in_user(client, unique_email("patient"))
    here = await signed_in_user(client, unique_email("here"), display_name="Dr Here")
    there = await signed_in_user(client, unique_email("there"), display_name="Dr There")
    here_id = await create_clinic(client, here, "Here")
    there_id = await create_clinic(client, there, "There")
    await take_into_care(client, here, here_id, patient, here_scopes)
    await take_into_care(client, there, there_id, patient)
    return TwoClinics(patient, here, here_id, there, there_id)


async def _ok(answer: Any, status: int = 200) -> Any:
    done = await answer
    assert done.status_code == status, done.text
    return done.json()


async def test_a_clinic_reads_only_its_own_comments_the_patient_reads_all(
    client: httpx.AsyncClient,
) -> None:
    two = await two_clinics(client)
    logged = await log(client, two.patient, "2026-11-20T07:30:00Z", 2)
    tail = f"/sessions/{logged['id']}/comments"
    for clinician, clinic_id in ((two.here, two.here_id), (two.there, two.there_id)):
        await _ok(
            client.post(
                two.path(clinic_id, tail),
                json={"body": f"from {clinic_id}"},
                headers=clinician.headers,
            ),
            201,
        )
    here = await _ok(client.get(two.path(two.here_id, tail), headers=two.here.headers))
    assert [(c["clinic_id"], c["body"]) for c in here["items"]] == [
        (str(two.here_id), f"from {two.here_id}")
    ]
    assert str(two.there.id) not in str(here)
    mine = await _ok(
        client.get(f"/api/v1/sessions/{logged['id']}/comments", headers=two.patient.headers)
    )
    assert {(c["clinic_id"], c["author_id"]) for c in mine["items"]} == {
        (str(two.here_id), str(two.here.id)),
        (str(two.there_id), str(two.there.id)),
    }


async def test_a_comment_id_used_at_another_clinic_is_no_retry_here(
    client: httpx.AsyncClient,
) -> None:
    """A clinician of two clinics, the patient in their care at both, sends at the second
    clinic a comment with the id and text of one they wrote at the first: 409, and the
    second clinic's route never answers the first clinic's comment nor logs a write."""
    two = await two_clinics(client)
    logged = await log(client, two.patient, "2026-11-20T07:30:00Z", 2)
    tail = f"/sessions/{logged['id']}/comments"
    comment = {"id": str(uuid.uuid4()), "body": "Keep the pelvis still."}
    await _ok(client.post(two.path(two.here_id, tail), json=comment, headers=two.here.headers), 201)
    second = await create_clinic(client, two.here, "Here too")
    await take_into_care(client, two.here, second, two.patient)
    before = await _ok(client.get("/api/v1/me/access-log", headers=two.patient.headers))
    refused = await client.post(two.path(second, tail), json=comment, headers=two.here.headers)
    assert refused.status_code == 409, refused.text
    assert str(two.here_id) not in refused.text
    after = await _ok(client.get("/api/v1/me/access-log", headers=two.patient.headers))
    assert after["items"] == before["items"]
    listed = await _ok(client.get(two.path(second, tail), headers=two.here.headers))
    assert listed["items"] == []


async def test_another_clinics_acknowledgement_neither_closes_nor_shows_here(
    client: httpx.AsyncClient,
) -> None:
    two = await two_clinics(client)
    await log(client, two.patient, "2026-11-20T07:30:00Z", 8)
    (alert,) = [a for a in await alerts(client, two.patient) if a["kind"] == "pain"]
    acknowledge = f"/alerts/{alert['id']}/acknowledge"
    await _ok(
        client.post(
            two.path(two.there_id, acknowledge),
            json={"note": "There: seen."},
            headers=two.there.headers,
        )
    )
    here = await _ok(
        client.get(
            two.path(two.here_id, "/alerts"), params={"status": "open"}, headers=two.here.headers
        )
    )
    (still_open,) = [a for a in here["items"] if a["id"] == alert["id"]]
    assert still_open["status"] == "open"
    assert still_open["acknowledgements"] == [] and still_open["acknowledgement_note"] is None
    assert "There: seen." not in str(here) and str(two.there_id) not in str(here)
    view = await _ok(
        client.get(f"/api/v1/clinics/{two.here_id}/patients", headers=two.here.headers)
    )
    open_here = len(here["items"])  # the pain alert, and the advice turning to reduce
    assert view["items"][0]["open_alerts"] == open_here
    # Here acknowledges for itself (no 409 for the other clinic's acknowledgement).
    ours = await _ok(
        client.post(
            two.path(two.here_id, acknowledge),
            json={"note": "Here: seen."},
            headers=two.here.headers,
        )
    )
    assert [a["note"] for a in ours["acknowledgements"]] == ["Here: seen."]
    assert ours["acknowledged_clinic_id"] == str(two.here_id)
    view = await _ok(
        client.get(f"/api/v1/clinics/{two.here_id}/patients", headers=two.here.headers)
    )
    assert view["items"][0]["open_alerts"] == open_here - 1
    (mine,) = await alerts(client, two.patient, status="acknowledged")
    assert {
        (a["clinic_id"], a["acknowledged_by"], a["note"]) for a in mine["acknowledgements"]
    } == {
        (str(two.there_id), str(two.there.id), "There: seen."),
        (str(two.here_id), str(two.here.id), "Here: seen."),
    }


async def test_the_clinic_fhir_base_shows_only_the_clinics_prescriptions(
    client: httpx.AsyncClient,
) -> None:
    two = await two_clinics(client)
    own = await _ok(
        client.post(
            "/api/v1/routines", json=routine_payload(name="Mine"), headers=two.patient.headers
        ),
        201,
    )
    theirs = await _ok(
        client.post(
            two.path(two.there_id, "/routines"),
            json={"routine": routine_payload(name="Theirs", notes="There's private note")},
            headers=two.there.headers,
        ),
        201,
    )
    ours = await _ok(
        client.post(
            two.path(two.here_id, "/routines"),
            json={"routine": routine_payload(name="Ours")},
            headers=two.here.headers,
        ),
        201,
    )
    for followed in (own["id"], theirs["id"]):
        await log(client, two.patient, "2026-11-20T07:30:00Z", 1, routine_id=followed)
    base = f"/api/v1/clinics/{two.here_id}/fhir"
    bundle = await client.get(
        f"{base}/Patient/{two.patient.id}/$everything", headers=two.here.headers
    )
    assert bundle.status_code == 200, bundle.text
    plans = [
        e["resource"]["id"]
        for e in bundle.json()["entry"]
        if e["resource"]["resourceType"] == "CarePlan"
    ]
    assert plans == [ours["id"]]
    for hidden in (own["id"], theirs["id"], "There's private note"):
        assert hidden not in bundle.text
    for hidden in (own["id"], theirs["id"]):
        answer = await client.get(f"{base}/CarePlan/{hidden}", headers=two.here.headers)
        assert answer.status_code == 404, answer.text
    sessions = await _ok(client.get(two.path(two.here_id, "/sessions"), headers=two.here.headers))
    assert [s["routine_id"] for s in sessions["items"]] == [None, None]


async def _painful_self_check(client: httpx.AsyncClient, patient: SignedIn) -> dict[str, Any]:
    check = {**assessment_examples.check(), "pain": 9}
    made: dict[str, Any] = await _ok(
        client.post("/api/v1/me/assessments", json=check, headers=patient.headers), 201
    )
    return made


async def _log_of(client: httpx.AsyncClient, patient: SignedIn) -> list[dict[str, Any]]:
    page = await _ok(
        client.get("/api/v1/me/access-log", params={"limit": 100}, headers=patient.headers)
    )
    return list(page["items"])


async def test_prescribe_without_self_checks_builds_without_reading_the_self_check(
    client: httpx.AsyncClient,
) -> None:
    two = await two_clinics(client, here_scopes=["prescribe"])
    check = await _painful_self_check(client, two.patient)
    built = await client.post(
        two.path(two.here_id, "/routines"),
        json={"builder": {"level": "beginner", "minutes": 15}},
        headers=two.here.headers,
    )
    assert built.status_code == 201, built.text  # a 422 would tell the pain
    assert check["id"] not in built.text and "/10" not in built.text
    assert any("has not granted you `self_checks`" in r for r in built.json()["rationale"])
    (entry,) = [e for e in await _log_of(client, two.patient) if e["clinic_id"] == str(two.here_id)]
    assert entry["resource"] == f"routine:{built.json()['id']}"


async def test_a_builder_refused_by_the_self_check_is_logged_as_its_read(
    client: httpx.AsyncClient,
) -> None:
    two = await two_clinics(client, here_scopes=["prescribe", "self_checks"])
    check = await _painful_self_check(client, two.patient)
    before = len(await _log_of(client, two.patient))
    refused = await client.post(
        two.path(two.here_id, "/routines"),
        json={"builder": {"level": "beginner", "minutes": 15}},
        headers=two.here.headers,
    )
    assert refused.status_code == 422, refused.text
    entries = await _log_of(client, two.patient)
    assert len(entries) == before + 1
    assert entries[0]["resource"] == f"self-check:{check['id']}"


async def test_progress_alone_names_no_single_session(client: httpx.AsyncClient) -> None:
    two = await two_clinics(client, here_scopes=["progress"])
    from datetime import UTC, datetime, timedelta

    started = (datetime.now(UTC) - timedelta(hours=3)).isoformat()
    logged = await log(client, two.patient, started, 8)
    report = await _ok(client.get(two.path(two.here_id, "/progress"), headers=two.here.headers))
    assert report["alerts"] == [] and logged["id"] not in str(report)
    assert report["exercises"]  # the weekly figures stay
    mine = await _ok(client.get("/api/v1/me/progress", headers=two.patient.headers))
    assert [a["session_id"] for a in mine["alerts"]] == [logged["id"]]
    view = await _ok(
        client.get(f"/api/v1/clinics/{two.here_id}/patients", headers=two.here.headers)
    )
    figures = view["items"][0]["figures"]
    assert figures["latest_pain"] is None and figures["last_session_at"] is None
