"""The role matrix's rows for the operations of app.outcomes.instruments (tests/role_matrix.py)."""

from __future__ import annotations

from tests.role_matrix import PUBLIC_OK, Case, Rows

ROWS: Rows = {
    ("GET", "/api/v1/instruments"): Case(PUBLIC_OK),
    ("GET", "/api/v1/instruments/{instrument_id}"): Case(PUBLIC_OK),
}
