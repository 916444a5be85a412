"""The role matrix's rows for the operations of app.exports.report (tests/role_matrix.py)."""

from __future__ import annotations

from tests.role_matrix import IN_CARE, SIGNED_IN_OK, Case, Rows

HTML = {"Accept": "text/html"}

ROWS: Rows = {
    # Each caller's own report.
    ("GET", "/api/v1/me/report"): Case(SIGNED_IN_OK, headers=HTML),
    # A patient's report at the clinic: under `progress`, the narrow grant's one scope.
    ("GET", "/api/v1/clinics/{clinic_id}/patients/{patient_id}/report"): Case(
        IN_CARE + " 200", headers=HTML
    ),
}
