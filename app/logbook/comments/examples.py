"""OpenAPI examples of session comments (functions, see `app.core.examples`)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from app.core.types import JSONObject

COMMENT_ID = uuid.UUID("c0aae000-3333-4c2d-9e8f-0a1b2c3d4e5f")
SESSION_ID = uuid.UUID("3f2b6c1e-9d4a-4b7e-8c5f-1a2b3c4d5e6f")
CLINICIAN_ID = uuid.UUID("c11a1c1a-0000-4c2d-9e8f-0a1b2c3d4e5f")
BODY = "Good depth on the clamshells; keep the pelvis still on the last reps."


def comment() -> JSONObject:
    return {
        "id": str(COMMENT_ID),
        "session_id": str(SESSION_ID),
        "author_id": str(CLINICIAN_ID),
        "clinic_id": None,
        "body": BODY,
        "created_at": datetime(2026, 11, 20, 9, 30, tzinfo=UTC).isoformat().replace("+00:00", "Z"),
    }


def comment_page() -> JSONObject:
    return {"items": [comment()], "next_cursor": None}


def comment_create() -> JSONObject:
    return {"id": str(COMMENT_ID), "body": BODY}
