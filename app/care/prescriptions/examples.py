"""OpenAPI examples of prescriptions (functions: see `app.core.examples`)."""

from __future__ import annotations

from app.core.types import JSONObject
from app.training.routines import examples as routines


def prescribe() -> JSONObject:
    return {
        "id": str(routines.ROUTINE_ID),
        "builder": {"level": "beginner", "minutes": 15, "affected_side": "right"},
        "name": "Right hip, weeks 1-4",
    }


def prescription_page() -> JSONObject:
    return {"items": [routines.prescribed_routine()], "next_cursor": None}


def deleted_page() -> JSONObject:
    last = routines.version()
    return {
        "items": [
            {
                "routine_id": last["routine_id"],
                "prescribed_at": last["created_at"],
                "deleted_at": "2026-12-01T08:00:00Z",
                "last_version": last,
            }
        ],
        "next_cursor": None,
    }
