"""The role matrix's rows for the operations of app.exports.handout (tests/role_matrix.py)."""

from __future__ import annotations

from tests.role_matrix import PATIENTS_OWN, Case, Rows

ROWS: Rows = {
    # The handout of a routine: the patient's own, by id.
    ("GET", "/api/v1/routines/{routine_id}/handout"): Case(
        PATIENTS_OWN, headers={"Accept": "text/html"}
    ),
}
