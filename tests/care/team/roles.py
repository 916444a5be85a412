"""The role matrix's rows for the operations of app.care.team (tests/role_matrix.py)."""

from __future__ import annotations

import uuid
from typing import Any

from tests.factories import ALL_SCOPES, care_code
from tests.role_matrix import (
    CLINIC_OWNERS,
    IN_CARE,
    IN_CARE_403,
    MEMBERS,
    OWNERS,
    SIGNED_IN_OK,
    Case,
    Rows,
    World,
    json_body,
)


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


ROWS: Rows = {
    # The care team. Clinics: members see them; owners manage them.
    ("POST", "/api/v1/clinics"): Case(
        "401 201 201 201 201 201 201 201", json_body(lambda w: {"name": "Matrix clinic"})
    ),
    ("GET", "/api/v1/clinics"): Case(SIGNED_IN_OK),
    ("GET", "/api/v1/clinics/{clinic_id}"): Case(MEMBERS),
    ("PATCH", "/api/v1/clinics/{clinic_id}"): Case(
        "401 404 404 403 403 404 428 404", json_body(lambda w: {"name": "Renamed"})
    ),
    ("GET", "/api/v1/clinics/{clinic_id}/members"): Case(MEMBERS),
    # The colleague is a clinician already: the owner's change is a no-op (200).
    ("PATCH", "/api/v1/clinics/{clinic_id}/members/{user_id}"): Case(
        "401 404 404 403 403 404 200 404", json_body(lambda w: {"role": "clinician"})
    ),
    # A spare member the owner removes (the admin, after, finds no clinic: 404).
    ("DELETE", "/api/v1/clinics/{clinic_id}/members/{user_id}"): Case(
        "401 404 404 403 403 404 204 404", params={"user_id": "spare_id"}
    ),
    ("POST", "/api/v1/clinics/{clinic_id}/invitations"): Case(OWNERS, json_body(lambda w: {})),
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
        "401 404 404 201 201 404 201 404", json_body(lambda w: {"scopes": ALL_SCOPES})
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
}
