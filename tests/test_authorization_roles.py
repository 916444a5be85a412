"""The authorization matrix by role: every operation of the OpenAPI document, called by
each of nine callers, against ONE table of expected status codes.

The callers: anonymous; the patient (who owns the data the paths name); another patient;
the clinician with the patient in care; a colleague in the same clinic without the
relationship; the owner of another clinic; the clinic's owner (no relationship with the
patient: consent is given to a clinician, not to a clinic); a catalog admin; and a
clinician of the clinic whom the patient granted `progress` only (in care without the
scope an operation needs: 403).

Each row says how the operation is called (its body, made fresh for each call) and what
each caller gets, in the order of ROLES. Writes that would change what later rows rely on
are called so that the route's authorization is passed and a later rule stops them: no
`If-Match` (428), a wrong current password (403), a code of a scratch clinic. The walk
fails for any operation of the spec missing from the table, so a new operation needs a row
(other packages add theirs when they merge).

A second test walks the same table: every operation on a patient's data by a clinician in
care (every path under /clinics/{clinic_id}/ but the clinic's own administration) adds an
entry to the patient's access log.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from fastapi import FastAPI
from sqlmodel import Session

from app.training.self_checks import examples as assessment_examples
from app.users import service as users_service
from app.users.models import UserCreate
from tests.factories import (
    ALL_SCOPES,
    care_code,
    create_clinic,
    exercise_payload,
    routine_payload,
    session_payload,
    unique_email,
)

ROLES = (
    "anonymous",
    "patient",
    "other_patient",
    "clinician",
    "colleague",
    "outsider",
    "owner",
    "admin",
    "narrow",
)
PASSWORD = "role matrix passphrase"
CLINIC = "/api/v1/clinics/{clinic_id}"
# What a clinic's routes do that is not a patient's data: the clinic's own administration.
# Every other route under a clinic (the patients' data, their FHIR export, and any route
# added later) is patient data: the walk requires it to log each call.
CLINIC_ADMINISTRATION = ("/members", "/invitations", "/care-invitations", "/webhooks")
CLINIC_PUBLIC = ("/fhir/metadata",)


def _on_patient_data(path: str) -> bool:
    if not path.startswith(CLINIC + "/"):
        return False
    tail = path.removeprefix(CLINIC)
    if tail in CLINIC_PUBLIC:
        return False
    return not any(tail == p or tail.startswith(p + "/") for p in CLINIC_ADMINISTRATION)


@dataclass
class Account:
    id: uuid.UUID
    email: str
    access_token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


@dataclass
class World:
    """Everyone, and the records the paths name (all the patient's unless said)."""

    app: FastAPI
    client: httpx.AsyncClient
    users: dict[str, Account]
    params: dict[str, str] = field(default_factory=dict)
    scratch_clinic: uuid.UUID | None = None

    def signed_in(self, role: str) -> Account:
        return self.users[role]

    def fresh_sign_in(self) -> str:
        """A new refresh token of the patient's (refresh and logout each use one up)."""
        with Session(self.app.state.engine) as session:
            user = users_service._account_by_id(session, self.users["patient"].id)
            assert user is not None
            token = users_service.issue_sign_in(session, user, self.app.state.settings)
            session.commit()
        return token.refresh_token


Body = Callable[[World], Awaitable[dict[str, Any]]]


@dataclass(frozen=True)
class Case:
    codes: str  # one status per role, in ROLES order (`narrow` may be left out, below)
    body: Body | None = None
    params: dict[str, str] = field(default_factory=dict)  # path parameters for this row
    headers: dict[str, str] = field(default_factory=dict)

    def expected(self) -> dict[str, int]:
        """Per role. `narrow` is a clinician of the clinic in care of the patient with the
        `progress` scope only: where the row leaves it out (an operation on no patient's
        data: `test_patient_data_rows_say_what_a_narrow_grant_gets` holds them to it), it
        gets what the colleague, a clinician of the clinic, gets."""
        statuses = [int(code) for code in self.codes.split()]
        if len(statuses) == len(ROLES) - 1:
            statuses.append(statuses[ROLES.index("colleague")])
        assert len(statuses) == len(ROLES), self.codes
        return dict(zip(ROLES, statuses, strict=True))

    @property
    def names_narrow(self) -> bool:
        return len(self.codes.split()) == len(ROLES)


def _json(make: Callable[[World], Any]) -> Body:
    async def body(world: World) -> dict[str, Any]:
        return {"json": make(world)}

    return body


async def _token_form(world: World) -> dict[str, Any]:
    return {"data": {"username": world.users["patient"].email, "password": PASSWORD}}


async def _clinic_code(world: World) -> dict[str, Any]:
    """A code to join the scratch clinic (owned by the owner): joining it changes nothing
    the other rows rely on."""
    assert world.scratch_clinic is not None
    issued = await world.client.post(
        f"/api/v1/clinics/{world.scratch_clinic}/invitations",
        json={},
        headers=world.users["owner"].headers,
    )
    assert issued.status_code == 201, issued.text
    return {"json": {"code": issued.json()["code"]}}


async def _care_code(world: World) -> dict[str, Any]:
    code = await care_code(
        world.client,
        world.users["clinician"],
        uuid.UUID(world.params["clinic_id"]),  # type: ignore[arg-type]
    )
    return {"json": {"code": code}}


async def _current_prescription(world: World) -> dict[str, Any]:
    """A revision sent with the prescription's current ETag (read as the patient)."""
    current = await world.client.get(
        f"/api/v1/routines/{world.params['prescription_id']}",
        headers=world.users["patient"].headers,
    )
    etag = current.headers["etag"]
    return {"json": {"notes": f"matrix {uuid.uuid4()}"}, "headers": {"If-Match": etag}}


SIGNED_IN_OK = "401 200 200 200 200 200 200 200"
PUBLIC_OK = "200 200 200 200 200 200 200 200"
PATIENTS_OWN = "401 200 404 404 404 404 404 404"  # the patient's record, by id
IN_CARE = "401 404 404 200 404 404 404 404"  # the patient's data, for the clinician in care
IN_CARE_403 = IN_CARE + " 403"  # ... and in care without the scope it needs: 403
MEMBERS = "401 404 404 200 200 404 200 404"  # what any member of the clinic may do
OWNERS = "401 404 404 403 403 404 201 404"  # what only the clinic's owners may do
ADMINS = "401 403 403 403 403 403 403 {}"
CLINIC_OWNERS = "401 404 404 403 403 404 {} 404"  # OWNERS, for a status other than 201
CLINIC_ENDPOINT = {"endpoint_id": "clinic_endpoint_id"}


def _hook(world: World) -> dict[str, Any]:
    return {"url": "https://93.184.215.14/hook", "event_types": ["session.logged"]}


MATRIX: dict[tuple[str, str], Case] = {
    # Service and catalog: public.
    ("GET", "/healthz"): Case(PUBLIC_OK),
    ("GET", "/readyz"): Case(PUBLIC_OK),
    ("GET", "/api/v1/catalog"): Case(PUBLIC_OK),
    ("GET", "/api/v1/equipment"): Case(PUBLIC_OK),
    ("GET", "/api/v1/exercises"): Case(PUBLIC_OK),
    ("GET", "/api/v1/exercises/{slug}"): Case(PUBLIC_OK),
    ("GET", "/api/v1/muscles"): Case(PUBLIC_OK),
    ("GET", "/api/v1/muscles/{slug}"): Case(PUBLIC_OK, params={"slug": "gluteus-medius"}),
    # The catalog's writes: admins only (no If-Match: 428 once past the role check).
    ("POST", "/api/v1/exercises"): Case(
        ADMINS.format(201),
        _json(lambda w: exercise_payload(slug=f"matrix-{uuid.uuid4().hex[:10]}")),
    ),
    ("PATCH", "/api/v1/exercises/{slug}"): Case(
        ADMINS.format(428), _json(lambda w: {"summary": "Changed by the matrix."})
    ),
    ("DELETE", "/api/v1/exercises/{slug}"): Case(ADMINS.format(428)),
    # Accounts: the auth routes ignore a bearer token.
    ("POST", "/api/v1/auth/register"): Case(
        "201 201 201 201 201 201 201 201",
        _json(lambda w: {"email": unique_email("matrix"), "password": PASSWORD}),
    ),
    ("POST", "/api/v1/auth/token"): Case(PUBLIC_OK, _token_form),
    ("POST", "/api/v1/auth/refresh"): Case(
        PUBLIC_OK, _json(lambda w: {"refresh_token": w.fresh_sign_in()})
    ),
    ("POST", "/api/v1/auth/logout"): Case(
        "204 204 204 204 204 204 204 204",
        _json(lambda w: {"refresh_token": w.fresh_sign_in()}),
    ),
    ("GET", "/api/v1/me"): Case(SIGNED_IN_OK),
    ("PATCH", "/api/v1/me"): Case(
        "401 428 428 428 428 428 428 428", _json(lambda w: {"units": "imperial"})
    ),
    ("DELETE", "/api/v1/me"): Case(
        "401 428 428 428 428 428 428 428", _json(lambda w: {"password": PASSWORD})
    ),
    ("POST", "/api/v1/me/password"): Case(
        "401 403 403 403 403 403 403 403",
        _json(lambda w: {"current_password": "not the password", "new_password": PASSWORD + "!"}),
    ),
    ("GET", "/api/v1/me/export"): Case(SIGNED_IN_OK),
    # Routines: each caller's own; the one named is the patient's.
    ("GET", "/api/v1/routines"): Case(SIGNED_IN_OK),
    ("POST", "/api/v1/routines"): Case(
        "401 201 201 201 201 201 201 201", _json(lambda w: routine_payload())
    ),
    ("POST", "/api/v1/routine-builder"): Case(
        SIGNED_IN_OK, _json(lambda w: {"level": "beginner", "minutes": 15})
    ),
    ("GET", "/api/v1/routines/{routine_id}"): Case(PATIENTS_OWN),
    ("PATCH", "/api/v1/routines/{routine_id}"): Case(
        "401 428 404 404 404 404 404 404", _json(lambda w: {"name": "Renamed"})
    ),
    ("DELETE", "/api/v1/routines/{routine_id}"): Case("401 428 404 404 404 404 404 404"),
    ("POST", "/api/v1/routines/{routine_id}/copy"): Case("401 201 404 404 404 404 404 404"),
    ("GET", "/api/v1/routines/{routine_id}/timeline"): Case(PATIENTS_OWN),
    ("GET", "/api/v1/routines/{routine_id}/versions"): Case(PATIENTS_OWN),
    ("GET", "/api/v1/routines/{routine_id}/versions/{version}"): Case(PATIENTS_OWN),
    ("GET", "/api/v1/routines/{routine_id}/handout"): Case(
        PATIENTS_OWN, headers={"Accept": "text/html"}
    ),
    # Sessions and self-checks: each caller's own; the one named is the patient's.
    ("GET", "/api/v1/sessions"): Case(SIGNED_IN_OK),
    ("POST", "/api/v1/sessions"): Case(
        "401 201 201 201 201 201 201 201", _json(lambda w: session_payload())
    ),
    ("GET", "/api/v1/sessions/export"): Case(SIGNED_IN_OK),
    ("GET", "/api/v1/sessions/{session_id}"): Case(PATIENTS_OWN),
    ("PATCH", "/api/v1/sessions/{session_id}"): Case(
        "401 428 404 404 404 404 404 404", _json(lambda w: {"notes": "matrix"})
    ),
    ("PUT", "/api/v1/sessions/{session_id}/entries"): Case(
        "401 428 404 404 404 404 404 404", _json(lambda w: {"entries": []})
    ),
    ("POST", "/api/v1/sessions/{session_id}/entries"): Case(
        "401 428 404 404 404 404 404 404", _json(lambda w: {"entries": []})
    ),
    ("DELETE", "/api/v1/sessions/{session_id}"): Case("401 428 404 404 404 404 404 404"),
    ("GET", "/api/v1/me/assessments"): Case(SIGNED_IN_OK),
    ("POST", "/api/v1/me/assessments"): Case(
        "401 201 201 201 201 201 201 201", _json(lambda w: assessment_examples.check())
    ),
    ("GET", "/api/v1/me/assessments/{assessment_id}"): Case(PATIENTS_OWN),
    ("GET", "/api/v1/me/progress"): Case(SIGNED_IN_OK),
    # Share links: each caller's own; the link is the credential of /shared/{token}.
    ("POST", "/api/v1/me/share-links"): Case(
        "401 201 201 201 201 201 201 201", _json(lambda w: {"kind": "progress"})
    ),
    ("GET", "/api/v1/me/share-links"): Case(SIGNED_IN_OK),
    ("DELETE", "/api/v1/me/share-links/{link_id}"): Case("401 204 404 404 404 404 404 404"),
    ("GET", "/api/v1/shared/{token}"): Case(PUBLIC_OK, headers={"Accept": "application/json"}),
    # The care team. Clinics: members see them; owners manage them.
    ("POST", "/api/v1/clinics"): Case(
        "401 201 201 201 201 201 201 201", _json(lambda w: {"name": "Matrix clinic"})
    ),
    ("GET", "/api/v1/clinics"): Case(SIGNED_IN_OK),
    ("GET", "/api/v1/clinics/{clinic_id}"): Case(MEMBERS),
    ("PATCH", "/api/v1/clinics/{clinic_id}"): Case(
        "401 404 404 403 403 404 428 404", _json(lambda w: {"name": "Renamed"})
    ),
    ("GET", "/api/v1/clinics/{clinic_id}/members"): Case(MEMBERS),
    # The colleague is a clinician already: the owner's change is a no-op (200).
    ("PATCH", "/api/v1/clinics/{clinic_id}/members/{user_id}"): Case(
        "401 404 404 403 403 404 200 404", _json(lambda w: {"role": "clinician"})
    ),
    # A spare member the owner removes (the admin, after, finds no clinic: 404).
    ("DELETE", "/api/v1/clinics/{clinic_id}/members/{user_id}"): Case(
        "401 404 404 403 403 404 204 404", params={"user_id": "spare_id"}
    ),
    ("POST", "/api/v1/clinics/{clinic_id}/invitations"): Case(OWNERS, _json(lambda w: {})),
    ("GET", "/api/v1/clinics/{clinic_id}/invitations"): Case(CLINIC_OWNERS.format(200)),
    # An open code of the clinic; revoking is idempotent, so the row's order is free.
    ("DELETE", "/api/v1/clinics/{clinic_id}/invitations/{invitation_id}"): Case(
        CLINIC_OWNERS.format(204)
    ),
    ("POST", "/api/v1/clinic-invitations/accept"): Case(
        "401 200 200 200 200 200 409 200", _clinic_code
    ),
    # Consent: the clinician's code; the patient already has this relationship (409), the
    # clinician cannot accept their own (422), anyone else becomes their patient.
    ("POST", "/api/v1/clinics/{clinic_id}/care-invitations"): Case(
        "401 404 404 201 201 404 201 404", _json(lambda w: {"scopes": ALL_SCOPES})
    ),
    # Each member lists their own care codes; only the issuer (the clinician) revokes one.
    ("GET", "/api/v1/clinics/{clinic_id}/care-invitations"): Case(MEMBERS),
    ("DELETE", "/api/v1/clinics/{clinic_id}/care-invitations/{invitation_id}"): Case(
        "401 404 404 204 404 404 404 404", params={"invitation_id": "care_invitation_id"}
    ),
    ("POST", "/api/v1/me/care-invitations/preview"): Case(SIGNED_IN_OK, _care_code),
    ("POST", "/api/v1/me/care-relationships"): Case("401 409 201 422 201 201 201 201", _care_code),
    ("GET", "/api/v1/me/care-relationships"): Case(SIGNED_IN_OK),
    # The patient's relationship with the outsider's clinic, revoked by the patient only.
    ("DELETE", "/api/v1/me/care-relationships/{relationship_id}"): Case(
        "401 204 404 404 404 404 404 404"
    ),
    ("GET", "/api/v1/me/access-log"): Case(SIGNED_IN_OK),
    # A patient's data: only the clinician in care; the clinic's owner and colleague
    # without the relationship get what a stranger gets.
    ("GET", "/api/v1/clinics/{clinic_id}/patients"): Case(MEMBERS + " 200"),
    ("GET", "/api/v1/clinics/{clinic_id}/patients/{patient_id}/sessions"): Case(IN_CARE_403),
    ("GET", "/api/v1/clinics/{clinic_id}/patients/{patient_id}/progress"): Case(IN_CARE + " 200"),
    ("GET", "/api/v1/clinics/{clinic_id}/patients/{patient_id}/assessments"): Case(IN_CARE_403),
    # The care team's work on the patient (prescriptions, alerts, comments, FHIR export).
    ("GET", "/api/v1/clinics/{clinic_id}/patients/{patient_id}/routines"): Case(IN_CARE_403),
    ("POST", "/api/v1/clinics/{clinic_id}/patients/{patient_id}/routines"): Case(
        "401 404 404 201 404 404 404 404 403", _json(lambda w: {"routine": routine_payload()})
    ),
    ("GET", "/api/v1/clinics/{clinic_id}/patients/{patient_id}/routines/{routine_id}"): Case(
        IN_CARE_403, params={"routine_id": "prescription_id"}
    ),
    ("PATCH", "/api/v1/clinics/{clinic_id}/patients/{patient_id}/routines/{routine_id}"): Case(
        IN_CARE_403, _current_prescription, params={"routine_id": "prescription_id"}
    ),
    (
        "GET",
        "/api/v1/clinics/{clinic_id}/patients/{patient_id}/routines/{routine_id}/versions",
    ): Case(IN_CARE_403, params={"routine_id": "prescription_id"}),
    ("GET", "/api/v1/clinics/{clinic_id}/patients/{patient_id}/deleted-prescriptions"): Case(
        IN_CARE_403
    ),
    ("GET", "/api/v1/clinics/{clinic_id}/patients/{patient_id}/alerts"): Case(IN_CARE_403),
    # Acknowledging again with the same note is a safe retry (200).
    (
        "POST",
        "/api/v1/clinics/{clinic_id}/patients/{patient_id}/alerts/{alert_id}/acknowledge",
    ): Case(IN_CARE_403, _json(lambda w: {"note": "Seen by the matrix."})),
    (
        "GET",
        "/api/v1/clinics/{clinic_id}/patients/{patient_id}/sessions/{session_id}/comments",
    ): Case(IN_CARE_403),
    (
        "POST",
        "/api/v1/clinics/{clinic_id}/patients/{patient_id}/sessions/{session_id}/comments",
    ): Case("401 404 404 201 404 404 404 404 403", _json(lambda w: {"body": "Good form."})),
    ("GET", "/api/v1/clinics/{clinic_id}/fhir/Patient/{patient_id}/$everything"): Case(IN_CARE_403),
    ("GET", "/api/v1/clinics/{clinic_id}/fhir/CarePlan/{care_plan_id}"): Case(
        IN_CARE_403, params={"care_plan_id": "prescription_id"}
    ),
    # Alerts and session comments: the patient's own; the care team's with the scope.
    ("GET", "/api/v1/me/alerts"): Case(SIGNED_IN_OK),
    ("GET", "/api/v1/sessions/{session_id}/comments"): Case(PATIENTS_OWN),
    # The calendar feed: each caller's own token; the feed itself takes only the feed
    # token (none sent here: 422 whoever signs in, a bearer token grants nothing).
    ("POST", "/api/v1/me/calendar-token"): Case(
        "401 201 201 201 201 201 201 201", _json(lambda w: {})
    ),
    ("DELETE", "/api/v1/me/calendar-token"): Case("401 204 204 204 204 204 204 204"),
    ("GET", "/api/v1/me/calendar.ics"): Case("422 422 422 422 422 422 422 422"),
    # Webhook endpoints: each caller's own (the one named is the patient's), and a clinic's
    # for its owners only (a public address: these settings allow-list no network).
    ("POST", "/api/v1/me/webhooks"): Case("401 201 201 201 201 201 201 201", _json(_hook)),
    ("GET", "/api/v1/me/webhooks"): Case(SIGNED_IN_OK),
    ("GET", "/api/v1/me/webhooks/{endpoint_id}"): Case(PATIENTS_OWN),
    ("PATCH", "/api/v1/me/webhooks/{endpoint_id}"): Case(
        "401 428 404 404 404 404 404 404", _json(lambda w: {"description": "matrix"})
    ),
    ("DELETE", "/api/v1/me/webhooks/{endpoint_id}"): Case("401 428 404 404 404 404 404 404"),
    ("POST", "/api/v1/me/webhooks/{endpoint_id}/rotate-secret"): Case(
        "401 428 404 404 404 404 404 404"
    ),
    ("GET", "/api/v1/me/webhooks/{endpoint_id}/deliveries"): Case(PATIENTS_OWN),
    ("POST", "/api/v1/me/webhooks/{endpoint_id}/ping"): Case("401 202 404 404 404 404 404 404"),
    ("POST", "/api/v1/clinics/{clinic_id}/webhooks"): Case(OWNERS, _json(_hook)),
    ("GET", "/api/v1/clinics/{clinic_id}/webhooks"): Case(CLINIC_OWNERS.format(200)),
    ("GET", "/api/v1/clinics/{clinic_id}/webhooks/{endpoint_id}"): Case(
        CLINIC_OWNERS.format(200), params=CLINIC_ENDPOINT
    ),
    ("PATCH", "/api/v1/clinics/{clinic_id}/webhooks/{endpoint_id}"): Case(
        CLINIC_OWNERS.format(428), _json(lambda w: {"enabled": False}), params=CLINIC_ENDPOINT
    ),
    ("DELETE", "/api/v1/clinics/{clinic_id}/webhooks/{endpoint_id}"): Case(
        CLINIC_OWNERS.format(428), params=CLINIC_ENDPOINT
    ),
    ("POST", "/api/v1/clinics/{clinic_id}/webhooks/{endpoint_id}/rotate-secret"): Case(
        CLINIC_OWNERS.format(428), params=CLINIC_ENDPOINT
    ),
    ("GET", "/api/v1/clinics/{clinic_id}/webhooks/{endpoint_id}/deliveries"): Case(
        CLINIC_OWNERS.format(200), params=CLINIC_ENDPOINT
    ),
    ("POST", "/api/v1/clinics/{clinic_id}/webhooks/{endpoint_id}/ping"): Case(
        CLINIC_OWNERS.format(202), params=CLINIC_ENDPOINT
    ),
    # FHIR: definitions public like the catalog; a patient's resources as their REST twins.
    ("GET", "/api/v1/fhir/metadata"): Case(PUBLIC_OK),
    ("GET", "/api/v1/fhir/ActivityDefinition"): Case(PUBLIC_OK),
    ("GET", "/api/v1/fhir/ActivityDefinition/{slug}"): Case(PUBLIC_OK),
    ("GET", "/api/v1/fhir/PlanDefinition"): Case(PUBLIC_OK),
    ("GET", "/api/v1/fhir/PlanDefinition/{template_id}"): Case(PUBLIC_OK),
    ("GET", "/api/v1/fhir/CarePlan/{care_plan_id}"): Case(PATIENTS_OWN),
    ("GET", "/api/v1/fhir/Patient/{patient_id}/$everything"): Case(PATIENTS_OWN),
    ("GET", "/api/v1/clinics/{clinic_id}/fhir/metadata"): Case(PUBLIC_OK),
}


def _account(app: FastAPI, role: str) -> Account:
    """An account made through the service (eight sign-ups from one address would meet the
    sign-up limit that the register row itself exercises)."""
    with Session(app.state.engine, expire_on_commit=False) as session:
        email = unique_email(role.replace("_", "-"))
        user = users_service.create_account(
            session, UserCreate(email=email, password=PASSWORD, display_name=role)
        )
        if role == "admin":
            session.delete(user)
            session.commit()
            user = users_service.create_admin(session, email, PASSWORD)
        token = users_service.issue_sign_in(session, user, app.state.settings)
        session.commit()
    return Account(user.id, email, token.access_token)


async def _world(app: FastAPI, client: httpx.AsyncClient) -> World:
    users = {role: _account(app, role) for role in ROLES[1:]}
    world = World(app, client, users)
    owner, clinician, patient = users["owner"], users["clinician"], users["patient"]
    clinic_id = await create_clinic(client, owner)  # type: ignore[arg-type]
    spare = _account(app, "spare")
    narrow = users["narrow"]
    for member in (clinician, users["colleague"], spare, narrow):
        issued = await client.post(
            f"/api/v1/clinics/{clinic_id}/invitations", json={}, headers=owner.headers
        )
        joined = await client.post(
            "/api/v1/clinic-invitations/accept",
            json={"code": issued.json()["code"]},
            headers=member.headers,
        )
        assert joined.status_code == 200, joined.text
    narrow_code = await care_code(client, narrow, clinic_id, ["progress"])  # type: ignore[arg-type]
    granted = await client.post(
        "/api/v1/me/care-relationships", json={"code": narrow_code}, headers=patient.headers
    )
    assert granted.status_code == 201, granted.text
    world.scratch_clinic = await create_clinic(client, owner, "Scratch")  # type: ignore[arg-type]
    code = await care_code(client, clinician, clinic_id)  # type: ignore[arg-type]
    accepted = await client.post(
        "/api/v1/me/care-relationships", json={"code": code}, headers=patient.headers
    )
    assert accepted.status_code == 201, accepted.text
    elsewhere = await create_clinic(client, users["outsider"], "Elsewhere")  # type: ignore[arg-type]
    code = await care_code(client, users["outsider"], elsewhere)  # type: ignore[arg-type]
    spare_relationship = await client.post(
        "/api/v1/me/care-relationships", json={"code": code}, headers=patient.headers
    )
    routine = await client.post("/api/v1/routines", json=routine_payload(), headers=patient.headers)
    logged = await client.post("/api/v1/sessions", json=session_payload(), headers=patient.headers)
    check = await client.post(
        "/api/v1/me/assessments", json=assessment_examples.check(), headers=patient.headers
    )
    painful = session_payload()
    painful["entries"][0]["pain"] = 8  # raises an alert for the patient
    await client.post("/api/v1/sessions", json=painful, headers=patient.headers)
    alerts = await client.get("/api/v1/me/alerts", headers=patient.headers)
    prescribed = await client.post(
        f"/api/v1/clinics/{clinic_id}/patients/{patient.id}/routines",
        json={"routine": routine_payload(name="Prescribed")},
        headers=clinician.headers,
    )
    assert prescribed.status_code == 201, prescribed.text
    shared, spare_link = [
        await client.post(
            "/api/v1/me/share-links", json={"kind": "progress"}, headers=patient.headers
        )
        for _ in range(2)
    ]
    templates = await client.get("/api/v1/routines?template=true")
    open_code = await client.post(
        f"/api/v1/clinics/{clinic_id}/invitations", json={}, headers=owner.headers
    )
    open_care_code = await client.post(
        f"/api/v1/clinics/{clinic_id}/care-invitations",
        json={"scopes": ALL_SCOPES},
        headers=clinician.headers,
    )
    hook = _hook(world)
    own_hook = await client.post("/api/v1/me/webhooks", json=hook, headers=patient.headers)
    clinic_hook = await client.post(
        f"/api/v1/clinics/{clinic_id}/webhooks", json=hook, headers=owner.headers
    )
    world.params = {
        "slug": "clamshell",
        "prescription_id": prescribed.json()["id"],
        "care_plan_id": prescribed.json()["id"],
        "template_id": templates.json()["items"][0]["id"],
        "alert_id": alerts.json()["items"][0]["id"],
        "endpoint_id": own_hook.json()["id"],
        "clinic_endpoint_id": clinic_hook.json()["id"],
        "clinic_id": str(clinic_id),
        "patient_id": str(patient.id),
        "user_id": str(users["colleague"].id),
        "spare_id": str(spare.id),
        "relationship_id": spare_relationship.json()["id"],
        "routine_id": routine.json()["id"],
        "session_id": logged.json()["id"],
        "assessment_id": check.json()["id"],
        "version": "1",
        "link_id": spare_link.json()["id"],
        "invitation_id": open_code.json()["id"],
        "care_invitation_id": open_care_code.json()["id"],
        "token": shared.json()["token"],
    }
    return world


async def _spec_operations(client: httpx.AsyncClient) -> list[tuple[str, str]]:
    spec = (await client.get("/openapi.json")).json()
    return [
        (method.upper(), path)
        for path, item in spec["paths"].items()
        for method in item
        if method in {"get", "post", "put", "patch", "delete"}
    ]


def _path(world: World, path: str, case: Case) -> str:
    filled = path
    for name in world.params:
        chosen = case.params.get(name, name)
        filled = filled.replace("{" + name + "}", world.params.get(chosen, chosen))
    assert "{" not in filled, f"no value for a parameter of {path}"
    return filled


async def _call(world: World, role: str, method: str, path: str, case: Case) -> httpx.Response:
    kwargs = await case.body(world) if case.body else {}
    headers = {**case.headers, **kwargs.pop("headers", {})}
    if role != "anonymous":
        headers.update(world.users[role].headers)
    return await world.client.request(method, _path(world, path, case), headers=headers, **kwargs)


async def test_every_operation_answers_each_role_as_the_table_says(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    operations = await _spec_operations(client)
    missing = sorted(set(operations) - set(MATRIX))
    assert not missing, f"operations with no row in the role matrix: {missing}"
    stale = sorted(set(MATRIX) - set(operations))
    assert not stale, f"rows for operations the spec no longer has: {stale}"
    world = await _world(app, client)
    wrong = []
    for method, path in operations:
        case = MATRIX[(method, path)]
        for role, expected in case.expected().items():
            answer = await _call(world, role, method, path, case)
            if answer.status_code != expected:
                wrong.append((method, path, role, expected, answer.status_code, answer.text[:200]))
    assert not wrong, "\n".join(map(str, wrong))


async def test_every_read_or_write_of_a_patients_data_by_the_clinician_is_logged(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    world = await _world(app, client)
    patient = world.users["patient"]
    on_patient_data = [
        (method, path) for method, path in await _spec_operations(client) if _on_patient_data(path)
    ]
    assert len(on_patient_data) >= 4, "the walk found no patient-data operations"
    missing = sorted(set(on_patient_data) - set(MATRIX))
    assert not missing, f"patient-data operations with no row in the role matrix: {missing}"

    async def logged() -> int:
        page = await client.get("/api/v1/me/access-log?limit=100", headers=patient.headers)
        return len(page.json()["items"])

    for method, path in on_patient_data:
        case = MATRIX[(method, path)]
        before = await logged()
        answer = await _call(world, "clinician", method, path, case)
        assert answer.status_code == case.expected()["clinician"], (method, path, answer.text)
        if answer.is_success:  # a refused write (428) changed nothing, the log included
            assert await logged() == before + 1, (method, path)
        else:
            assert await logged() == before, (method, path)
    # A builder prescription reads the self-check too: still one entry, naming it; refused
    # (the narrow clinician, without `prescribe`), none.
    builder = {"builder": {"level": "beginner", "minutes": 15}}
    prescribe = _path(world, "/api/v1/clinics/{clinic_id}/patients/{patient_id}/routines", Case(""))
    before = await logged()
    refused = await client.post(prescribe, json=builder, headers=world.users["narrow"].headers)
    assert refused.status_code == 403 and await logged() == before
    built = await client.post(prescribe, json=builder, headers=world.users["clinician"].headers)
    assert built.status_code == 201, built.text
    assert await logged() == before + 1
    latest = await client.get("/api/v1/me/access-log?limit=1", headers=patient.headers)
    assert "self-check:" in latest.json()["items"][0]["resource"]


async def test_patient_data_rows_say_what_a_narrow_grant_gets(client: httpx.AsyncClient) -> None:
    """Every operation on a patient's data names the `narrow` clinician's code itself (in
    care, without the scope: 403; with it: the clinician's), never the default."""
    unnamed = [
        (method, path)
        for method, path in await _spec_operations(client)
        if _on_patient_data(path) and not MATRIX[(method, path)].names_narrow
    ]
    assert not unnamed, f"patient-data rows without the narrow clinician's code: {unnamed}"


# Headers two identical requests may answer differently (RFC 9110's Date; nothing else).
PER_REQUEST_HEADERS = frozenset({"date"})


def _comparable(answer: httpx.Response) -> dict[str, str]:
    return {k: v for k, v in answer.headers.items() if k not in PER_REQUEST_HEADERS}


async def test_head_answers_every_get_with_its_status_and_headers_for_each_role(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    """RFC 9110 section 9.3.2: a HEAD is the GET without its body, for every caller (the
    same 200, 401, 403 or 404, and the same Content-Type, Content-Length, ETag...)."""
    world = await _world(app, client)
    gets = [(m, p) for m, p in await _spec_operations(client) if m == "GET"]
    assert len(gets) >= 50, "the walk found too few GET operations"
    wrong = []
    for _, path in gets:
        case = MATRIX[("GET", path)]
        for role in ROLES:
            head = await _call(world, role, "HEAD", path, case)
            got = await _call(world, role, "GET", path, case)
            if head.content:
                wrong.append(("HEAD has a body", path, role, head.content[:80]))
            if head.status_code != got.status_code or _comparable(head) != _comparable(got):
                wrong.append(
                    (path, role, head.status_code, got.status_code, head.headers, got.headers)
                )
    assert not wrong, "\n".join(map(str, wrong))


async def test_a_head_of_a_patients_data_by_the_clinician_is_logged_like_the_get(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    """A HEAD tells what the data's headers say (its ETag, its length): it goes through the
    same access decision and writes the same access-log entry as the GET."""
    world = await _world(app, client)
    patient = world.users["patient"]
    reads = [
        (m, p) for m, p in await _spec_operations(client) if m == "GET" and _on_patient_data(p)
    ]
    assert len(reads) >= 4

    async def logged() -> list[dict[str, Any]]:
        page = await client.get("/api/v1/me/access-log?limit=100", headers=patient.headers)
        items: list[dict[str, Any]] = page.json()["items"]
        return items

    for _, path in reads:
        case = MATRIX[("GET", path)]
        before = await logged()
        answer = await _call(world, "clinician", "HEAD", path, case)
        assert answer.status_code == case.expected()["clinician"], path
        after = await logged()
        assert len(after) == len(before) + (1 if answer.is_success else 0), path
        refused = await _call(world, "narrow", "HEAD", path, case)
        assert refused.status_code == case.expected()["narrow"], path
        if not refused.is_success:
            assert len(await logged()) == len(after), path
