"""OpenAPI examples of share links (functions: see `app.core.examples`)."""

from __future__ import annotations

from app.core.types import JSONObject
from app.logbook.progress import examples as progress
from app.training.routines import examples as routines

LINK_ID = "3d4e5f60-7a8b-4c9d-8e0f-1a2b3c4d5e6f"
TOKEN = "q3V0mY7xW1cN8tRk2pLs9dFh4jGz6bAe5uIo0nMvXyQ"  # noqa: S105 - a made-up example


def link() -> JSONObject:
    return {
        "id": LINK_ID,
        "kind": "routine_handout",
        "routine_id": str(routines.ROUTINE_ID),
        "label": "Coach Sam",
        "status": "active",
        "created_at": "2026-01-01T00:00:00Z",
        "expires_at": "2026-01-31T00:00:00Z",
        "revoked_at": None,
    }


def created() -> JSONObject:
    return {**link(), "token": TOKEN, "path": f"/api/v1/shared/{TOKEN}"}


def replayed() -> JSONObject:
    return {**link(), "token": None, "path": None}


def link_page() -> JSONObject:
    return {"items": [link()], "next_cursor": None}


def create() -> JSONObject:
    return {
        "id": LINK_ID,
        "kind": "routine_handout",
        "routine_id": str(routines.ROUTINE_ID),
        "label": "Coach Sam",
        "expires_in_days": 30,
    }


def progress_summary() -> JSONObject:
    return progress.progress()
