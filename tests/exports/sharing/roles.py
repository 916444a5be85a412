"""The role matrix's rows for the operations of app.exports.sharing (tests/role_matrix.py)."""

from __future__ import annotations

from tests.role_matrix import PUBLIC_OK, SIGNED_IN_OK, Case, Rows, json_body

ROWS: Rows = {
    # Share links: each caller's own; the link is the credential of /shared/{token}.
    ("POST", "/api/v1/me/share-links"): Case(
        "401 201 201 201 201 201 201 201", json_body(lambda w: {"kind": "progress"})
    ),
    ("GET", "/api/v1/me/share-links"): Case(SIGNED_IN_OK),
    ("DELETE", "/api/v1/me/share-links/{link_id}"): Case("401 204 404 404 404 404 404 404"),
    ("GET", "/api/v1/shared/{token}"): Case(PUBLIC_OK, headers={"Accept": "application/json"}),
}
