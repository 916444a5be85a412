"""OpenAPI examples of accounts and tokens.

Each is a function (see `app.core.examples`): called once, when the document is first built.
"""

from __future__ import annotations

from app.core.types import JSONObject
from app.users.models import Token, UserPublic


def user() -> JSONObject:
    return UserPublic.model_validate(
        {
            "id": "3f1c2a8e-5b7d-4c1e-9a7b-2d6f0e4b8c91",
            "email": "ada@example.com",
            "display_name": "Ada",
            "time_zone": "Europe/London",
            "units": "metric",
            "role": "user",
            "created_at": "2026-01-01T00:00:00Z",
            "updated_at": "2026-01-01T00:00:00Z",
        }
    ).model_dump(mode="json")


def token() -> JSONObject:
    return Token(
        access_token="eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...",  # noqa: S106
        token_type="bearer",  # noqa: S106
        expires_in=900,
        refresh_token="4b0e1c...9f.kq3...",  # noqa: S106
    ).model_dump(mode="json")
