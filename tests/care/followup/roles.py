"""The role matrix's rows for the operations of app.care.followup (tests/role_matrix.py)."""

from __future__ import annotations

from tests.role_matrix import IN_CARE_403, Case, Rows, json_body

ROWS: Rows = {
    # The care team's follow-up of the patient: alerts, comments on sessions.
    ("GET", "/api/v1/clinics/{clinic_id}/patients/{patient_id}/alerts"): Case(IN_CARE_403),
    # Acknowledging again with the same note is a safe retry (200).
    (
        "POST",
        "/api/v1/clinics/{clinic_id}/patients/{patient_id}/alerts/{alert_id}/acknowledge",
    ): Case(IN_CARE_403, json_body(lambda w: {"note": "Seen by the matrix."})),
    (
        "GET",
        "/api/v1/clinics/{clinic_id}/patients/{patient_id}/sessions/{session_id}/comments",
    ): Case(IN_CARE_403),
    (
        "POST",
        "/api/v1/clinics/{clinic_id}/patients/{patient_id}/sessions/{session_id}/comments",
    ): Case("401 404 404 201 404 404 404 404 403", json_body(lambda w: {"body": "Good form."})),
}
