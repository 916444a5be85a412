"""The role matrix's rows for the operations of app.health (tests/role_matrix.py)."""

from __future__ import annotations

from tests.role_matrix import PUBLIC_OK, Case, Rows

ROWS: Rows = {
    # The service's probes: public.
    ("GET", "/healthz"): Case(PUBLIC_OK),
    ("GET", "/readyz"): Case(PUBLIC_OK),
}
