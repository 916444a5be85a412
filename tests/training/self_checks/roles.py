"""The role matrix's rows for the operations of app.training.self_checks (tests/role_matrix.py)."""

from __future__ import annotations

from app.training.self_checks import examples as assessment_examples
from tests.role_matrix import PATIENTS_OWN, SIGNED_IN_OK, Case, Rows, json_body

ROWS: Rows = {
    # Self-checks: each caller's own; the one named is the patient's.
    ("GET", "/api/v1/me/assessments"): Case(SIGNED_IN_OK),
    ("POST", "/api/v1/me/assessments"): Case(
        "401 201 201 201 201 201 201 201", json_body(lambda w: assessment_examples.check())
    ),
    ("GET", "/api/v1/me/assessments/{assessment_id}"): Case(PATIENTS_OWN),
}
