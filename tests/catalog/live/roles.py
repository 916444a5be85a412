"""The role matrix's rows for the operations of app.catalog.live (tests/role_matrix.py)."""

from __future__ import annotations

from tests.role_matrix import PUBLIC_OK, Case, Rows

ROWS: Rows = {
    # The catalog: public.
    ("GET", "/api/v1/catalog"): Case(PUBLIC_OK),
}
