"""The role matrix's rows for the operations of app.care.prescriptions (tests/role_matrix.py)."""

from __future__ import annotations

import uuid
from typing import Any

from tests.factories import routine_payload
from tests.role_matrix import IN_CARE_403, Case, Rows, World, json_body


async def _current_prescription(world: World) -> dict[str, Any]:
    """A revision sent with the prescription's current ETag (read as the patient)."""
    current = await world.client.get(
        f"/api/v1/routines/{world.params['prescription_id']}",
        headers=world.users["patient"].headers,
    )
    etag = current.headers["etag"]
    return {"json": {"notes": f"matrix {uuid.uuid4()}"}, "headers": {"If-Match": etag}}


ROWS: Rows = {
    # The care team's prescriptions for the patient: the clinician in care, with the scope.
    ("GET", "/api/v1/clinics/{clinic_id}/patients/{patient_id}/routines"): Case(IN_CARE_403),
    ("POST", "/api/v1/clinics/{clinic_id}/patients/{patient_id}/routines"): Case(
        "401 404 404 201 404 404 404 404 403", json_body(lambda w: {"routine": routine_payload()})
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
}
