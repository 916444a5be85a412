"""The role matrix's rows for the operations of app.logbook.sessions (tests/role_matrix.py)."""

from __future__ import annotations

from tests.factories import session_payload
from tests.role_matrix import PATIENTS_OWN, SIGNED_IN_OK, Case, Rows, json_body

ROWS: Rows = {
    # Sessions: each caller's own; the one named is the patient's.
    ("GET", "/api/v1/sessions"): Case(SIGNED_IN_OK),
    ("POST", "/api/v1/sessions"): Case(
        "401 201 201 201 201 201 201 201", json_body(lambda w: session_payload())
    ),
    ("GET", "/api/v1/sessions/export"): Case(SIGNED_IN_OK),
    ("GET", "/api/v1/sessions/{session_id}"): Case(PATIENTS_OWN),
    ("PATCH", "/api/v1/sessions/{session_id}"): Case(
        "401 428 404 404 404 404 404 404", json_body(lambda w: {"notes": "matrix"})
    ),
    ("PUT", "/api/v1/sessions/{session_id}/entries"): Case(
        "401 428 404 404 404 404 404 404", json_body(lambda w: {"entries": []})
    ),
    ("POST", "/api/v1/sessions/{session_id}/entries"): Case(
        "401 428 404 404 404 404 404 404", json_body(lambda w: {"entries": []})
    ),
    ("DELETE", "/api/v1/sessions/{session_id}"): Case("401 428 404 404 404 404 404 404"),
}
