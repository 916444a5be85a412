"""The role matrix's rows for the operations of app.training.routines (tests/role_matrix.py)."""

from __future__ import annotations

from tests.factories import routine_payload
from tests.role_matrix import PATIENTS_OWN, SIGNED_IN_OK, Case, Rows, json_body

ROWS: Rows = {
    # Routines: each caller's own; the one named is the patient's.
    ("GET", "/api/v1/routines"): Case(SIGNED_IN_OK),
    ("POST", "/api/v1/routines"): Case(
        "401 201 201 201 201 201 201 201", json_body(lambda w: routine_payload())
    ),
    ("POST", "/api/v1/routine-builder"): Case(
        SIGNED_IN_OK, json_body(lambda w: {"level": "beginner", "minutes": 15})
    ),
    ("GET", "/api/v1/routines/{routine_id}"): Case(PATIENTS_OWN),
    ("PATCH", "/api/v1/routines/{routine_id}"): Case(
        "401 428 404 404 404 404 404 404", json_body(lambda w: {"name": "Renamed"})
    ),
    ("DELETE", "/api/v1/routines/{routine_id}"): Case("401 428 404 404 404 404 404 404"),
    ("POST", "/api/v1/routines/{routine_id}/copy"): Case("401 201 404 404 404 404 404 404"),
    ("GET", "/api/v1/routines/{routine_id}/timeline"): Case(PATIENTS_OWN),
    ("GET", "/api/v1/routines/{routine_id}/versions"): Case(PATIENTS_OWN),
    ("GET", "/api/v1/routines/{routine_id}/versions/{version}"): Case(PATIENTS_OWN),
}
