"""The role matrix's rows for the operations of app.logbook.progress (tests/role_matrix.py)."""

from __future__ import annotations

from tests.role_matrix import SIGNED_IN_OK, Case, Rows

ROWS: Rows = {
    # Progress: each caller's own.
    ("GET", "/api/v1/me/progress"): Case(SIGNED_IN_OK),
}
