"""The role matrix's rows for the operations of app.users (tests/role_matrix.py)."""

from __future__ import annotations

from typing import Any

from tests.factories import unique_email
from tests.role_matrix import PASSWORD, PUBLIC_OK, SIGNED_IN_OK, Case, Rows, World, json_body


async def _token_form(world: World) -> dict[str, Any]:
    return {"data": {"username": world.users["patient"].email, "password": PASSWORD}}


ROWS: Rows = {
    # Accounts: the auth routes ignore a bearer token.
    ("POST", "/api/v1/auth/register"): Case(
        "201 201 201 201 201 201 201 201",
        json_body(lambda w: {"email": unique_email("matrix"), "password": PASSWORD}),
    ),
    ("POST", "/api/v1/auth/token"): Case(PUBLIC_OK, _token_form),
    ("POST", "/api/v1/auth/refresh"): Case(
        PUBLIC_OK, json_body(lambda w: {"refresh_token": w.fresh_sign_in()})
    ),
    ("POST", "/api/v1/auth/logout"): Case(
        "204 204 204 204 204 204 204 204",
        json_body(lambda w: {"refresh_token": w.fresh_sign_in()}),
    ),
    ("GET", "/api/v1/me"): Case(SIGNED_IN_OK),
    ("PATCH", "/api/v1/me"): Case(
        "401 428 428 428 428 428 428 428", json_body(lambda w: {"units": "imperial"})
    ),
    ("DELETE", "/api/v1/me"): Case(
        "401 428 428 428 428 428 428 428", json_body(lambda w: {"password": PASSWORD})
    ),
    ("POST", "/api/v1/me/password"): Case(
        "401 403 403 403 403 403 403 403",
        json_body(
            lambda w: {"current_password": "not the password", "new_password": PASSWORD + "!"}
        ),
    ),
}
