"""The role matrix's rows for the operations of app.exports.account (tests/role_matrix.py)."""

from __future__ import annotations

from tests.role_matrix import SIGNED_IN_OK, Case, Rows

ROWS: Rows = {
    # The export of an account: each caller's own.
    ("GET", "/api/v1/me/export"): Case(SIGNED_IN_OK),
}
