"""OpenAPI examples of the users domain, shared by its routes and the data export."""

from __future__ import annotations

from typing import Any

USER_EXAMPLE: dict[str, Any] = {
    "id": "3f1c2a8e-5b7d-4c1e-9a7b-2d6f0e4b8c91",
    "email": "ada@example.com",
    "display_name": "Ada",
    "time_zone": "Europe/London",
    "units": "metric",
    "role": "user",
    "created_at": "2026-01-01T00:00:00Z",
    "updated_at": "2026-01-01T00:00:00Z",
}
TOKEN_EXAMPLE: dict[str, Any] = {
    "access_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...",
    "token_type": "bearer",
    "expires_in": 900,
    "refresh_token": "4b0e1c...9f.kq3...",
}
