"""The role matrix's rows for the operations of app.catalog.exercises (tests/role_matrix.py)."""

from __future__ import annotations

import uuid

from tests.factories import exercise_payload
from tests.role_matrix import ADMINS, PUBLIC_OK, Case, Rows, json_body

ROWS: Rows = {
    # The catalog: public.
    ("GET", "/api/v1/equipment"): Case(PUBLIC_OK),
    ("GET", "/api/v1/exercises"): Case(PUBLIC_OK),
    ("GET", "/api/v1/exercises/{slug}"): Case(PUBLIC_OK),
    ("GET", "/api/v1/muscles"): Case(PUBLIC_OK),
    ("GET", "/api/v1/muscles/{slug}"): Case(PUBLIC_OK, params={"slug": "gluteus-medius"}),
    # The catalog's writes: admins only (no If-Match: 428 once past the role check).
    ("POST", "/api/v1/exercises"): Case(
        ADMINS.format(201),
        json_body(lambda w: exercise_payload(slug=f"matrix-{uuid.uuid4().hex[:10]}")),
    ),
    ("PATCH", "/api/v1/exercises/{slug}"): Case(
        ADMINS.format(428), json_body(lambda w: {"summary": "Changed by the matrix."})
    ),
    ("DELETE", "/api/v1/exercises/{slug}"): Case(ADMINS.format(428)),
}
