"""The role matrix's rows for the operations of app.care.measures (tests/role_matrix.py)."""

from __future__ import annotations

import uuid
from typing import Any

from tests.role_matrix import IN_CARE_403, Case, Rows, World, json_body

PATIENT = "/api/v1/clinics/{clinic_id}/patients/{patient_id}/measures"


def _measured(world: World) -> dict[str, Any]:
    """Hip abduction strength for the clinic's assignment (a new answer each call)."""
    return {
        "id": str(uuid.uuid4()),
        "assignment_id": world.params["strength_assignment_id"],
        "answers": {"side": "left", "force": 110, "unit": "N"},
    }


ROWS: Rows = {
    ("GET", PATIENT): Case(IN_CARE_403),
    ("POST", PATIENT): Case(
        "401 404 404 201 404 404 404 404 403",
        json_body(lambda w: {"instrument_id": "night-pain", "schedule": {"every_weeks": 4}}),
    ),
    ("GET", PATIENT + "/answers"): Case(IN_CARE_403),
    ("POST", PATIENT + "/answers"): Case(
        "401 404 404 201 404 404 404 404 403", json_body(_measured)
    ),
}
