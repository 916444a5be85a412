"""The role matrix's rows for the operations of app.logbook.comments (tests/role_matrix.py)."""

from __future__ import annotations

from tests.role_matrix import PATIENTS_OWN, Case, Rows

ROWS: Rows = {
    # Comments on a session: the patient's own (written by the care team, care/followup).
    ("GET", "/api/v1/sessions/{session_id}/comments"): Case(PATIENTS_OWN),
}
