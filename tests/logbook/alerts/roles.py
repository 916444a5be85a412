"""The role matrix's rows for the operations of app.logbook.alerts (tests/role_matrix.py)."""

from __future__ import annotations

from tests.role_matrix import SIGNED_IN_OK, Case, Rows

ROWS: Rows = {
    # Alerts: the patient's own (the care team's, with the scope, in care/followup).
    ("GET", "/api/v1/me/alerts"): Case(SIGNED_IN_OK),
}
