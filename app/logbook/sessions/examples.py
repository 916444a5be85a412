"""OpenAPI examples of session logs: what a client sends, and what it gets back.

Each is a function (see `app.core.examples`): called once, when the document is first built.
The answers are the request's own values as the service presents them (UTC, every member).
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache

from app.core.types import JSONObject
from app.logbook.sessions import service
from app.logbook.sessions.models import EntryPublic, SessionCreate, SessionPublic, SessionTombstone

STORED_AT = datetime(2026, 11, 20, 6, 46, tzinfo=UTC)
# Opaque to clients; the shape of a real token, signed by no real key.
SYNC_TOKEN = "eyJzIjo0MiwiaSI6bnVsbH0.Qm9ndXNNYWNGb3JEb2Nz"  # noqa: S105
DELETED_ID = "2c9e4f1a-6b3d-4e8a-9f0c-5d7b1a2e3c4f"


def entry() -> JSONObject:
    """One set as a client logs it: members it does not use are left out."""
    return {
        "exercise": "clamshell",
        "set_number": 1,
        "side": "right",
        "reps": 12,
        "hold_seconds": 3,
        "pain": 1,
        "effort": 6,
    }


def entries() -> JSONObject:
    return {"entries": [entry()]}


def session_create() -> JSONObject:
    return {
        "id": "7d3f0c52-8a1b-4e6f-9c2d-1b0a9e8f7c6d",
        "started_at": "2026-11-20T07:30:00+01:00",
        "ended_at": "2026-11-20T07:45:00+01:00",
        "notes": "",
        "entries": [entry()],
    }


def session_patch() -> JSONObject:
    return {"notes": "Felt good"}


@cache
def session() -> JSONObject:
    sent = SessionCreate.model_validate(session_create())
    stored = SessionPublic(
        **sent.model_dump(exclude={"entries"}),
        entries=[EntryPublic(**e.model_dump()) for e in sent.entries],
        revision=1,
        created_at=STORED_AT,
        updated_at=STORED_AT,
    )
    return stored.model_dump(mode="json")


def session_page() -> JSONObject:
    """A sync page: a session changed since the token, and one deleted (its tombstone)."""
    tombstone = SessionTombstone.model_validate({"id": DELETED_ID, "deleted_at": STORED_AT})
    return {
        "items": [session(), tombstone.model_dump(mode="json")],
        "next_cursor": None,
        "sync_token": SYNC_TOKEN,
    }


def export_csv() -> str:
    return ",".join(service.EXPORT_COLUMNS)


def export_json() -> JSONObject:
    return {"columns": list(service.EXPORT_COLUMNS), "rows": []}
